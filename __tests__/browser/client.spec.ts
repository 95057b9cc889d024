/**
 * The client leaves in a real browser: hydration in a reader's zone and locale that are not the
 * site's, the video facade turning into a player, load more on a long listing, and the headers
 * (CSP, cache) that go with them. The video providers are outside this machine, so every request
 * to them is answered here (aborted); the tests check what the page asks for, not what it gets.
 */
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers';

const REFERENCE = '/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag';
const REFERENCE_ID = 'e2e-reference-article';
const VIDEO_TITLE = 'Samenvatting FC Dijkstad - SV Noordpolder';
const FRAME_SRC = 'https://www.youtube-nocookie.com https://player.vimeo.com';

/** Aborts every request that would leave the machine, and returns the URLs that were attempted. */
async function keepRequestsLocal(page: Page): Promise<string[]> {
  const external: string[] = [];
  await page.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => {
      external.push(route.request().url());
      return route.abort();
    },
  );
  return external;
}

/** Waits until React has hydrated the page: no requests in flight after the load. */
async function gotoHydrated(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForLoadState('networkidle');
  return response;
}

test.describe('a Dutch article read from New York in an American browser', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('hydrates without console errors and keeps the byline in the site zone', async ({ page }) => {
    const problems = watchConsole(page);
    await keepRequestsLocal(page);
    const response = await gotoHydrated(page, REFERENCE);
    expect(response?.status()).toBe(200);
    const byline = page.locator('main article header p').filter({ hasText: 'Laatste update' });
    await expect(byline).toHaveText('Dinsdag, 3 mei 2022 om 14:38 • Rian Rosendaal • Laatste update: 14:38');
    // The browser's own zone and locale really are different.
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    expect(problems).toEqual([]);
  });
});

test.describe('the video player', () => {
  test('loads nothing from the provider until play, then the no-cookie player, focused', async ({ page }) => {
    const problems = watchConsole(page);
    const external = await keepRequestsLocal(page);
    await gotoHydrated(page, REFERENCE);
    const figure = page.locator(`figure[data-video-provider="youtube"][data-video-id="Xk3vQ9pL2aB"]`);
    await expect(figure.locator('iframe')).toHaveCount(0);
    expect(external).toEqual([]);

    await figure.getByRole('link', { name: new RegExp(VIDEO_TITLE) }).click();
    const player = figure.locator('iframe');
    await expect(player).toHaveAttribute('src', /^https:\/\/www\.youtube-nocookie\.com\/embed\/Xk3vQ9pL2aB/);
    await expect(player).toHaveAttribute('title', VIDEO_TITLE);
    await expect(player).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`${REFERENCE}$`));
    // The only request that left: the player itself, after the click.
    expect(external.every((url) => url.startsWith('https://www.youtube-nocookie.com/embed/Xk3vQ9pL2aB'))).toBe(true);
    expect(problems.filter((problem) => !/youtube-nocookie|ERR_FAILED|net::/i.test(problem))).toEqual([]);
  });

  test('starts from the keyboard too', async ({ page }) => {
    await keepRequestsLocal(page);
    await gotoHydrated(page, REFERENCE);
    const figure = page.locator('figure[data-video-provider="youtube"]');
    await figure.getByRole('link', { name: new RegExp(VIDEO_TITLE) }).focus();
    await page.keyboard.press('Space');
    await expect(figure.locator('iframe')).toBeFocused();
  });

  test('works as a plain link to the provider without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(REFERENCE);
    const facade = page.locator('figure[data-video-provider="youtube"] a');
    await expect(facade).toHaveAttribute('href', 'https://www.youtube.com/watch?v=Xk3vQ9pL2aB');
    await expect(page.locator('iframe')).toHaveCount(0);
    await context.close();
  });

  test('is described by VideoObject structured data', async ({ page }) => {
    await keepRequestsLocal(page);
    await page.goto(REFERENCE);
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    const videos = scripts.map((text) => JSON.parse(text) as Record<string, unknown>).filter((data) => data['@type'] === 'VideoObject');
    expect(videos).toHaveLength(1);
    expect(videos[0]).toMatchObject({
      name: VIDEO_TITLE,
      embedUrl: 'https://www.youtube-nocookie.com/embed/Xk3vQ9pL2aB',
      uploadDate: '2022-05-03T12:38:00.000Z',
      duration: 'PT4M34S',
      thumbnailUrl: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/images\/video-placeholder\.webp$/)],
    });
  });
});

test.describe('load more', () => {
  test('appends 20 cards, then 5, then disappears, moving focus to the first new card', async ({ page }) => {
    const problems = watchConsole(page);
    await keepRequestsLocal(page);
    await gotoHydrated(page, '/en/section/archive');
    const cards = page.locator('main ul > li > article');
    await expect(cards).toHaveCount(20);

    const button = page.getByRole('button', { name: 'Load more' });
    await button.click();
    await expect(cards).toHaveCount(40);
    await expect(cards.nth(20).getByRole('link')).toBeFocused();

    await button.click();
    await expect(cards).toHaveCount(45);
    await expect(cards.nth(40).getByRole('link')).toBeFocused();
    await expect(button).toHaveCount(0);

    // The same 45 distinct articles the numbered pages walk through.
    const titles = await cards.locator('h2').allTextContents();
    expect(new Set(titles).size).toBe(45);
    // The plain page links are still there for crawlers and readers without JavaScript.
    await expect(page.getByRole('link', { name: 'Next page →' })).toHaveAttribute('href', '/en/section/archive?page=2');
    expect(problems).toEqual([]);
  });

  test('is not offered without JavaScript, where the page links do the job', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/section/archive');
    await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Next page →' })).toBeVisible();
    await context.close();
  });
});

test.describe('headers', () => {
  test('every page carries the Content-Security-Policy with exactly the two video players as frames', async ({ request }) => {
    for (const path of ['/', REFERENCE, '/en/section/archive', '/api/listings?locale=en&section=archive']) {
      const response = await request.get(path);
      const headers = response.headers();
      const directives = new Map(
        (headers['content-security-policy'] ?? '').split(';').map((part) => {
          const [name = '', ...values] = part.trim().split(/\s+/);
          return [name, values.join(' ')] as const;
        }),
      );
      expect(directives.get('frame-src'), path).toBe(FRAME_SRC);
      expect(directives.get('default-src'), path).toBe("'self'");
      expect(directives.get('object-src'), path).toBe("'none'");
      expect(directives.get('frame-ancestors'), path).toBe("'self'");
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    }
  });
});

test.describe('the JSON endpoints', () => {
  test('the status of a public article, shared briefly by caches', async ({ request }) => {
    const response = await request.get(`/api/articles/${REFERENCE_ID}/status`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
    expect(await response.json()).toEqual({
      id: REFERENCE_ID,
      updatedAt: '2022-05-03T12:38:40.000Z',
      slug: 'trainer-van-dijkstad-blijft-kalm-na-nederlaag',
      path: REFERENCE,
    });
  });

  test('no status for drafts, scheduled, future or unknown articles', async ({ request }) => {
    for (const id of ['e2e-draft-article', 'e2e-scheduled-article', 'e2e-future-published', 'no-such-article']) {
      const response = await request.get(`/api/articles/${id}/status`);
      expect(response.status(), id).toBe(404);
      expect(await response.json(), id).toHaveProperty('error');
    }
    expect((await request.get('/api/articles/NOT%20AN%20ID/status')).status()).toBe(400);
  });

  test('listing pages by cursor, with their cache policy', async ({ request }) => {
    const first = await request.get('/api/listings?locale=en&section=archive');
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control']).toBe('public, s-maxage=60, stale-while-revalidate=300');
    const page1 = (await first.json()) as { items: Array<{ id: string }>; nextCursor: string };
    expect(page1.items).toHaveLength(20);
    const second = await request.get(`/api/listings?locale=en&section=archive&cursor=${encodeURIComponent(page1.nextCursor)}`);
    const page2 = (await second.json()) as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(page2.items).toHaveLength(20);
    expect(page2.items.map((item) => item.id)).not.toContain(page1.items[0]?.id);
  });

  test('bad parameters are a 400 and unknown listings a 404, each with a JSON message', async ({ request }) => {
    const cases: Array<[string, number]> = [
      ['/api/listings?locale=de&section=archive', 400],
      ['/api/listings?locale=en&section=archive&tag=archive', 400],
      ['/api/listings?locale=en&section=archive&cursor=not-a-cursor', 400],
      ['/api/listings?locale=en', 400],
      ['/api/listings?locale=en&section=does-not-exist', 404],
      ['/api/listings?locale=en&tag=does-not-exist', 404],
      ['/api/listings?locale=en&author=nobody', 404],
    ];
    for (const [path, status] of cases) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(status);
      expect(typeof ((await response.json()) as { error?: unknown }).error, path).toBe('string');
    }
  });
});
