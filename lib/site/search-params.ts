/**
 * The search page's URL parameters (`?q=…&pagina=N`, `?q=…&page=N`), checked as strictly as a
 * listing's page number (lib/site/params.ts): the same number syntax, page 1 only at the URL without
 * a page parameter, and no page past the last. A URL naming a page that does not exist is a 404,
 * never an empty page with a count that says otherwise.
 */
import type { Locale } from '@/lib/i18n/locales';
import queryParams from '@/lib/i18n/query-params.json';
import { parsePageNumber } from './pagination';

export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;
/** Result pages past this one are not served (nobody reads them; bots would make them costly). */
export const SEARCH_MAX_PAGES = 10;

export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'query'; text: string; page: number };

/**
 * What a search URL asks for: a query to show (`page` is 1 for the empty and over-long kinds, which
 * have one page only), the same URL without its `page=1` (`page-one`), or nothing that exists.
 */
export type SearchRequest = { kind: 'show'; query: SearchQuery } | { kind: 'page-one'; text: string } | { kind: 'not-found' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Reads `q` and the page parameter. The page parameter must be absent, or a page number from 2 to
 * {@link SEARCH_MAX_PAGES} of a real query: anything else (`abc`, `-1`, `02`, an empty or repeated
 * parameter, page 2 of an empty query) is `not-found`, and `1` is `page-one`. Whether the page exists
 * is known only after searching: see {@link searchPageExists}.
 */
export function readSearchParams(q: string | string[] | undefined, page: string | string[] | undefined): SearchRequest {
  const text = first(q)?.trim() ?? '';
  let number = 1;
  if (page !== undefined) {
    const parsed = Array.isArray(page) ? null : parsePageNumber(page);
    if (parsed === null) return { kind: 'not-found' };
    if (parsed === 1) return { kind: 'page-one', text };
    number = parsed;
  }
  if (!text) return number === 1 ? { kind: 'show', query: { kind: 'empty' } } : { kind: 'not-found' };
  if (text.length > SEARCH_MAX_LENGTH) return number === 1 ? { kind: 'show', query: { kind: 'too-long', length: text.length } } : { kind: 'not-found' };
  if (number > SEARCH_MAX_PAGES) return { kind: 'not-found' };
  return { kind: 'show', query: { kind: 'query', text, page: number } };
}

/** How many result pages `total` matches fill: never more than {@link SEARCH_MAX_PAGES}, and 0 for none. */
export function searchPageCount(total: number, pageSize: number = SEARCH_PAGE_SIZE): number {
  return Math.min(SEARCH_MAX_PAGES, Math.ceil(total / pageSize));
}

/** Page 1 always exists (it may say "no results"); a later page only when the matches reach it. */
export function searchPageExists(page: number, total: number, pageSize: number = SEARCH_PAGE_SIZE): boolean {
  return page === 1 || page <= searchPageCount(total, pageSize);
}

/** The URL of result page `page` for `text` on the search page at `searchPath`; page 1 has no page parameter. */
export function searchHref(searchPath: string, locale: Locale, text: string, page = 1): string {
  if (text === '' && page <= 1) return searchPath;
  const query = `${searchPath}?q=${encodeURIComponent(text)}`;
  return page <= 1 ? query : `${query}&${queryParams.page[locale]}=${page}`;
}
