/**
 * Locale-aware links and paths for server components, with the URLs next-intl's routing defines
 * (lib/i18n/routing.ts: Dutch without a prefix, English under `/en`, localized pathnames).
 *
 * Deliberately not next-intl's `createNavigation`: its `Link` renders a client component
 * (BaseLink) that reads the locale from next-intl's client provider, and merely importing it puts
 * that component and use-intl's client runtime into the JavaScript of every page whose server
 * components link anywhere. Here the path is resolved on the server (lib/i18n/paths, checked
 * against next-intl's own `getPathname` in __tests__/i18n/paths.test.ts) and the link is a plain
 * `next/link`.
 */
import NextLink from 'next/link';
import { createElement, type ComponentProps } from 'react';
import { useLocale } from 'next-intl';
import type { Locale } from './locales';
import { localizedPath, type Pathname } from './paths';

type ParamNames<P extends string> = P extends `${string}[${infer Name}]${infer Rest}` ? Name | ParamNames<Rest> : never;

/** A route of pathnames.json: its name alone, or with a value for each of its `[param]` segments. */
export type LocalizedHref = {
  [P in Pathname]: [ParamNames<P>] extends [never] ? P : { pathname: P; params: Record<ParamNames<P>, string> };
}[Pathname];

/** The public path of `href` in `locale`: `getPathname({ locale: 'en', href: '/search' })` is `/en/search`. */
export function getPathname({ locale, href }: { locale: Locale; href: LocalizedHref }): string {
  return typeof href === 'string' ? localizedPath(locale, href) : localizedPath(locale, href.pathname, href.params);
}

export type LinkProps = Omit<ComponentProps<typeof NextLink>, 'href' | 'locale'> & {
  /** Resolved in the locale of the request (the page's `setRequestLocale`). */
  href: LocalizedHref;
};

/** A link to a page of the site in the current request's locale (`/rubriek/x`, `/en/section/x`). */
export function Link({ href, ...rest }: LinkProps) {
  // next-intl's server useLocale here (react-server build): the locale the page set.
  const locale = useLocale() as Locale;
  return createElement(NextLink, { ...rest, href: getPathname({ locale, href }) });
}
