/**
 * The site's locales. Dutch is the default and has no URL prefix; English lives under /en.
 * This module has no dependencies so that the content model, the data layer and the CLI can use it
 * without pulling in next-intl.
 */
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
