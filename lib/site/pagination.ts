/**
 * Listing page numbers and their URLs. Page 1 is the listing's own URL; page N is
 * `?pagina=N` (nl) or `?page=N` (en), which next.config.js rewrites onto a static route segment.
 */
import queryParams from '@/lib/i18n/query-params.json';
import type { Locale } from '@/lib/i18n/locales';

export const LISTING_PAGE_SIZE = 20;
export const MAX_PAGE = 100_000;

/** A page number as it may appear in a URL: digits, no leading zero, within bounds. Else null. */
export function parsePageNumber(raw: string | undefined): number | null {
  if (raw === undefined || !/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_PAGE ? page : null;
}

/** The URL of page `page` of a listing whose page-1 path is `basePath`. */
export function listingPageHref(basePath: string, locale: Locale, page: number): string {
  return page <= 1 ? basePath : `${basePath}?${queryParams.page[locale]}=${page}`;
}
