/**
 * What a shared preview link (`/voorvertoning/<token>`) shows (server only).
 *
 * The signature is checked before anything is read, so a forged, altered or expired link costs no
 * database query and learns nothing (not even whether the article exists). A signed link then
 * opens only while its record is active (lib/data/share-links.ts): a revoked link, a link to an
 * article taken down since, and a link nobody recorded are refused the same way, with the same
 * 401 page. No session or cookie is read or set; the link works for someone without an account
 * and leaves nothing behind in their browser.
 */
import { cache } from 'react';
import type { Article } from '@/lib/content/model';
import { getArticleById } from '@/lib/data/articles';
import { isShareLinkActive } from '@/lib/data/share-links';
import { getDatabase, type Database } from '@/lib/db/connection';
import { previewSecret, verifyPreviewToken } from './token';

export type SharedPreview =
  | { kind: 'article'; article: Article; expiresAt: string }
  /** The link is fine but the article has since been deleted. */
  | { kind: 'gone' }
  | { kind: 'refused' };

/** What `rawToken` (as it came in the URL) grants at `now`, given the site's secret. */
export async function resolveSharedPreview(database: Database, rawToken: string, secret: string, now: Date): Promise<SharedPreview> {
  let token: string;
  try {
    token = decodeURIComponent(rawToken);
  } catch {
    return { kind: 'refused' };
  }
  const verdict = verifyPreviewToken(token, secret, now);
  if (!verdict.ok) return { kind: 'refused' };
  if (!(await isShareLinkActive(database, token, verdict.articleId, now))) return { kind: 'refused' };
  const article = await getArticleById(database, verdict.articleId);
  if (article === null) return { kind: 'gone' };
  return { kind: 'article', article, expiresAt: verdict.expiresAt.toISOString() };
}

/** The article a share token grants, now. Cached per request (page and metadata share it). */
export const getSharedPreview = cache(async (rawToken: string): Promise<SharedPreview> => {
  const secret = previewSecret();
  return resolveSharedPreview(await getDatabase(), rawToken, secret, new Date());
});
