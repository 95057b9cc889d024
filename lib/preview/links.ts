/**
 * Shareable preview links: `/voorvertoning/<token>` (nl) and `/en/preview/<token>` (en), absolute on
 * SITE_URL. The desk's "Share preview" action calls {@link createShareLink}; the content CLI's
 * `preview-link` command calls {@link issueShareLink} with the article it looked up itself. Both
 * record the link, and only recorded links open (lib/data/share-links.ts), so each can be revoked.
 *
 * Paths are built by lib/i18n/paths (not next-intl's navigation), so this module also runs outside
 * Next, in the CLI.
 */
import type { Locale } from '@/lib/i18n/locales';
import { localizedPath } from '@/lib/i18n/paths';
import { getDatabase, type Database } from '@/lib/db/connection';
import { getArticleById } from '@/lib/data/articles';
import { recordShareLink, type ShareLinkActor } from '@/lib/data/share-links';
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

export interface IssuedShareLink extends ShareLink {
  /** The record's id (the SHA-256 of the token), for revoking it. */
  id: string;
}

export class ArticleNotFoundError extends Error {
  constructor(id: string) {
    super(`there is no article with id "${id}"`);
    this.name = 'ArticleNotFoundError';
  }
}

/** A signed link for `article`, valid for `ttlMs` from `now`. Pure apart from the secret it is given; records nothing. */
export function buildShareLink(
  article: { id: string; locale: Locale },
  options: { ttlMs: number; now: Date; secret: string; siteUrl: string },
): ShareLink {
  const { url, expiresAt } = signShareLink(article, options);
  return { url, expiresAt };
}

function signShareLink(article: { id: string; locale: Locale }, options: { ttlMs: number; now: Date; secret: string; siteUrl: string }) {
  // Whole seconds, so the expiry shown equals the one signed.
  const expires = new Date(Math.floor((options.now.getTime() + options.ttlMs) / 1000) * 1000);
  return signShareLinkExpiring(article, expires, options);
}

function signShareLinkExpiring(article: { id: string; locale: Locale }, expires: Date, options: { secret: string; siteUrl: string }) {
  const token = signPreviewToken(article.id, expires, options.secret);
  return { token, expires, url: new URL(sharePreviewPath(article.locale, token), options.siteUrl).toString(), expiresAt: expires.toISOString() };
}

/** How many earlier seconds {@link issueShareLink} tries when the exact token is taken. */
const DISTINCT_LINK_ATTEMPTS = 60;

/**
 * Signs a link for `article` and records it (lib/data/share-links.ts), which is what makes it open:
 * an unrecorded link is refused. `createdBy` is the desk user, or null for the content CLI.
 *
 * Every call gives a link of its own, so that revoking one never ends a colleague's: two links to
 * the same article made in the same second would be the same token, so the later one expires a
 * second earlier instead (and so on, should that one be taken too).
 */
export async function issueShareLink(
  database: Database,
  article: { id: string; locale: Locale },
  options: { ttlMs: number; now: Date; secret: string; siteUrl: string; createdBy: ShareLinkActor | null },
): Promise<IssuedShareLink> {
  const first = signShareLink(article, options);
  for (let attempt = 0; attempt < DISTINCT_LINK_ATTEMPTS; attempt += 1) {
    const signed = attempt === 0 ? first : signShareLinkExpiring(article, new Date(first.expires.getTime() - attempt * 1000), options);
    const record = await recordShareLink(database, {
      token: signed.token,
      articleId: article.id,
      expiresAt: signed.expires,
      createdBy: options.createdBy,
      now: options.now,
    });
    if (record !== null) return { url: signed.url, expiresAt: signed.expiresAt, id: record.id };
  }
  throw new Error(`more than ${DISTINCT_LINK_ATTEMPTS} share links to article ${article.id} in one second`);
}

/**
 * A signed, recorded preview link for the article with `articleId` (any status), valid for `ttl`
 * (`"2h"`, a number of milliseconds, or 24 hours). Throws ArticleNotFoundError for an unknown id,
 * InvalidTtlError/RangeError for a lifetime outside 1 minute…7 days, and PreviewNotConfiguredError
 * on PostgreSQL without PREVIEW_SECRET. Callers check the editor's session first.
 */
export async function createShareLink(
  articleId: string,
  options: { ttl?: string | number; now?: Date; createdBy: ShareLinkActor | null },
): Promise<IssuedShareLink> {
  const ttlMs = resolveTtl(options.ttl);
  const secret = previewSecret();
  const database = await getDatabase();
  const article = await getArticleById(database, articleId);
  if (article === null) throw new ArticleNotFoundError(articleId);
  return issueShareLink(database, article, { ttlMs, now: options.now ?? new Date(), secret, siteUrl: siteConfig.url, createdBy: options.createdBy });
}
