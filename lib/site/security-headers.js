// @ts-check
/**
 * The site's security headers, for every response: next.config.js `headers()` sends them on
 * everything Next answers, and lib/site/unroutable-methods.ts on the few answers the Node server
 * gives before Next sees the request (TRACE, CONNECT, unknown methods). One list, so the two
 * cannot drift apart. Plain CommonJS, because next.config.js requires it.
 */

/** The origins of the video players a reader starts with a click (lib/seo/video.ts). */
const videoPlayerOrigins = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];

/**
 * Security headers for every response. The Content-Security-Policy allows exactly what the site
 * loads: its own origin, and the two video players a reader starts with a click (see
 * lib/seo/video.ts). Next inlines its bootstrap scripts and styles, hence 'unsafe-inline';
 * the dev server's React also needs 'unsafe-eval'. YouTube thumbnails are allowed only when the
 * site opts into provider posters (NEXT_PUBLIC_ALLOW_PROVIDER_POSTERS=true).
 *
 * The Permissions-Policy grants what the video player uses, to the site and the two players: the
 * `allow` list of its iframe (components/video/VideoPlayer.client.tsx) and the native player's
 * autoplay, fullscreen and picture-in-picture. Every other powerful feature is denied, to the site
 * and to anything it embeds; `browsing-topics` opts its pages out of the Topics API.
 *
 * HSTS only where the site is served over https (SITE_URL): a year, subdomains included.
 * Preloading is a commitment for the whole domain, so it is left to the operator
 * (HSTS_PRELOAD=true). next.config.js reads the environment at build time, the Node server at
 * start; `npm start` rebuilds when SITE_URL or HSTS_PRELOAD change, so both agree.
 *
 * @returns {{ key: string; value: string }[]}
 */
function securityHeaders() {
  const dev = process.env.NODE_ENV !== 'production';
  const providerPosters = process.env.NEXT_PUBLIC_ALLOW_PROVIDER_POSTERS === 'true';
  const csp = [
    "default-src 'self'",
    `img-src 'self' data: blob:${providerPosters ? ' https://i.ytimg.com' : ''}`,
    "media-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    `frame-src ${videoPlayerOrigins.join(' ')}`,
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  const players = `(self ${videoPlayerOrigins.map((origin) => `"${origin}"`).join(' ')})`;
  const permissionsPolicy = [
    ...['autoplay', 'encrypted-media', 'fullscreen', 'picture-in-picture'].map((feature) => `${feature}=${players}`),
    ...[
      'accelerometer',
      'browsing-topics',
      'camera',
      'display-capture',
      'geolocation',
      'gyroscope',
      'hid',
      'magnetometer',
      'microphone',
      'midi',
      'payment',
      'publickey-credentials-get',
      'screen-wake-lock',
      'serial',
      'usb',
      'xr-spatial-tracking',
    ].map((feature) => `${feature}=()`),
  ].join(', ');
  const headers = [
    { key: 'Content-Security-Policy', value: csp },
    { key: 'Permissions-Policy', value: permissionsPolicy },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  ];
  if (/^https:\/\//i.test((process.env.SITE_URL ?? '').trim())) {
    const preload = process.env.HSTS_PRELOAD === 'true' ? '; preload' : '';
    headers.push({ key: 'Strict-Transport-Security', value: `max-age=31536000; includeSubDomains${preload}` });
  }
  return headers;
}

module.exports = { securityHeaders };
