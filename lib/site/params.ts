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
  const page = parsePageNumber(decodeURIComponent(raw));
  if (page === null) notFound();
  if (page === 1) permanentRedirect(pageOnePath);
  return page;
}
