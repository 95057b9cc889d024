// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');
const pathnames = require('./lib/i18n/pathnames.json');
const queryParams = require('./lib/i18n/query-params.json');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

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

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Browser tests and benchmarks build into their own folder so they never clobber a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'pg', 'kysely'],
  images: {
    formats: ['image/avif', 'image/webp'],
    deviceSizes: [360, 480, 640, 828, 1080, 1280, 1600],
    imageSizes: [64, 128, 256, 384],
  },
  async rewrites() {
    return { beforeFiles: [...paginationRoutes().rewrites, ...dutchRoutes().rewrites], afterFiles: [], fallback: [] };
  },
  async redirects() {
    return [...paginationRoutes().redirects, ...dutchRoutes().redirects];
  },
};

module.exports = withNextIntl(nextConfig);
