/**
 * Public paths built straight from pathnames.json, without next-intl: the same URLs as next-intl's
 * `getPathname` (Dutch without a prefix, other locales under `/<locale>`), for code that must not
 * load next-intl: the content CLI, and client leaves that link to articles (load more's cards).
 */
import { defaultLocale, type Locale } from './locales';
import pathnames from './pathnames.json';

type LocalizedPathname = { [L in Locale]: string };
export type Pathname = keyof typeof pathnames;

/** A route's public path in `locale`, with `[param]` segments filled in (URL-encoded). */
export function localizedPath(locale: Locale, pathname: Pathname, params: Record<string, string> = {}): string {
  const entry = pathnames[pathname] as string | LocalizedPathname;
  const template = typeof entry === 'string' ? entry : entry[locale];
  const filled = template.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`missing parameter "${name}" for ${pathname}`);
    return encodeURIComponent(value);
  });
  if (locale === defaultLocale) return filled;
  return filled === '/' ? `/${locale}` : `/${locale}${filled}`;
}
