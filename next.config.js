// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');
const pathnames = require('./lib/i18n/pathnames.json');
const queryParams = require('./lib/i18n/query-params.json');
const { securityHeaders } = require('./lib/site/security-headers.js');

// Messages are compiled at build time (next-intl's `precompile`): pages and client leaves format
// them with a tiny runtime instead of shipping and running an ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: ['nl', 'en'], precompile: true } },
});

/** `/nieuws/[slug]` → `/nieuws/:slug` */
const toPattern = (/** @type {string} */ path) => path.replace(/\[([^\]]+)\]/g, ':$1');

/**
 * Dutch, the default locale, has no URL prefix. Rather than running a locale proxy on every request,
 * each Dutch pathname is rewritten onto the `[locale]` route tree, and the internal `/nl/…` forms
 * redirect to their public URLs so that every page has one canonical address.
 */
function dutchRoutes() {
  const rewrites = [{ source: '/', destination: '/nl' }];
  const redirects = [{ source: '/nl', destination: '/', permanent: true }];
  for (const [internal, localized] of Object.entries(pathnames)) {
    if (internal === '/') continue;
    const nl = typeof localized === 'string' ? localized : localized.nl;
    rewrites.push({ source: toPattern(nl), destination: `/nl${toPattern(internal)}` });
    redirects.push({ source: `/nl${toPattern(internal)}`, destination: toPattern(nl), permanent: true });
  }
  return { rewrites, redirects };
}

/** Listings whose page 2 and later are reachable by `?pagina=N` (nl) or `?page=N` (en). */
const paginatedListings = ['/section/[slug]', '/tag/[slug]', '/author/[slug]', '/video'];

/**
 * `?pagina=2` is rewritten onto a `/page/[page]` route segment, so every listing page is a
 * statically cached page of its own (reading searchParams would make it dynamic). The internal
 * `/page/N` forms redirect back to the public query form. The page route validates N and answers
 * 404 for anything but a page number in range.
 */
function paginationRoutes() {
  const rewrites = [];
  const redirects = [];
  for (const internal of paginatedListings) {
    const localized = pathnames[internal];
    for (const locale of ['nl', 'en']) {
      const publicPath = (locale === 'nl' ? '' : `/${locale}`) + toPattern(typeof localized === 'string' ? localized : localized[locale]);
      const key = queryParams.page[locale];
      rewrites.push({
        source: publicPath,
        has: [{ type: 'query', key, value: '(?<page>.*)' }],
        destination: `/${locale}${toPattern(internal)}/page/:page`,
      });
      redirects.push({
        source: `/${locale}${toPattern(internal)}/page/:page`,
        destination: `${publicPath}?${key}=:page`,
        permanent: true,
      });
    }
  }
  return { rewrites, redirects };
}

/**
 * The Dutch RSS feeds have public paths without the locale prefix, like every Dutch page; they are
 * rewritten onto the `[locale]` route handlers, and the internal `/nl/…` forms redirect to them.
 * More specific than `/rubriek/:slug`, which matches one segment only, so the two never collide.
 */
function feedRoutes() {
  return {
    rewrites: [
      { source: '/feed.xml', destination: '/nl/feed.xml' },
      { source: '/rubriek/:slug/feed.xml', destination: '/nl/section/:slug/feed.xml' },
    ],
    redirects: [
      { source: '/nl/feed.xml', destination: '/feed.xml', permanent: true },
      { source: '/nl/section/:slug/feed.xml', destination: '/rubriek/:slug/feed.xml', permanent: true },
    ],
  };
}

/**
 * Shared-preview URLs are never indexed, and their token must not leak to other pages through the
 * Referer header. Listed after the security headers, so their Referrer-Policy is the one that
 * applies there.
 *
 * There is deliberately no header rule for the Draft Mode cookie (`__prerender_bypass`): a rule
 * can only test that the cookie is present, not that it is valid, so any visitor sending a made-up
 * one would get `X-Robots-Tag: noindex` on a public page that stays publicly cacheable, and a shared
 * cache could keep that copy and serve "noindex" to crawlers. A real Draft Mode render is told by
 * Next itself (`private, no-store`), and its page says `<meta name="robots" content="noindex">`
 * (app/[locale]/news/[slug]/page.tsx).
 */
function previewHeaders() {
  const noindex = { key: 'X-Robots-Tag', value: 'noindex, nofollow' };
  const sharePaths = ['nl', 'en'].flatMap((locale) => {
    const localized = pathnames['/preview/[token]'];
    const publicPath = (locale === 'nl' ? '' : `/${locale}`) + toPattern(localized[locale]);
    return [publicPath, `/${locale}/preview/:token`];
  });
  return [...new Set(sharePaths)].map((source) => ({
    source,
    headers: [noindex, { key: 'Referrer-Policy', value: 'no-referrer' }],
  }));
}

/**
 * The cache tags each public page type depends on, named in a `Surrogate-Key` header (space
 * separated, as Fastly and Varnish's xkey read it) for the edge cache and any CDN that purges by
 * key. The names are those of lib/cache/tags.ts (one vocabulary; __tests__ check that every name
 * sent is one it issues). An article page depends on its slug; fronts, listings, feeds and sitemaps
 * on their locale's listings; every page on the taxonomy (section and author names). Slug
 * parameters are matched as slugs only, so nothing else from a URL reaches a header.
 */
function surrogateKeyHeaders() {
  const slug = ':slug([a-z0-9]+(?:-[a-z0-9]+)*)';
  const key = (/** @type {string} */ value) => [{ key: 'Surrogate-Key', value }];
  /** @type {{ source: string; headers: { key: string; value: string }[] }[]} */
  const rules = [];
  for (const locale of ['nl', 'en']) {
    const prefix = locale === 'nl' ? '' : `/${locale}`;
    const localized = (/** @type {keyof typeof pathnames} */ internal) => {
      const entry = pathnames[internal];
      return prefix + (typeof entry === 'string' ? entry : entry[/** @type {'nl' | 'en'} */ (locale)]).replace('[slug]', slug);
    };
    const listings = key(`listings:${locale} taxonomy`);
    rules.push({ source: prefix || '/', headers: listings });
    // `:slug` in the value is the slug of the URL; the other colons are literal.
    rules.push({ source: localized('/news/[slug]'), headers: key(`slug:${locale}::slug taxonomy`) });
    for (const internal of /** @type {const} */ (['/section/[slug]', '/tag/[slug]', '/author/[slug]', '/video'])) {
      rules.push({ source: localized(internal), headers: listings });
    }
    rules.push({ source: `${prefix}/feed.xml`, headers: listings });
    rules.push({ source: `${localized('/section/[slug]')}/feed.xml`, headers: listings });
  }
  const everything = key('listings:nl listings:en taxonomy');
  for (const source of ['/sitemap.xml', '/news-sitemap.xml', '/sitemaps/:file*']) rules.push({ source, headers: everything });
  return rules;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Browser tests and benchmarks build into their own folder so they never clobber a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The origin's page and data cache (lib/cache/handler.js): in this process's memory, shared
  // through Redis when REDIS_URL is set. Written against Next's public cacheHandler interface.
  cacheHandler: require.resolve('./lib/cache/handler.js'),
  // The memory it may hold, in real bytes (text counted as UTF-16, as V8 keeps it). Readers are
  // served by the edge cache in front (deploy/), so this only has to hold what the edge asks for
  // again: pages in their one-second edge window, and the long tail crawlers walk.
  cacheMaxMemorySize: 64 * 1024 * 1024,
  // unauthorized() answers 401 with app/[locale]/preview/[token]/unauthorized.tsx (forged or expired preview links).
  experimental: { authInterrupts: true },
  serverExternalPackages: ['better-sqlite3', 'pg', 'kysely'],
  images: {
    formats: ['image/avif', 'image/webp'],
    deviceSizes: [360, 480, 640, 828, 1080, 1280, 1600],
    imageSizes: [64, 128, 256, 384],
  },
  async rewrites() {
    return { beforeFiles: [...paginationRoutes().rewrites, ...dutchRoutes().rewrites, ...feedRoutes().rewrites], afterFiles: [], fallback: [] };
  },
  async redirects() {
    return [...paginationRoutes().redirects, ...dutchRoutes().redirects, ...feedRoutes().redirects];
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders() }, ...surrogateKeyHeaders(), ...previewHeaders()];
  },
};

module.exports = withNextIntl(nextConfig);
