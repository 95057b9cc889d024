/**
 * What search engines and feed readers see, against the running app (demo content plus the browser
 * fixtures, which include a draft, a scheduled and a future-dated article that mention
 * "Zwaluwstaart"): robots.txt → sitemap index → every sitemap → every article URL; the reference
 * article's head (canonical, Open Graph, JSON-LD); the RSS feeds. XML is parsed by the browser's
 * own XML parser, so "well-formed" means what it says.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const REFERENCE = '/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag';
const UNPUBLISHED_SLUGS = ['geheim-concept-over-transfer', 'gepland-artikel-over-de-finale', 'toekomstig-gepubliceerd-artikel'];
const SECRET_WORD = 'Zwaluwstaart';
const CACHE_CONTROL = /public, s-maxage=\d+, stale-while-revalidate=\d+/;

/** Parses XML in the browser; fails the test with the parser's message when it is not well-formed. */
async function parseXml(page: Page, xml: string): Promise<{ root: string; locs: string[] }> {
  if (page.url() === 'about:blank' || page.url() === '') await page.setContent('<!doctype html><title>xml</title>');
  const result = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    return {
      error: error ? (error.textContent ?? 'parse error') : null,
      root: doc.documentElement.localName,
      locs: Array.from(doc.getElementsByTagNameNS('*', 'loc')).map((loc) => loc.textContent ?? ''),
    };
  }, xml);
  expect(result.error, 'the document is well-formed XML').toBeNull();
  return { root: result.root, locs: result.locs };
}

async function fetchText(request: APIRequestContext, url: string, contentType: RegExp) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), `${url} answers 200`).toBe(200);
  expect(response.headers()['content-type']).toMatch(contentType);
  expect(response.headers()['cache-control'], `${url} states its freshness`).toMatch(CACHE_CONTROL);
  return response.text();
}

test.describe('sitemaps and robots.txt', () => {
  test('robots.txt leads to a sitemap index whose sitemaps list only public, reachable articles', async ({ request, page, baseURL }) => {
    test.setTimeout(180_000);
    const robots = await fetchText(request, '/robots.txt', /^text\/plain/);
    expect(robots).toContain('User-agent: *');
    for (const path of ['/redactie', '/en/desk', '/api/', '/voorvertoning/', '/en/preview/']) expect(robots).toContain(`Disallow: ${path}`);
    const sitemapLine = /^Sitemap: (.+)$/m.exec(robots);
    expect(sitemapLine?.[1]).toBe(`${baseURL}/sitemap.xml`);

    const index = await parseXml(page, await fetchText(request, sitemapLine![1]!, /^application\/xml/));
    expect(index.root).toBe('sitemapindex');
    expect(index.locs).toContain(`${baseURL}/sitemaps/pages.xml`);
    expect(index.locs).toContain(`${baseURL}/news-sitemap.xml`);
    expect(index.locs).toContain(`${baseURL}/sitemaps/articles/1.xml`);

    const pageUrls: string[] = [];
    for (const sitemap of index.locs) {
      const parsed = await parseXml(page, await fetchText(request, sitemap, /^application\/xml/));
      expect(parsed.root).toBe('urlset');
      pageUrls.push(...parsed.locs);
    }
    const articleUrls = [...new Set(pageUrls.filter((url) => /\/(nieuws|en\/news)\//.test(url)))];
    expect(articleUrls).toContain(`${baseURL}${REFERENCE}`);
    expect(articleUrls.length).toBeGreaterThan(50);
    for (const slug of UNPUBLISHED_SLUGS) expect(pageUrls.filter((url) => url.includes(slug))).toEqual([]);
    for (const url of pageUrls) expect(url.startsWith(`${baseURL}/`), `${url} is absolute, on the site`).toBe(true);

    for (const url of articleUrls) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), `${url} answers 200`).toBe(200);
    }
    expect(pageUrls).toEqual(expect.arrayContaining([`${baseURL}/`, `${baseURL}/en`, `${baseURL}/rubriek/voetbal`, `${baseURL}/video`]));
  });

  test('a sitemap part past the end, or a bad file name, is a 404', async ({ request }) => {
    expect((await request.get('/sitemaps/articles/99.xml')).status()).toBe(404);
    expect((await request.get('/sitemaps/articles/abc.xml')).status()).toBe(404);
  });
});

test('/favicon.ico is served: browsers, feed readers and crawlers ask for it without a link', async ({ request }) => {
  const response = await request.get('/favicon.ico', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const bytes = await response.body();
  // An ICO header: reserved 0, type 1 (icon), at least one image.
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
  expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
});

test.describe('the reference article for search engines', () => {
  test('its head has canonical, Open Graph, Twitter, robots, the feed and NewsArticle JSON-LD', async ({ page, baseURL }) => {
    await page.goto(REFERENCE);
    const head = page.locator('head');
    const canonical = `${baseURL}${REFERENCE}`;
    const meta = (selector: string) => head.locator(selector).first().getAttribute('content');
    await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', canonical);
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[property="og:url"]')).toBe(canonical);
    expect(await meta('meta[property="og:title"]')).toBe("Trainer van FC Dijkstad blijft kalm na nederlaag: 'We hebben nog alles in eigen hand'");
    expect(await meta('meta[property="og:locale"]')).toBe('nl_NL');
    expect(await meta('meta[property="og:site_name"]')).toBeTruthy();
    expect(await meta('meta[property="og:image"]')).toMatch(new RegExp(`^${baseURL}/`));
    expect(await meta('meta[property="og:image:alt"]')).toBeTruthy();
    expect(await meta('meta[property="article:published_time"]')).toBe('2022-05-03T14:38:00+02:00');
    expect(await meta('meta[property="article:modified_time"]')).toBe('2022-05-03T14:38:40+02:00');
    expect(await meta('meta[property="article:section"]')).toBe('Voetbal');
    const tags = await head.locator('meta[property="article:tag"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('content')));
    expect(tags).toEqual(['Eredivisie', 'FC Dijkstad']);
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await meta('meta[name="robots"]')).toContain('max-image-preview:large');
    await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute('href', `${baseURL}/feed.xml`);

    const jsonLd = await page
      .locator('script[type="application/ld+json"]')
      .evaluateAll((nodes) => nodes.map((node) => JSON.parse(node.textContent ?? 'null') as Record<string, unknown>));
    const article = jsonLd.find((data) => data['@type'] === 'NewsArticle');
    expect(article).toMatchObject({
      headline: "Trainer van FC Dijkstad blijft kalm na nederlaag: 'We hebben nog alles in eigen hand'",
      datePublished: '2022-05-03T14:38:00+02:00',
      dateModified: '2022-05-03T14:38:40+02:00',
      author: [{ '@type': 'Person', name: 'Rian Rosendaal', url: `${baseURL}/auteur/rian-rosendaal` }],
      publisher: { name: expect.any(String), logo: { url: `${baseURL}/logo.png` } },
      mainEntityOfPage: { '@id': canonical },
      articleSection: 'Voetbal',
      inLanguage: 'nl',
    });
    expect((article?.image as string[])[0]).toMatch(new RegExp(`^${baseURL}/`));
    const breadcrumb = jsonLd.find((data) => data['@type'] === 'BreadcrumbList');
    expect((breadcrumb?.itemListElement as Array<{ item: string }>).map((crumb) => crumb.item)).toEqual([`${baseURL}/`, `${baseURL}/rubriek/voetbal`, canonical]);

    // The JSON-LD dates are the byline's instants.
    const published = await page.locator('main article header time').first().getAttribute('datetime');
    expect(Date.parse(published ?? '')).toBe(Date.parse(article?.datePublished as string));
  });

  test('home fronts describe the site and its search; author pages are ProfilePages; sections link their feed', async ({ page, baseURL }) => {
    const jsonLdTypes = () => page.locator('script[type="application/ld+json"]').evaluateAll((nodes) => nodes.map((node) => JSON.parse(node.textContent ?? 'null') as Record<string, unknown>));
    await page.goto('/en');
    const home = await jsonLdTypes();
    expect(home.find((data) => data['@type'] === 'WebSite')).toMatchObject({
      potentialAction: { target: { urlTemplate: `${baseURL}/en/search?q={search_term_string}` } },
    });
    expect(home.some((data) => data['@type'] === 'NewsMediaOrganization')).toBe(true);

    await page.goto('/auteur/rian-rosendaal');
    expect((await jsonLdTypes()).find((data) => data['@type'] === 'ProfilePage')).toMatchObject({ mainEntity: { '@type': 'Person', name: 'Rian Rosendaal' } });

    await page.goto('/rubriek/voetbal');
    const feeds = await page.locator('head link[rel="alternate"][type="application/rss+xml"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    expect(feeds).toEqual([`${baseURL}/feed.xml`, `${baseURL}/rubriek/voetbal/feed.xml`]);
  });
});

test.describe('RSS feeds', () => {
  for (const path of ['/feed.xml', '/en/feed.xml', '/rubriek/voetbal/feed.xml', '/en/section/archive/feed.xml']) {
    test(`${path} is well-formed RSS with absolute links and nothing unpublished`, async ({ request, page, baseURL }) => {
      const xml = await fetchText(request, path, /^application\/rss\+xml/);
      const parsed = await parseXml(page, xml);
      expect(parsed.root).toBe('rss');
      expect(xml).toContain(`<atom:link href="${baseURL}${path}" rel="self" type="application/rss+xml"/>`);
      expect(xml).not.toContain(SECRET_WORD);
      for (const slug of UNPUBLISHED_SLUGS) expect(xml).not.toContain(slug);
      const items = xml.match(/<item>/g) ?? [];
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(50);
      for (const [, date] of xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)) expect(date).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      for (const [, link] of xml.matchAll(/<link>([^<]+)<\/link>/g)) expect(link!.startsWith(`${baseURL}/`)).toBe(true);
    });
  }

  test('the news sitemap is well-formed and lists nothing unpublished', async ({ request, page }) => {
    const xml = await fetchText(request, '/news-sitemap.xml', /^application\/xml/);
    expect((await parseXml(page, xml)).root).toBe('urlset');
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).not.toContain(SECRET_WORD);
    for (const slug of UNPUBLISHED_SLUGS) expect(xml).not.toContain(slug);
  });

  test("an unknown section's feed is a 404", async ({ request }) => {
    expect((await request.get('/rubriek/bestaat-niet/feed.xml')).status()).toBe(404);
    expect((await request.get('/en/section/no-such-section/feed.xml')).status()).toBe(404);
  });

  test('the internal Dutch feed paths redirect to the public ones', async ({ request }) => {
    const response = await request.get('/nl/feed.xml', { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(response.headers()['location']).toBe('/feed.xml');
  });
});
