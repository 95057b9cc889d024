/**
 * The security headers of next.config.js: HSTS only on an https SITE_URL, and a Permissions-Policy
 * that grants the video player exactly what its iframe asks for, to the origins it loads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { videoPlayerUrl } from '@/lib/seo/video';

type Header = { key: string; value: string };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS and untyped (allowJs is off); the cast states the part this test reads
const config = require('../../next.config.js') as { headers(): Promise<Array<{ source: string; headers: Header[] }>> };

/** The headers every answer carries, with SITE_URL (and HSTS_PRELOAD) set as given. */
async function siteHeaders(env: { SITE_URL?: string; HSTS_PRELOAD?: string }): Promise<Map<string, string>> {
  const saved = { SITE_URL: process.env.SITE_URL, HSTS_PRELOAD: process.env.HSTS_PRELOAD };
  try {
    for (const name of ['SITE_URL', 'HSTS_PRELOAD'] as const) {
      if (env[name] === undefined) delete process.env[name];
      else process.env[name] = env[name];
    }
    const everything = (await config.headers()).find((rule) => rule.source === '/:path*' && rule.headers.some(({ key }) => key === 'Content-Security-Policy'));
    return new Map(everything!.headers.map(({ key, value }) => [key, value]));
  } finally {
    for (const name of ['SITE_URL', 'HSTS_PRELOAD'] as const) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}

describe('Strict-Transport-Security', () => {
  it('is sent for an https site: a year, subdomains included, not preloaded', async () => {
    expect((await siteHeaders({ SITE_URL: 'https://sportnieuws.example' })).get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('asks for preloading only when the operator says so', async () => {
    expect((await siteHeaders({ SITE_URL: 'https://sportnieuws.example', HSTS_PRELOAD: 'true' })).get('Strict-Transport-Security')).toBe(
      'max-age=31536000; includeSubDomains; preload',
    );
  });

  it.each([undefined, 'http://localhost:3000', 'http://127.0.0.1:3100'])('is not sent for SITE_URL %s', async (url) => {
    expect((await siteHeaders({ SITE_URL: url })).has('Strict-Transport-Security')).toBe(false);
  });
});

describe('Permissions-Policy', () => {
  /** `feature=(allowlist)` entries. */
  async function policy(): Promise<Map<string, string>> {
    const value = (await siteHeaders({})).get('Permissions-Policy') ?? '';
    return new Map(value.split(', ').map((entry) => entry.split('=') as [string, string]));
  }

  const playerOrigins = [videoPlayerUrl({ provider: 'youtube', id: 'x' }, { autoplay: true }), videoPlayerUrl({ provider: 'vimeo', id: 'x' }, { autoplay: true })].map(
    (url) => new URL(url).origin,
  );

  it("grants every feature the player's iframe asks for to the site and to both players", async () => {
    const player = readFileSync(path.join(__dirname, '..', '..', 'components', 'video', 'VideoPlayer.client.tsx'), 'utf8');
    const asked = /<iframe[\s\S]*?\sallow="([^"]+)"/.exec(player)?.[1]?.split(';').map((feature) => feature.trim());
    expect(asked).toEqual(expect.arrayContaining(['autoplay', 'fullscreen']));
    const granted = await policy();
    for (const feature of asked!) {
      expect({ feature, allowlist: granted.get(feature) }).toEqual({ feature, allowlist: `(self ${playerOrigins.map((origin) => `"${origin}"`).join(' ')})` });
    }
  });

  it('lets the CSP frame exactly the same players', async () => {
    const csp = (await siteHeaders({})).get('Content-Security-Policy') ?? '';
    expect(csp).toContain(`frame-src ${playerOrigins.join(' ')};`);
  });

  it.each(['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics', 'display-capture', 'serial', 'hid'])('denies %s to everyone', async (feature) => {
    expect((await policy()).get(feature)).toBe('()');
  });
});
