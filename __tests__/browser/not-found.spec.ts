/**
 * The localized 404 page is drawn by the server, inside the site's layout, for every way a page
 * can be missing: readers without JavaScript and crawlers see the same page as everyone else.
 * Next answered notFound() with an empty error document and drew the page only in the browser
 * (vercel/next.js#62228; patched in patches/next+16.4.6.patch), so these tests turn JavaScript off.
 */
import { expect, test, type Page, type Response } from '@playwright/test';
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

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { what, path, edition } of MISSING) {
    test(`${what} (${path}) is a server-rendered ${edition.lang} 404 page with a way home`, async ({ page }) => {
      const response = await page.goto(path);
      await expectLocalizedNotFound(page, response, edition);

      await page.getByRole('main').getByRole('link', { name: edition.home, exact: true }).click();
      await page.waitForURL((url) => url.pathname === edition.front);
      await expect(page.getByRole('heading', { level: 2, name: edition.frontHeading })).toBeVisible();
    });
  }

  test('a forged share link is a server-rendered 401 page in the edition of its URL', async ({ page }) => {
    const dutch = await page.goto('/voorvertoning/niet-geldig');
    expect(dutch?.status()).toBe(401);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Deze voorvertoningslink werkt niet (meer)' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('navigation', { name: 'Rubrieken' })).toBeVisible();

    const english = await page.goto('/en/preview/not-valid');
    expect(english?.status()).toBe(401);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'This preview link does not work (any more)' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Go to the front page', exact: true })).toHaveAttribute('href', '/en');
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
