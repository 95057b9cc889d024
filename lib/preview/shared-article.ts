/**
 * What a shared preview link (`/voorvertoning/<token>`) shows (server only).
 *
 * The token alone decides: it is checked before anything is read, so a forged, altered or expired
 * link costs no database query and learns nothing (not even whether the article exists). No
 * session or cookie is read or set; the link works for someone without an account and leaves
 * nothing behind in their browser.
 */
import { cache } from 'react';
import type { Article } from '@/lib/content/model';
import { getArticleForPreviewById } from '@/lib/data/preview';
import { getDatabase } from '@/lib/db/connection';
import { previewSecret, verifyPreviewToken } from './token';

export type SharedPreview =
  | { kind: 'article'; article: Article; expiresAt: string }
  /** The link is fine but the article has since been deleted. */
  | { kind: 'gone' }
  | { kind: 'refused' };

/** The article a share token grants, at `now`. Cached per request (page and metadata share it). */
export const getSharedPreview = cache(async (rawToken: string): Promise<SharedPreview> => {
  let token: string;
  try {
    token = decodeURIComponent(rawToken);
  } catch {
    return { kind: 'refused' };
  }
  const verdict = verifyPreviewToken(token, previewSecret(), new Date());
  if (!verdict.ok) return { kind: 'refused' };
  const article = await getArticleForPreviewById(await getDatabase(), verdict.articleId);
  if (article === null) return { kind: 'gone' };
  return { kind: 'article', article, expiresAt: verdict.expiresAt.toISOString() };
});
