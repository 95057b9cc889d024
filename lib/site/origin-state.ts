/**
 * What the proxy (proxy.ts) does for the origin's own state, before Next looks at its caches:
 * - while the database is known to be unreachable (lib/db/health.ts), pages get the localized 503
 *   page with Retry-After at once, instead of a render that fails with a 500;
 * - a refresh from the edge (`X-Edge-Refresh`, lib/cache/edge-refresh.ts) waits until this instance
 *   has caught up with the invalidation log, so it renders the state the edge was refreshed for.
 *
 * Both read process-wide state through globals and import nothing of the data layer, so the proxy,
 * which every request passes, stays small.
 */
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { catchUpWithLog } from '@/lib/publishing/catch-up';
import { databaseKnownDown } from '@/lib/db/health';
import { renderErrorPage } from './error-pages';
import { RETRY_AFTER_SECONDS } from './unavailable';

/**
 * Route handlers (API, feeds, sitemaps, robots, media) answer a 503 of their own kind
 * (lib/site/unavailable.ts), and build assets need no database: only pages get the HTML page.
 */
const NOT_A_PAGE = /^\/(?:api|_next|media)(?:\/|$)|\.(?:xml|txt|ico|svg|png|webmanifest)$/;

/** The 503 page for `pathname` while the database is down, or null to go on as usual. */
export function unavailableResponse(pathname: string, method: string): Response | null {
  if (!databaseKnownDown() || NOT_A_PAGE.test(pathname)) return null;
  const locale: Locale = pathname === '/en' || pathname.startsWith('/en/') ? 'en' : defaultLocale;
  return new Response(method === 'HEAD' ? null : renderErrorPage(503, locale), {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': locale,
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
    },
  });
}

/** For a request the edge sends to refresh a page: resolves once this instance caught up. */
export async function catchUpForEdgeRefresh(headers: Headers): Promise<void> {
  if (headers.get('x-edge-refresh') === '1') await catchUpWithLog();
}
