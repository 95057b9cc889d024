// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');
const pathnames = require('./lib/i18n/pathnames.json');

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

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'pg', 'kysely'],
  images: {
    formats: ['image/avif', 'image/webp'],
    deviceSizes: [360, 480, 640, 828, 1080, 1280, 1600],
    imageSizes: [64, 128, 256, 384],
  },
  async rewrites() {
    return { beforeFiles: dutchRoutes().rewrites, afterFiles: [], fallback: [] };
  },
  async redirects() {
    return dutchRoutes().redirects;
  },
};

module.exports = withNextIntl(nextConfig);
