/**
 * Odd requests get a proper answer, from the production build: a path that does not decode is
 * the localized 404, a method a resource does not take is a 405 that says which ones it does (TRACE,
 * CONNECT and unknown methods too, lib/site/unroutable-methods.ts), and OPTIONS says the same. Each of these once answered a bare 500, or the page itself (proxy.ts,
 * lib/site/request-guard.ts). __tests__/browser/fuzz.spec.ts looks for more of them.
 *
 * Named to run before the other suites: the feed test needs feeds no one has read yet.
 */
import { expect, test } from '@playwright/test';
import type { RunningEdge } from '../../scripts/edge';
import { contentType, missingSecurityHeaders, renderedEdition, type Edition } from './answers';
import { launchEdge, NGINX, REQUIRE_EDGE, shutDown, SUFFIX } from './edge-server';
import { rawHttp } from '../support/raw-http';

const REFERENCE = '/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag';

test.describe('a path that is not valid percent-encoding', () => {
  const PAGES: Array<[path: string, edition: Edition]> = [
    ['/nieuws/%FF', 'nl'],
    ['/nieuws/%C3%28', 'nl'],
    ['/nieuws/%', 'nl'],
    ['/%FF', 'nl'],
    ['/en/%FF', 'en'],
    ['/rubriek/%ZZ', 'nl'],
    ['/feed.xml%FF', 'nl'],
    ['/media/%FF', 'nl'],
    ['/sitemaps/articles/%FF.xml', 'nl'],
    ['/_next/static/%FF', 'nl'],
    ['/images/%C0%AF', 'nl'],
  ];

  for (const [path, edition] of PAGES) {
    test(`${path} is the ${edition} 404 page, with the site's headers`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(404);
      expect(contentType(response)).toMatch(/^text\/html/);
      expect(renderedEdition(await response.text())).toBe(edition);
      expect(missingSecurityHeaders(response)).toEqual([]);
    });
  }

  test('/api/articles/%FF/status is a JSON 404', async ({ request }) => {
    const response = await request.get('/api/articles/%FF/status');
    expect(response.status()).toBe(404);
    expect(contentType(response)).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: 'not found' });
    expect(missingSecurityHeaders(response)).toEqual([]);
  });

  test('a document request gets a whole 404 page, readable without JavaScript', async ({ request }) => {
    for (const [path, lang] of [['/nieuws/%FF', 'nl'], ['/en/news/%C3%28', 'en']] as const) {
      const response = await request.get(path, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(response.status(), path).toBe(404);
      const html = await response.text();
      expect(html, path).toContain(`<html lang="${lang}">`);
      expect(html, path).not.toContain('__next_error__');
      expect(html, path).toMatch(/<h1>[^<]+<\/h1>/);
      expect(missingSecurityHeaders(response), path).toEqual([]);
    }
  });

  test('so does any other client, whatever it accepts (a bare 500 once, under `npm start`)', async ({ request }) => {
    for (const accept of ['*/*', 'application/json', 'text/x-component', '']) {
      for (const [path, lang] of [['/nieuws/%FF', 'nl'], ['/rubriek/%ZZ', 'nl'], ['/en/news/%C3%28', 'en']] as const) {
        const response = await request.get(path, { headers: { accept }, maxRedirects: 0 });
        expect(response.status(), `${path} (Accept: ${accept})`).toBe(404);
        expect(contentType(response), `${path} (Accept: ${accept})`).toMatch(/^text\/html/);
        expect(renderedEdition(await response.text()), `${path} (Accept: ${accept})`).toBe(lang);
      }
    }
    // Client-side navigation: Next first redirects an RSC request to its `_rsc` URL; the answer is
    // still the 404 document, which the router then loads as a page.
    const rsc = await request.get('/nieuws/%FF', { headers: { RSC: '1' } });
    expect(rsc.status()).toBe(404);
    expect(contentType(rsc)).toMatch(/^text\/html/);
  });

  test('it also shows as a page, in its edition, in a browser', async ({ page }) => {
    const response = await page.goto('/en/news/%FF');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});

test.describe("a listing's page parameter that cannot be a path segment", () => {
  // The rewrite in next.config.js makes `?pagina=N` a path segment: these made paths the router could not resolve.
  for (const [path, edition] of [
    ['/rubriek/voetbal?pagina=..', 'nl'],
    ['/auteur/joost-verbeek?pagina=%2F%2Fevil.example%2F', 'nl'],
    ['/video?pagina=%2F%2Fx', 'nl'],
    ['/en/section/archive?page=.', 'en'],
  ] as const) {
    test(`${path} is the ${edition} 404 page`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(404);
      expect(renderedEdition(await response.text())).toBe(edition);
    });
  }

  test('nor in a client-side navigation (RSC): the payload any unknown English URL gets', async ({ request }) => {
    // Next first redirects an RSC request to its own cache-busting `_rsc` URL; Playwright follows.
    const [bad, unknown] = await Promise.all(
      ['/en/section/archive?page=0%FF', '/en/does/not/exist'].map((path) => request.get(path, { headers: { RSC: '1' } })),
    );
    expect(bad!.status()).toBe(unknown!.status());
    expect(contentType(bad!)).toMatch(/^text\/x-component/);
  });

  test('page numbers still page', async ({ request }) => {
    expect((await request.get('/en/section/archive?page=2')).status()).toBe(200);
  });
});

test.describe('methods', () => {
  test('a write method before any reader does not turn a feed into a 405 for everyone', async ({ request }) => {
    // Next caches a prerendered route handler's first answer after a start, whatever its method.
    for (const [method, path] of [
      ['PUT', '/en/section/hockey/feed.xml'],
      ['POST', '/rubriek/schaatsen/feed.xml'],
      ['DELETE', '/en/section/speed-skating/feed.xml'],
    ] as const) {
      expect((await request.fetch(path, { method })).status(), `${method} ${path}`).toBe(405);
      const read = await request.get(path);
      expect(read.status(), `GET ${path} after ${method}`).toBe(200);
      expect(contentType(read)).toMatch(/^application\/rss\+xml/);
    }
  });

  for (const method of ['PUT', 'DELETE', 'PATCH', 'POST']) {
    test(`${method} on a page is a 405 that names GET and HEAD`, async ({ request }) => {
      for (const path of ['/', REFERENCE, '/en/video', '/zoeken?q=derby']) {
        const response = await request.fetch(path, { method, maxRedirects: 0 });
        expect(response.status(), `${method} ${path}`).toBe(405);
        expect(response.headers()['allow']).toBe('GET, HEAD, OPTIONS');
        expect(await response.text()).toBe('');
        expect(missingSecurityHeaders(response)).toEqual([]);
      }
    });
  }

  test('PUT on a feed, robots.txt and media names GET and HEAD too', async ({ request }) => {
    for (const path of ['/feed.xml', '/robots.txt', '/media/3f9a0c2e1b7d4a5f8e6c9b0a1d2e3f40.webp', '/sitemap.xml']) {
      const response = await request.fetch(path, { method: 'PUT' });
      expect(response.status(), path).toBe(405);
      expect(response.headers()['allow'], path).toBe('GET, HEAD, OPTIONS');
    }
  });

  test('a method an endpoint does not take is a JSON 405 that names the ones it does', async ({ request }) => {
    const put = await request.fetch('/api/listings?locale=nl&section=voetbal', { method: 'PUT' });
    expect(put.status()).toBe(405);
    expect(put.headers()['allow']).toBe('GET, HEAD, OPTIONS');
    expect(await put.json()).toEqual({ error: 'method not allowed' });
    const get = await request.get('/api/revalidate');
    expect(get.status()).toBe(405);
    expect(get.headers()['allow']).toBe('POST, OPTIONS');
  });

  test('OPTIONS says what a page, the desk and an endpoint take', async ({ request }) => {
    for (const [path, allow] of [
      ['/', 'GET, HEAD, OPTIONS'],
      [REFERENCE, 'GET, HEAD, OPTIONS'],
      ['/feed.xml', 'GET, HEAD, OPTIONS'],
      ['/redactie/inloggen', 'GET, HEAD, POST, OPTIONS'],
      ['/en/desk', 'GET, HEAD, POST, OPTIONS'],
      ['/api/revalidate', 'POST, OPTIONS'],
    ]) {
      const response = await request.fetch(path!, { method: 'OPTIONS', maxRedirects: 0 });
      expect(response.status(), path).toBe(204);
      expect(response.headers()['allow'], path).toBe(allow);
      expect(missingSecurityHeaders(response)).toEqual([]);
    }
  });

  test('HEAD answers pages and feeds like GET, without a body', async ({ request }) => {
    for (const path of ['/', REFERENCE, '/feed.xml', '/sitemap.xml']) {
      const response = await request.head(path);
      expect(response.status(), path).toBe(200);
      expect(await response.body(), path).toHaveLength(0);
    }
  });

  test('an /api/ path that names no endpoint is a JSON 404, not a Dutch page', async ({ request }) => {
    for (const path of ['/api', '/api/articles', '/api/bestaat-niet']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(contentType(response), path).toMatch(/^application\/json/);
    }
  });
});

test.describe('TRACE', () => {
  /** A header TRACE would echo back (cross-site tracing reads cookies and credentials that way). */
  const PROBE = { 'X-Trace-Probe': 'do-not-echo-me' };

  test('the origin answers a 405 that names what the path takes, with the site headers, and echoes nothing', async ({ request }) => {
    for (const [path, allow] of [
      ['/', 'GET, HEAD, OPTIONS'],
      ['/feed.xml', 'GET, HEAD, OPTIONS'],
      [REFERENCE, 'GET, HEAD, OPTIONS'],
      ['/redactie', 'GET, HEAD, POST, OPTIONS'],
    ]) {
      const response = await request.fetch(path!, { method: 'TRACE', headers: PROBE, maxRedirects: 0 });
      // Next 16.5 cannot route TRACE (a bare 500); the Node server answers it first (lib/site/unroutable-methods.ts).
      expect(response.status(), path).toBe(405);
      expect(response.headers()['allow'], path).toBe(allow);
      expect(await response.text(), path).toBe('');
      expect(missingSecurityHeaders(response), path).toEqual([]);
    }
    const api = await request.fetch('/api/listings', { method: 'TRACE', headers: PROBE });
    expect(api.status()).toBe(405);
    expect(await api.json()).toEqual({ error: 'method not allowed' });
  });

  test('so do CONNECT and method tokens Node itself does not parse (TRACK, made-up ones)', async ({ baseURL }) => {
    const { port } = new URL(baseURL!);
    for (const requestLine of ['CONNECT 127.0.0.1:22 HTTP/1.1', 'TRACK / HTTP/1.1', 'BREW /feed.xml HTTP/1.1', 'get / HTTP/1.1']) {
      const raw = await rawHttp(Number(port), `${requestLine}\r\nHost: 127.0.0.1\r\nX-Trace-Probe: do-not-echo-me\r\n\r\n`);
      expect(raw.split('\r\n')[0], requestLine).toBe('HTTP/1.1 405 Method Not Allowed');
      expect(raw, requestLine).toMatch(/\r\nAllow: GET, HEAD, OPTIONS\r\n/);
      for (const header of ['Content-Security-Policy', 'Permissions-Policy', 'X-Content-Type-Options', 'Referrer-Policy']) expect(raw, requestLine).toContain(`\r\n${header}: `);
      expect(raw, requestLine).not.toContain('do-not-echo-me');
    }
  });

  test('and the server goes on serving', async ({ request }) => {
    expect((await request.get('/feed.xml')).status()).toBe(200);
  });

  test.describe(`through the edge${SUFFIX}`, () => {
    test.skip(!NGINX && !REQUIRE_EDGE, 'nginx is not installed (apt-get install nginx); set REQUIRE_EDGE=1 to fail instead');
    let edge: RunningEdge | undefined;
    let runtimeDir = '';
    test.beforeAll(async ({}, testInfo) => {
      ({ edge, runtimeDir } = await launchEdge(testInfo.project.use.baseURL!));
    });
    test.afterAll(async () => {
      await shutDown(edge, runtimeDir);
    });

    test('is refused by the edge, which is what readers reach', async ({ request }) => {
      for (const path of ['/', '/feed.xml', '/api/listings']) {
        const response = await request.fetch(`${edge!.url}${path}`, { method: 'TRACE', headers: PROBE });
        expect(response.status(), path).toBe(405);
        expect(await response.text(), path).not.toContain('do-not-echo-me');
      }
    });
  });
});

test.describe('security headers', () => {
  test('the Permissions-Policy denies what the site does not use, and HSTS waits for https', async ({ request }) => {
    const response = await request.get('/');
    const policy = response.headers()['permissions-policy'] ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) {
      expect(policy).toContain(`${feature}=()`);
    }
    // The e2e server's SITE_URL is http://127.0.0.1:…
    expect(response.headers()['strict-transport-security']).toBeUndefined();
  });

  test('the video player keeps autoplay, fullscreen, picture-in-picture and encrypted media', async ({ page }) => {
    await page.goto(REFERENCE);
    const policy = await page.evaluate(() => {
      // Chromium's Feature Policy API: what this document may use, and may grant the player.
      const features = (document as Document & { featurePolicy: { allowsFeature(feature: string, origin?: string): boolean } }).featurePolicy;
      const ask = (feature: string, origin?: string) => features.allowsFeature(feature, origin);
      const player = 'https://www.youtube-nocookie.com';
      return {
        player: ['autoplay', 'fullscreen', 'picture-in-picture', 'encrypted-media'].map((feature) => [feature, ask(feature, player)]),
        vimeo: ask('autoplay', 'https://player.vimeo.com'),
        self: ['autoplay', 'fullscreen', 'picture-in-picture'].map((feature) => [feature, ask(feature)]),
        denied: ['camera', 'microphone', 'geolocation', 'payment', 'usb'].map((feature) => [feature, ask(feature)]),
        elsewhere: ask('autoplay', 'https://example.org'),
      };
    });
    expect(policy.player).toEqual([
      ['autoplay', true],
      ['fullscreen', true],
      ['picture-in-picture', true],
      ['encrypted-media', true],
    ]);
    expect(policy.vimeo).toBe(true);
    expect(policy.self.every(([, allowed]) => allowed)).toBe(true);
    expect(policy.denied.every(([, allowed]) => !allowed)).toBe(true);
    expect(policy.elsewhere).toBe(false);
  });
});
