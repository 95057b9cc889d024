/**
 * Every way a page can be missing answers 404 (and a forged share link 401), with a localized page.
 *
 * With JavaScript the origin's own page shows, inside the site's layout. Without JavaScript the
 * origin sends Next's empty error document for notFound()/unauthorized() (vercel/next.js#62228,
 * open), so readers get the edge cache's static, localized pages instead (deploy/nginx/errors):
 * these tests turn JavaScript off and go through a real edge. One test pins the origin's empty
 * document: when it fails, Next renders those pages on the server, and the edge's 404 and 401
 * pages can go.
 */
import { expect, test, type Page, type Response } from '@playwright/test';
import type { RunningEdge } from '../../scripts/edge';
import { launchEdge, NGINX, REQUIRE_EDGE, shutDown, SUFFIX } from './edge-server';
import { watchConsole } from './helpers';

const REFERENCE = '/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag';

interface Edition {
  lang: 'nl' | 'en';
  heading: string;
  sections: string;
  home: string;
  front: string;
  frontHeading: string;
}

const DUTCH: Edition = {
  lang: 'nl',
  heading: 'Pagina niet gevonden',
  sections: 'Rubrieken',
  home: 'Naar de voorpagina',
  front: '/',
  frontHeading: 'Laatste nieuws',
};
const ENGLISH: Edition = {
  lang: 'en',
  heading: 'Page not found',
  sections: 'Sections',
  home: 'Go to the front page',
  front: '/en',
  frontHeading: 'Latest news',
};

const MISSING: Array<{ what: string; path: string; edition: Edition }> = [
  { what: 'an unknown article', path: '/nieuws/bestaat-niet', edition: DUTCH },
  { what: 'an unknown article', path: '/en/news/does-not-exist', edition: ENGLISH },
  { what: 'an unknown section', path: '/rubriek/bestaat-niet', edition: DUTCH },
  { what: 'an unknown section', path: '/en/section/does-not-exist', edition: ENGLISH },
  { what: 'a page beyond the last', path: '/rubriek/voetbal?pagina=9999', edition: DUTCH },
  { what: 'a page beyond the last', path: '/en/section/archive?page=9999', edition: ENGLISH },
  { what: 'a path no route claims', path: '/dit/bestaat/niet', edition: DUTCH },
  { what: 'a path no route claims', path: '/en/this/does/not/exist', edition: ENGLISH },
];

/** The page is the localized 404 inside the edition's layout: header navigation, main, footer. */
async function expectLocalizedNotFound(page: Page, response: Response | null, edition: Edition) {
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', edition.lang);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.getByRole('banner').getByRole('navigation', { name: edition.sections })).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: edition.heading })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
}

/** The edge's static page for a missing page: the edition's language, a heading, a way home and a search. */
async function expectEdgeNotFound(page: Page, response: Response | null, edition: Edition) {
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', edition.lang);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.getByRole('banner').getByRole('navigation')).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: edition.heading })).toBeVisible();
  await expect(page.getByRole('main').getByRole('search')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
}

test.describe(`without JavaScript, through the edge${SUFFIX}`, () => {
  test.skip(!NGINX && !REQUIRE_EDGE, 'nginx is not installed (apt-get install nginx); set REQUIRE_EDGE=1 to fail instead');
  test.use({ javaScriptEnabled: false });

  let edge: RunningEdge | undefined;
  let runtimeDir = '';
  test.beforeAll(async ({}, testInfo) => {
    const origin = testInfo.project.use.baseURL;
    if (!origin) throw new Error('the suite has no baseURL');
    ({ edge, runtimeDir } = await launchEdge(origin));
  });
  test.afterAll(async () => {
    await shutDown(edge, runtimeDir);
  });

  for (const { what, path, edition } of MISSING) {
    test(`${what} (${path}) is a readable ${edition.lang} 404 page with a way home`, async ({ page }) => {
      const response = await page.goto(`${edge!.url}${path}`);
      await expectEdgeNotFound(page, response, edition);
      await page.getByRole('main').getByRole('link', { name: edition.home, exact: true }).click();
      await page.waitForURL((url) => url.pathname === edition.front);
      await expect(page.getByRole('heading', { level: 2, name: edition.frontHeading })).toBeVisible();
    });
  }

  test('its search form searches the site', async ({ page }) => {
    await page.goto(`${edge!.url}/nieuws/bestaat-niet`);
    await page.getByRole('main').getByRole('searchbox').fill('Dijkstad');
    await page.getByRole('main').getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL((url) => url.pathname === '/zoeken' && url.searchParams.get('q') === 'Dijkstad');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a forged share link is a readable 401 page in the edition of its URL', async ({ page }) => {
    const dutch = await page.goto(`${edge!.url}/voorvertoning/niet-geldig`);
    expect(dutch?.status()).toBe(401);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Deze voorvertoningslink werkt niet (meer)' })).toBeVisible();
    expect(dutch?.headers()['cache-control']).toBe('private, no-store');

    const english = await page.goto(`${edge!.url}/en/preview/not-valid`);
    expect(english?.status()).toBe(401);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'This preview link does not work (any more)' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Go to the front page', exact: true })).toHaveAttribute('href', '/en');
  });

  test('feeds and JSON keep their own kind of 404', async ({ request }) => {
    const feed = await request.get(`${edge!.url}/rubriek/bestaat-niet/feed.xml`);
    expect(feed.status()).toBe(404);
    expect(feed.headers()['content-type']).not.toMatch(/^text\/html/);
    const api = await request.get(`${edge!.url}/api/listings?locale=nl&section=bestaat-niet`);
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toMatch(/^application\/json/);
  });
});

test.describe('without JavaScript, at the origin', () => {
  test.use({ javaScriptEnabled: false });

  test('the status is right, and the body is still Next’s empty error document (vercel/next.js#62228)', async ({ page }) => {
    for (const { path } of MISSING) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      // When this fails, Next renders notFound() on the server: the edge's 404 and 401 pages
      // (deploy/nginx/errors, error_page in edge.conf.template) can go, and this test flips.
      await expect(page.locator('html'), path).toHaveAttribute('id', '__next_error__');
      await expect(page.getByRole('main'), path).toHaveCount(0);
    }
    expect((await page.goto('/voorvertoning/niet-geldig'))?.status()).toBe(401);
  });
});

test.describe('with JavaScript', () => {
  test('the server-rendered 404 page hydrates without errors and stays the same page', async ({ page }) => {
    const problems = watchConsole(page);
    for (const { path, edition } of [MISSING[0]!, MISSING[3]!]) {
      const response = await page.goto(path);
      await expectLocalizedNotFound(page, response, edition);
      await page.getByRole('main').getByRole('link', { name: edition.home, exact: true }).click();
      await page.waitForURL((url) => url.pathname === edition.front);
      await expect(page.getByRole('heading', { level: 2, name: edition.frontHeading })).toBeVisible();
    }
    // The browser reports the 404 document itself as a failed resource; anything else is a problem.
    expect(problems.filter((problem) => !/status of 404/.test(problem))).toEqual([]);
  });
});

test('article pages stay statically cached next to the server-rendered 404s', async ({ request }) => {
  await request.get(REFERENCE);
  const repeat = await request.get(REFERENCE);
  expect(repeat.status()).toBe(200);
  expect(repeat.headers()['x-nextjs-cache']).toBe('HIT');
  const cacheControl = repeat.headers()['cache-control'] ?? '';
  expect(cacheControl).toMatch(/s-maxage=\d+/);
  expect(cacheControl).not.toMatch(/private|no-store/);
});
