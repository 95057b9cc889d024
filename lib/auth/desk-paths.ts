/**
 * The desk's public paths, from lib/i18n/pathnames.json (the file next.config.js generates the Dutch
 * rewrites from), and the check on the `next` parameter that sign-in redirects to.
 *
 * `next` arrives in a URL anyone can craft, so it is only ever a path inside the desk of either
 * locale (`/redactie…`, `/en/desk…`): never another origin (`//evil.example`, `https://…`,
 * `/\evil.example`), never a public page, never the sign-in page itself. Anything else falls back
 * to the desk's home.
 */
import pathnames from '@/lib/i18n/pathnames.json';
import { defaultLocale, locales, type Locale } from '@/lib/i18n/locales';

/** Every desk route, as named in pathnames.json. */
export type DeskPathname =
  | '/desk'
  | '/desk/sign-in'
  | '/desk/articles/new'
  | '/desk/articles/[id]'
  | '/desk/articles/[id]/revisions'
  | '/desk/media'
  | '/desk/users'
  | '/desk/sections'
  | '/desk/authors'
  | '/desk/password'
  | '/desk/audit';

/**
 * The public path of a desk route in `locale`; `id` fills an `[id]` segment (URL-encoded, so an
 * article id can never add path segments).
 */
export function deskRoutePath(locale: Locale, pathname: DeskPathname, id?: string): string {
  let localized: string = pathnames[pathname][locale];
  if (localized.includes('[id]')) {
    if (id === undefined) throw new Error(`${pathname} needs an id`);
    localized = localized.replace('[id]', encodeURIComponent(id));
  }
  return locale === defaultLocale ? localized : `/${locale}${localized}`;
}

const publicPath = (locale: Locale, pathname: DeskPathname) => deskRoutePath(locale, pathname);

/** `/redactie` or `/en/desk`. */
export const deskPath = (locale: Locale) => publicPath(locale, '/desk');
/** `/redactie/inloggen` or `/en/desk/sign-in`. */
export const signInPath = (locale: Locale) => publicPath(locale, '/desk/sign-in');
/** `/redactie/artikelen/nieuw` or `/en/desk/articles/new`. */
export const newArticlePath = (locale: Locale) => publicPath(locale, '/desk/articles/new');
/** `/redactie/wachtwoord` or `/en/desk/password`: changing one's own password. */
export const passwordPath = (locale: Locale) => publicPath(locale, '/desk/password');
/** `/redactie/logboek` or `/en/desk/audit`: the audit trail (admins). */
export const auditPath = (locale: Locale) => publicPath(locale, '/desk/audit');
/** `/redactie/artikelen/<id>` or `/en/desk/articles/<id>`. */
export const articleEditPath = (locale: Locale, id: string) => deskRoutePath(locale, '/desk/articles/[id]', id);
/** `/redactie/artikelen/<id>/versies` or `/en/desk/articles/<id>/revisions`. */
export const articleRevisionsPath = (locale: Locale, id: string) => deskRoutePath(locale, '/desk/articles/[id]/revisions', id);

/** The sign-in page's URL that returns to `next` (already checked) afterwards. */
export function signInUrl(locale: Locale, next: string): string {
  return `${signInPath(locale)}?next=${encodeURIComponent(next)}`;
}

const NEXT_MAX_LENGTH = 512;
const PLACEHOLDER_ORIGIN = 'http://desk.invalid';

/** `raw` when it is a safe path inside the desk, else the desk's home for `locale`. */
export function safeNextPath(raw: unknown, locale: Locale): string {
  const fallback = deskPath(locale);
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > NEXT_MAX_LENGTH) return fallback;
  // Only a rooted path; no scheme, no protocol-relative `//`, no backslashes browsers treat as `/`,
  // no control characters.
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const inDesk = locales.some((candidate) => {
    const base = deskPath(candidate);
    return url.pathname === base || url.pathname.startsWith(`${base}/`);
  });
  const isSignIn = locales.some((candidate) => url.pathname === signInPath(candidate));
  if (!inDesk || isSignIn) return fallback;
  return `${url.pathname}${url.search}`;
}
