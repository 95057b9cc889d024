/**
 * What the article route shows in Draft Mode (server only).
 *
 * Draft Mode alone proves nothing: its cookie says "skip the caches", not "this is an editor". The
 * stored text of an article is shown only when Draft Mode is on AND the request carries a valid desk
 * session; otherwise the route behaves exactly as for the public (a draft is a 404). The session
 * is read only inside Draft Mode, so the public render never touches cookies and stays static.
 *
 * Reads go straight to the data layer (lib/data/preview.ts), never through lib/cache, and Next
 * serves Draft Mode responses `private, no-store` and never stores them in its page cache.
 */
import { cache } from 'react';
import { draftMode } from 'next/headers';
import { getSession } from '@/lib/auth/request-session';
import type { PublicArticleResult } from '@/lib/data/articles';
import { getArticleForPreview } from '@/lib/data/preview';
import { getDatabase } from '@/lib/db/connection';
import type { Locale } from '@/lib/i18n/locales';

/**
 * `null` when this request must see the public page; otherwise the stored article at `slug` (any
 * status), `moved`, or a null `found` when no article has that slug. Cached per request so the
 * page and generateMetadata share one read.
 */
export const getDraftPreview = cache(async (locale: Locale, slug: string): Promise<{ found: PublicArticleResult } | null> => {
  const { isEnabled } = await draftMode();
  if (!isEnabled) return null;
  const session = await getSession();
  if (session === null) return null;
  return { found: await getArticleForPreview(await getDatabase(), locale, slug) };
});
