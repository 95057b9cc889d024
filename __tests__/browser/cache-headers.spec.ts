/**
 * What each public page type tells the caches in front of it: its freshness (Cache-Control) and
 * the cache tags it depends on (Surrogate-Key), named in the vocabulary of lib/cache/tags.ts, so a
 * CDN or edge that purges by key purges exactly what a write revalidates. Private answers carry
 * neither.
 */
import { expect, test } from '@playwright/test';
import { isCacheTag } from '@/lib/cache/tags';

const REFERENCE_SLUG = 'trainer-van-dijkstad-blijft-kalm-na-nederlaag';

const PUBLIC: Array<[what: string, path: string, tags: string[]]> = [
  ['the Dutch front', '/', ['listings:nl', 'taxonomy']],
  ['the English front', '/en', ['listings:en', 'taxonomy']],
  ['a Dutch article', `/nieuws/${REFERENCE_SLUG}`, [`slug:nl:${REFERENCE_SLUG}`, 'taxonomy']],
  ['a section', '/rubriek/voetbal', ['listings:nl', 'taxonomy']],
  ['a section, page 2', '/en/section/archive?page=2', ['listings:en', 'taxonomy']],
  ['the video hub', '/en/video', ['listings:en', 'taxonomy']],
  ['the feed', '/feed.xml', ['listings:nl', 'taxonomy']],
  ['a section feed', '/en/section/archive/feed.xml', ['listings:en', 'taxonomy']],
  ['the sitemap index', '/sitemap.xml', ['listings:nl', 'listings:en', 'taxonomy']],
  ['the news sitemap', '/news-sitemap.xml', ['listings:nl', 'listings:en', 'taxonomy']],
];

test.describe('cache tags for CDNs and the edge', () => {
  for (const [what, path, tags] of PUBLIC) {
    test(`${what} (${path}) names the tags it depends on, each one the site issues`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(200);
      const named = (response.headers()['surrogate-key'] ?? '').split(' ').filter(Boolean);
      expect(named.sort()).toEqual([...tags].sort());
      for (const tag of named) expect(isCacheTag(tag), `${tag} is a cache tag of this site`).toBe(true);
      expect(response.headers()['cache-control']).toMatch(/s-maxage=\d+/);
    });
  }

  test('a made-up slug names only its own slug, so publishing an article there purges its 404', async ({ request }) => {
    const missing = await request.get('/nieuws/bestaat-nog-niet');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['surrogate-key']).toBe('slug:nl:bestaat-nog-niet taxonomy');
  });

  test('nothing but a slug from the URL reaches the header', async ({ request }) => {
    const response = await request.get('/nieuws/%0d%0aSet-Cookie:%20x=1');
    expect(response.status()).toBe(404);
    expect(response.headers()['surrogate-key']).toBeUndefined();
    expect(response.headers()['set-cookie']).toBeUndefined();
  });

  test('the desk names no tags and is never shared', async ({ request }) => {
    const response = await request.get('/redactie/inloggen');
    expect(response.headers()['surrogate-key']).toBeUndefined();
    expect(response.headers()['cache-control']).toMatch(/private|no-store/);
  });
});
