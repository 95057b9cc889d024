/**
 * Refreshing the edge caches at once after a write, instead of waiting for their copies to expire.
 *
 * The edge (deploy/nginx) keeps a public page fresh until the end of the second it fetched it in,
 * then refreshes it in the background while readers get the previous copy once more. Left to that
 * alone, a publish shows through the edge within 1 to about 1.1 s. So after a write, the instance
 * that made it (or was told of it: the content CLI, the scheduler) asks every edge node in
 * EDGE_URLS to fetch the pages that show the change most: the article's own URLs, the locale's
 * front, its feed and the news sitemap. Each such request carries `X-Edge-Refresh` with a token
 * derived from the revalidation secret; the edge accepts it from loopback and the addresses it is
 * configured with only, bypasses its copy, stores the origin's fresh answer, and tells the origin
 * `X-Edge-Refresh: 1`. An origin that gets that header first catches up with the invalidation log
 * (lib/publishing/scheduler.ts), so whichever instance the edge picks renders the new state.
 *
 * This is a speed-up, not what keeps the edge correct: every copy still expires within its second,
 * so a refresh that cannot be delivered (after its retries) costs at most that second. Pages not
 * refreshed here (other listings, RSC payloads) follow the same rule.
 */
import { createHash } from 'node:crypto';
import { localeFeedPath } from '@/lib/seo/feed-paths';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { localizedPath } from '@/lib/i18n/paths';
import { revalidationSecret } from './revalidation';

/** The request header of a refresh, from the site to the edge and from the edge to the site. */
export const EDGE_REFRESH_HEADER = 'x-edge-refresh';

/** How often a refresh that got no answer or a 5xx is tried, in all. */
export const REFRESH_ATTEMPTS = 3;

/**
 * What the site sends as `X-Edge-Refresh`: a digest of the secret, so the secret itself is never
 * written into an edge's configuration (scripts/edge.ts puts this value there).
 */
export function edgeRefreshToken(secret: string): string {
  return createHash('sha256').update(`edge-refresh:${secret}`).digest('hex');
}

/** EDGE_URLS: the edge nodes' base URLs (http or https, no path), comma-separated; [] when unset. */
export function edgeUrls(env: NodeJS.ProcessEnv = process.env): string[] {
  const value = env.EDGE_URLS?.trim();
  if (!value) return [];
  return value.split(',').map((entry) => {
    const trimmed = entry.trim();
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new RangeError(`EDGE_URLS entry "${trimmed}" is not a URL; expected for example http://127.0.0.1:8080`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || (url.pathname !== '/' && url.pathname !== '') || url.search || url.username) {
      throw new RangeError(`EDGE_URLS entry "${trimmed}" must be just http(s)://host:port, for example http://127.0.0.1:8080`);
    }
    return url.origin;
  });
}

const SLUG_TAG = /^slug:([a-z]+):(.+)$/;
const LISTINGS_TAG = /^listings:([a-z]+)$/;

/**
 * The public paths worth refreshing for a set of revalidated tags: each slug's article page, and
 * for each locale whose listings changed its front, its feed and the news sitemap. Other listings
 * (sections, tags, authors, later pages) are many and each one is read less: they expire on their
 * own within the second.
 */
export function pathsToRefresh(tags: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const tag of tags) {
    const slug = SLUG_TAG.exec(tag);
    if (slug && isLocale(slug[1])) {
      paths.add(localizedPath(slug[1] as Locale, '/news/[slug]', { slug: slug[2]! }));
      continue;
    }
    const listings = LISTINGS_TAG.exec(tag);
    if (listings && isLocale(listings[1])) {
      const locale = listings[1] as Locale;
      paths.add(localizedPath(locale, '/'));
      paths.add(localeFeedPath(locale));
      paths.add('/news-sitemap.xml');
    }
  }
  return [...paths].sort();
}

/**
 * The edge keys its copies by the normalised Accept-Encoding ("gzip" or none), so each page is
 * fetched in both forms: browsers get the first, crawlers and feed readers often the second.
 */
const ENCODINGS = ['gzip', 'identity'] as const;

export interface RefreshReport {
  /** Requests the edges answered with a fresh copy. */
  refreshed: number;
  /** Requests that failed after every attempt, as "<edge><path>: <reason>". */
  failed: string[];
}

export interface RefreshOptions {
  env?: NodeJS.ProcessEnv;
  /** Per attempt. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

async function refreshOne(url: string, encoding: string, token: string, options: Required<Omit<RefreshOptions, 'env'>>): Promise<string | null> {
  let reason = '';
  for (let attempt = 1; attempt <= REFRESH_ATTEMPTS; attempt++) {
    try {
      const response = await options.fetch(url, {
        headers: { [EDGE_REFRESH_HEADER]: token, 'accept-encoding': encoding, accept: 'text/html,application/xhtml+xml,*/*' },
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      // The body is the page itself: read and dropped, so the connection can be reused.
      await response.arrayBuffer();
      // 403: this edge does not take refreshes from here (its allow list, or another secret). No
      // retry would change that.
      if (response.status === 403) return `refused (403): check that the edge and the site share the revalidation secret, and EDGE_REFRESH_ALLOW`;
      if (response.status < 500) return null;
      reason = `HTTP ${response.status}`;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    if (attempt < REFRESH_ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
  return reason;
}

/**
 * Asks every edge node in EDGE_URLS to fetch the pages `tags` affect (see {@link pathsToRefresh}),
 * each up to {@link REFRESH_ATTEMPTS} times. Never throws; failures are reported (and logged once
 * per call). Does nothing without EDGE_URLS or without a revalidation secret.
 */
export async function refreshEdges(tags: readonly string[], options: RefreshOptions = {}): Promise<RefreshReport> {
  const env = options.env ?? process.env;
  const report: RefreshReport = { refreshed: 0, failed: [] };
  let edges: string[];
  let secret: string | null;
  try {
    edges = edgeUrls(env);
    secret = edges.length > 0 ? revalidationSecret(env) : null;
  } catch (error) {
    report.failed.push(error instanceof Error ? error.message : String(error));
    console.error(`Edge refresh: ${report.failed[0]}`);
    return report;
  }
  const paths = pathsToRefresh(tags);
  if (edges.length === 0 || !secret || paths.length === 0) return report;
  const token = edgeRefreshToken(secret);
  const settings = { timeoutMs: options.timeoutMs ?? 5000, fetch: options.fetch ?? fetch };
  await Promise.all(
    edges.flatMap((edge) =>
      // One encoding after the other: the second is then served from the origin's fresh cache
      // instead of being rendered a second time.
      paths.map(async (path) => {
        for (const encoding of ENCODINGS) {
          const failure = await refreshOne(`${edge}${path}`, encoding, token, settings);
          if (failure === null) report.refreshed++;
          else report.failed.push(`${edge}${path} (${encoding}): ${failure}`);
        }
      }),
    ),
  );
  if (report.failed.length > 0) {
    console.error(`Edge refresh: ${report.failed.length} of ${report.failed.length + report.refreshed} requests failed (the pages still expire within a second): ${report.failed.slice(0, 3).join('; ')}`);
  }
  return report;
}
