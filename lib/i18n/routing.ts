/**
 * next-intl routing. Dutch is served without a prefix (`/nieuws/…`), English under `/en`.
 *
 * There is no locale proxy (middleware): the Dutch URLs are mapped onto the `[locale]` routes by
 * rewrites in next.config.js, generated from the same pathnames file, so cached pages are served
 * without per-request middleware work. Locale detection is off on purpose: a news site answers
 * `/` with its home edition rather than redirecting by Accept-Language, which would also make every
 * cached page vary by header.
 */
import { defineRouting } from 'next-intl/routing';
import pathnames from './pathnames.json';
import { defaultLocale, locales } from './locales';

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
  pathnames,
});

export type AppPathname = keyof typeof routing.pathnames;
