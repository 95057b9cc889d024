/**
 * Route parameter checks shared by every route: a bad locale or page number is a 404 (never a
 * 500), and page 1 has one canonical URL without a page parameter.
 */
import { notFound, permanentRedirect } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { parsePageNumber } from './pagination';

/** Validates the `[locale]` segment and makes it the request's locale for next-intl. */
export function requireLocale(value: string): Locale {
  if (!isLocale(value)) notFound();
  setRequestLocale(value);
  return value;
}

/** Validates a `/page/[page]` segment: page 2 and up; page 1 redirects to the listing itself. */
export function requirePageNumber(raw: string, pageOnePath: string): number {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    notFound(); // `%FF` and the like: not a page number, and never a 500
  }
  const page = parsePageNumber(decoded);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(pageOnePath);
  return page;
}

/**
 * The page number a listing route's optional `[[...page]]` segments name: none is page 1, `page/N`
 * page N (2 and up; `page/1` redirects to the listing itself), anything else a 404.
 */
export function listingPage(segments: string[] | undefined, pageOnePath: string): number {
  if (segments === undefined || segments.length === 0) return 1;
  const [keyword, raw, ...rest] = segments;
  if (keyword !== 'page' || raw === undefined || rest.length > 0) notFound();
  return requirePageNumber(raw, pageOnePath);
}
