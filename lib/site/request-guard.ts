/**
 * The checks every request passes before Next routes it (proxy.ts). Each is a pure function of the
 * method, the raw (still percent-encoded) path and the query: string checks only, no I/O, because
 * every request pays for them. The first check that has an answer wins; a request none of them
 * answers goes on to Next untouched. A new check is a RequestCheck in `requestChecks`, answering
 * with a GuardAnswer kind that proxy.ts knows how to send.
 *
 * Why they exist, in stock Next 16.5:
 * - A path with invalid percent-encoding (`/nieuws/%FF`, `/%`) makes Next's router throw while it
 *   decodes the path, and it answers a bare plain-text 500, without the site's headers or a log line.
 * - Pages answer every method (PUT, DELETE and PATCH render the page), and OPTIONS is a 400.
 * - A prerendered route handler (a feed) whose first request after a start is not a GET caches
 *   that request's 405 and serves it to every reader until it is revalidated.
 * - A listing's `?pagina=` value is rewritten into a path segment (next.config.js), so a value
 *   such as `..`, `//x` or `%FF` makes a path the router cannot resolve, and a 500.
 */
import pathnames from '@/lib/i18n/pathnames.json';
import queryParams from '@/lib/i18n/query-params.json';
import { defaultLocale, locales, type Locale } from '@/lib/i18n/locales';

export interface GuardedRequest {
  /** As sent: `GET`, `POST`, … */
  method: string;
  /** The path as sent, still percent-encoded, without the query. */
  pathname: string;
  /** The query, decoded. */
  searchParams: URLSearchParams;
}

/** Pages answer in HTML, `/api/` in JSON; the proxy formats an answer accordingly. */
export type Surface = 'page' | 'api';

/** What the proxy answers itself, instead of passing the request on. */
export type GuardAnswer =
  /**
   * A path that cannot name anything: the localized 404 (JSON under `/api/`). `undecodable` when
   * the path itself does not decode, which Next cannot be handed even as a rewrite's source.
   */
  | { kind: 'not-found'; surface: Surface; locale: Locale; undecodable?: true }
  /** 405 with an `Allow` header. */
  | { kind: 'method-not-allowed'; surface: Surface; allow: readonly string[] }
  /** The answer to OPTIONS: 204 with an `Allow` header. */
  | { kind: 'options'; allow: readonly string[] };

export type RequestCheck = (request: GuardedRequest) => GuardAnswer | null;

/**
 * The JSON endpoints (app/api/…/route.ts) and what each one takes: the methods it exports, HEAD
 * going with GET, and OPTIONS. __tests__/site/request-guard.test.ts checks this table against the
 * route files.
 */
export const API_ENDPOINTS: ReadonlyArray<{ path: RegExp; allow: readonly string[] }> = [
  { path: /^\/api\/articles\/[^/]+\/status$/, allow: ['GET', 'HEAD', 'OPTIONS'] },
  { path: /^\/api\/listings$/, allow: ['GET', 'HEAD', 'OPTIONS'] },
  { path: /^\/api\/preview$/, allow: ['GET', 'HEAD', 'OPTIONS'] },
  { path: /^\/api\/preview\/exit$/, allow: ['POST', 'OPTIONS'] },
  { path: /^\/api\/revalidate$/, allow: ['POST', 'OPTIONS'] },
  { path: /^\/api\/desk\/media$/, allow: ['POST', 'OPTIONS'] },
];

/** Pages, feeds, sitemaps, media and robots.txt are read-only. */
const READ_ONLY = ['GET', 'HEAD', 'OPTIONS'] as const;

/** `/redactie` and `/en/desk` also take POST: Server Actions post to the page's own URL, and only the desk has them. */
const DESK_PREFIXES = [pathnames['/desk'].nl, `/en${pathnames['/desk'].en}`];
const DESK = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const;

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** `/en` and below is English; everything else, unknown prefixes included, is a Dutch address. */
export function editionOf(pathname: string): Locale {
  return isUnder(pathname, '/en') ? 'en' : defaultLocale;
}

export function surfaceOf(pathname: string): Surface {
  return isUnder(pathname, '/api') ? 'api' : 'page';
}

/** The methods a path takes, OPTIONS included; null for a path below `/api/` that names no endpoint. */
export function allowedMethods(pathname: string): readonly string[] | null {
  if (surfaceOf(pathname) === 'api') return API_ENDPOINTS.find(({ path }) => path.test(pathname))?.allow ?? null;
  return DESK_PREFIXES.some((prefix) => isUnder(pathname, prefix)) ? DESK : READ_ONLY;
}

/** True when every `%` in the path starts a sequence that decodes as UTF-8 (no `%FF`, `%C3%28`, `%ZZ` or lone `%`). */
export function isWellFormedPath(pathname: string): boolean {
  if (!pathname.includes('%')) return true;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * The listings whose page 2 and later are `?pagina=N` (`?page=N` in English), which next.config.js
 * (paginationRoutes) rewrites onto a `/page/N` path segment. Checked against its rewrites in
 * __tests__/site/request-guard.test.ts.
 */
const PAGINATED_LISTINGS = ['/section/[slug]', '/tag/[slug]', '/author/[slug]', '/video'] as const;

const paginatedListings: ReadonlyArray<{ path: RegExp; locale: Locale; key: string }> = locales.flatMap((locale) =>
  PAGINATED_LISTINGS.map((internal) => {
    const prefix = locale === defaultLocale ? '' : `/${locale}`;
    const localized = prefix + pathnames[internal][locale];
    const pattern = localized
      .split('[slug]')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    return { path: new RegExp(`^${pattern}$`), locale, key: queryParams.page[locale] };
  }),
);

/** The listing a path is, in its edition, with the name of its page parameter; null for any other path. */
export function paginatedListingOf(pathname: string): { locale: Locale; key: string } | null {
  const listing = paginatedListings.find(({ path }) => path.test(pathname));
  return listing ? { locale: listing.locale, key: listing.key } : null;
}

/** A path that cannot be decoded names nothing: 404 in the edition of its prefix. */
export const wellFormedPath: RequestCheck = ({ pathname }) =>
  isWellFormedPath(pathname) ? null : { kind: 'not-found', surface: surfaceOf(pathname), locale: editionOf(pathname), undecodable: true };

/** Under `/api/`, only the endpoints exist; anything else is a JSON 404 rather than a Dutch HTML page. */
export const knownEndpoint: RequestCheck = ({ pathname }) =>
  surfaceOf(pathname) === 'api' && allowedMethods(pathname) === null ? { kind: 'not-found', surface: 'api', locale: defaultLocale } : null;

/**
 * OPTIONS is answered here; any other method the path does not take is a 405. (TRACE, CONNECT and
 * unknown methods never reach the proxy: Next cannot route them. lib/site/unroutable-methods.ts
 * answers them in the Node server with this same check.)
 */
export const allowedMethod: RequestCheck = ({ method, pathname }) => {
  const allow = allowedMethods(pathname);
  if (allow === null) return null;
  if (method === 'OPTIONS') return { kind: 'options', allow };
  return allow.includes(method) ? null : { kind: 'method-not-allowed', surface: surfaceOf(pathname), allow };
};

/**
 * A listing's page parameter becomes a path segment, so it must be a plain one: letters, digits,
 * `-` and `_` (the page route itself answers 404 for anything but a page number in range). Any
 * other value is that 404 at once.
 */
export const plainPageParameter: RequestCheck = ({ pathname, searchParams }) => {
  if (searchParams.size === 0) return null;
  const listing = paginatedListingOf(pathname);
  if (listing === null) return null;
  return searchParams.getAll(listing.key).every((value) => /^[\w-]*$/.test(value)) ? null : { kind: 'not-found', surface: 'page', locale: listing.locale };
};

/** In order: a path must decode before anything else is asked of it. */
export const requestChecks: readonly RequestCheck[] = [wellFormedPath, knownEndpoint, allowedMethod, plainPageParameter];

/** The answer of the first check that has one, or null: pass the request on to Next. */
export function checkRequest(request: GuardedRequest, checks: readonly RequestCheck[] = requestChecks): GuardAnswer | null {
  for (const check of checks) {
    const answer = check(request);
    if (answer !== null) return answer;
  }
  return null;
}
