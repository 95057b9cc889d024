/**
 * Sitemaps (sitemaps.org protocol 0.9): `<urlset>` files and the `<sitemapindex>` that lists them.
 *
 * Pure builders: callers pass absolute URLs and ISO 8601 instants; nothing here reads the clock,
 * the database or the site configuration. The protocol caps a file at 50,000 URLs (and 50 MB
 * uncompressed, which 50,000 URLs of ordinary length stay well below), so callers split long lists
 * with {@link splitForSitemaps} and list the parts in an index.
 */
import { isoInstant } from '@/lib/dates/format';
import { parentElement, textElement, XML_DECLARATION } from './xml';

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** The protocol's limit of URLs per sitemap file (and of sitemaps per index). */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapUrl {
  /** Absolute URL of the page. */
  loc: string;
  /** When the page's content last changed: an ISO 8601 instant (for an article, its updatedAt). */
  lastmod?: string;
}

export interface SitemapReference {
  /** Absolute URL of a sitemap file. */
  loc: string;
  /** The newest lastmod of the URLs in that file, when known. */
  lastmod?: string;
}

/**
 * W3C Datetime, as the sitemap protocols want it: the instant in UTC, to the second when it has no
 * fraction (`2022-05-03T12:38:40Z`). Throws a RangeError for anything that is not an instant with a zone.
 */
export function w3cDateTime(value: string | Date): string {
  return isoInstant(value).replace(/\.000Z$/, 'Z');
}

function lastmod(value: string | undefined): string[] {
  return value === undefined ? [] : [textElement('lastmod', w3cDateTime(value))];
}

function checkCount(count: number, what: string): void {
  if (count > SITEMAP_MAX_URLS) {
    throw new RangeError(`a sitemap ${what} holds at most ${SITEMAP_MAX_URLS} entries, got ${count}; split it first`);
  }
}

/**
 * A `<urlset>` document. Throws a RangeError for more than {@link SITEMAP_MAX_URLS} URLs rather
 * than write a file search engines would reject.
 */
export function buildUrlset(urls: readonly SitemapUrl[]): string {
  checkCount(urls.length, 'file');
  const body = urls.map((url) => parentElement('url', [textElement('loc', url.loc), ...lastmod(url.lastmod)]));
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NAMESPACE}">`, ...body, '</urlset>', ''].join('\n');
}

/** A `<sitemapindex>` document listing sitemap files. */
export function buildSitemapIndex(sitemaps: readonly SitemapReference[]): string {
  checkCount(sitemaps.length, 'index');
  const body = sitemaps.map((sitemap) => parentElement('sitemap', [textElement('loc', sitemap.loc), ...lastmod(sitemap.lastmod)]));
  return [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NAMESPACE}">`, ...body, '</sitemapindex>', ''].join('\n');
}

/**
 * Splits a list into consecutive parts of at most `size` (default {@link SITEMAP_MAX_URLS}),
 * keeping its order. An empty list gives no parts.
 */
export function splitForSitemaps<T>(items: readonly T[], size: number = SITEMAP_MAX_URLS): T[][] {
  if (!Number.isSafeInteger(size) || size < 1 || size > SITEMAP_MAX_URLS) {
    throw new RangeError(`size must be a whole number from 1 to ${SITEMAP_MAX_URLS}, got ${size}`);
  }
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size) parts.push(items.slice(start, start + size));
  return parts;
}

/** How many sitemap files `count` URLs need at `size` per file. */
export function sitemapFileCount(count: number, size: number = SITEMAP_MAX_URLS): number {
  return Math.ceil(Math.max(0, count) / size);
}

/** The newest of some ISO instants, or undefined for none. */
export function newestInstant(values: ReadonlyArray<string | undefined>): string | undefined {
  let newest: string | undefined;
  let newestMs = -Infinity;
  for (const value of values) {
    if (value === undefined) continue;
    const ms = Date.parse(isoInstant(value));
    if (ms > newestMs) {
      newest = value;
      newestMs = ms;
    }
  }
  return newest;
}
