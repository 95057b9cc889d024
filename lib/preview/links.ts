/**
 * Shareable preview links: `/voorvertoning/<token>` (nl) and `/en/preview/<token>` (en), absolute on
 * SITE_URL. The desk's "Share preview" action calls {@link createShareLink}; the content CLI's
 * `preview-link` command calls {@link buildShareLink} with the article it looked up itself.
 *
 * Paths are built by lib/i18n/paths (not next-intl's navigation), so this module also runs outside
 * Next, in the CLI.
 */
import type { Locale } from '@/lib/i18n/locales';
import { localizedPath } from '@/lib/i18n/paths';
import { getDatabase } from '@/lib/db/connection';
import { getArticleForPreviewById } from '@/lib/data/preview';
import { siteConfig } from '@/lib/site/config';
import { DEFAULT_PREVIEW_TTL_MS, MAX_PREVIEW_TTL_MS, MIN_PREVIEW_TTL_MS, parseTtl, previewSecret, signPreviewToken } from './token';

/** The article's public path: `/nieuws/<slug>` or `/en/news/<slug>`. */
export const publicArticlePath = (locale: Locale, slug: string) => localizedPath(locale, '/news/[slug]', { slug });

/** The shared-preview path for `token` in `locale`. */
export const sharePreviewPath = (locale: Locale, token: string) => localizedPath(locale, '/preview/[token]', { token });

/** A lifetime in milliseconds from `"2h"`-style text or a number of milliseconds (both within the limits). */
export function resolveTtl(ttl: string | number | undefined): number {
  if (ttl === undefined) return DEFAULT_PREVIEW_TTL_MS;
  if (typeof ttl === 'string') return parseTtl(ttl);
  if (!Number.isFinite(ttl) || ttl < MIN_PREVIEW_TTL_MS || ttl > MAX_PREVIEW_TTL_MS) {
    throw new RangeError(`a preview link lives between ${MIN_PREVIEW_TTL_MS} and ${MAX_PREVIEW_TTL_MS} ms, got ${ttl}`);
  }
  return Math.floor(ttl);
}

export interface ShareLink {
  /** Absolute URL on the site's public origin. */
  url: string;
  /** ISO 8601 in UTC, to the second. */
  expiresAt: string;
}

export class ArticleNotFoundError extends Error {
  constructor(id: string) {
    super(`there is no article with id "${id}"`);
    this.name = 'ArticleNotFoundError';
  }
}

/** A signed link for `article`, valid for `ttlMs` from `now`. Pure apart from the secret it is given. */
export function buildShareLink(
  article: { id: string; locale: Locale },
  options: { ttlMs: number; now: Date; secret: string; siteUrl: string },
): ShareLink {
  // Whole seconds, so the expiry shown equals the one signed.
  const expires = new Date(Math.floor((options.now.getTime() + options.ttlMs) / 1000) * 1000);
  const token = signPreviewToken(article.id, expires, options.secret);
  return { url: new URL(sharePreviewPath(article.locale, token), options.siteUrl).toString(), expiresAt: expires.toISOString() };
}

/**
 * A signed preview link for the article with `articleId` (any status), valid for `ttl` (`"2h"`, a
 * number of milliseconds, or 24 hours). Throws ArticleNotFoundError for an unknown id,
 * InvalidTtlError/RangeError for a lifetime outside 1 minute…7 days, and PreviewNotConfiguredError
 * on PostgreSQL without PREVIEW_SECRET. Callers check the editor's session first.
 */
export async function createShareLink(articleId: string, ttl?: string | number, now: Date = new Date()): Promise<ShareLink> {
  const ttlMs = resolveTtl(ttl);
  const secret = previewSecret();
  const article = await getArticleForPreviewById(await getDatabase(), articleId);
  if (article === null) throw new ArticleNotFoundError(articleId);
  return buildShareLink(article, { ttlMs, now, secret, siteUrl: siteConfig.url });
}
