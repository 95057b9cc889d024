/**
 * Previews, end to end against the production build: an editor's Draft Mode on the real article
 * page (banner, private/no-store, noindex, exit by POST), the same URL for everyone else (404, even
 * with the Draft Mode cookie but no session), and shared links: a valid one for a visitor without
 * an account (no cookie set), a tampered or expired one answering 401 with a page.
 *
 * Share links are signed here with lib/preview and the secret the browser server runs with.
 */
import { expect, test, type APIResponse, type BrowserContext, type Page, type Response } from '@playwright/test';
import { buildShareLink } from '@/lib/preview/links';
import { signPreviewToken } from '@/lib/preview/token';
import { TEST_EDITOR } from './accounts';
import { E2E_PREVIEW_SECRET } from './preview-secret';

const DRAFT = {
  id: 'e2e-draft-article',
  path: '/nieuws/geheim-concept-over-transfer',
  title: 'Geheim concept: de transfer van Zwaluwstaart',
  body: 'Zwaluwstaart is het codewoord van dit concept.',
};
const BYPASS_COOKIE = '__prerender_bypass';

type AnyResponse = Response | APIResponse | null;

function expectPrivateNoStore(response: AnyResponse) {
  const cacheControl = response?.headers()['cache-control'] ?? '';
  expect(cacheControl).toContain('private');
  expect(cacheControl).toContain('no-store');
  expect(cacheControl).not.toMatch(/s-maxage|public/);
}

function expectNoindexHeader(response: AnyResponse) {
  expect(response?.headers()['x-robots-tag'] ?? '').toContain('noindex');
}

async function setCookieHeaders(response: AnyResponse): Promise<string[]> {
  if (response === null) return [];
  const headers = 'headersArray' in response && typeof response.headersArray === 'function' ? await response.headersArray() : [];
  return headers.filter(({ name }) => name.toLowerCase() === 'set-cookie').map(({ value }) => value);
}

async function signIn(page: Page) {
  await page.goto('/redactie/inloggen');
  await page.getByLabel('E-mailadres').fill(TEST_EDITOR.email);
  await page.getByLabel('Wachtwoord').fill(TEST_EDITOR.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).not.toHaveURL(/inloggen/);
}

const shareLink = (baseURL: string, ttlMs = 2 * 3_600_000) =>
  buildShareLink({ id: DRAFT.id, locale: 'nl' }, { ttlMs, now: new Date(), secret: E2E_PREVIEW_SECRET, siteUrl: baseURL });

async function freshContext(browser: import('@playwright/test').Browser, baseURL: string | undefined): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'nl-NL' });
}

test.describe('Draft Mode for editors', () => {
  test.use({ locale: 'nl-NL' });

  test('"Preview" without a session answers 401 and sets no Draft Mode cookie', async ({ request }) => {
    const response = await request.get(`/api/preview?id=${DRAFT.id}`, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect((await setCookieHeaders(response)).some((value) => value.startsWith(BYPASS_COOKIE))).toBe(false);
  });

  test('an editor previews a draft on its real URL, with a banner, privately and unindexed, and exits with a POST', async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    await signIn(page);

    // The route redirects to the URL it looks up by id; a path in the query is never followed.
    const redirect = await context.request.get(`/api/preview?id=${DRAFT.id}&slug=//evil.example`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers()['location']).toBe(DRAFT.path);
    expectPrivateNoStore(redirect);

    const response = await page.goto(`/api/preview?id=${DRAFT.id}`);
    expect(new URL(page.url()).pathname).toBe(DRAFT.path);
    expect(response?.status()).toBe(200);
    expectPrivateNoStore(response);
    expectNoindexHeader(response);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

    const banner = page.getByRole('complementary', { name: 'Voorvertoning' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('concept');
    await expect(page.getByRole('heading', { level: 1, name: DRAFT.title })).toBeVisible();
    await expect(page.getByText(DRAFT.body)).toBeVisible();
    expect((await context.cookies()).map((cookie) => cookie.name)).toContain(BYPASS_COOKIE);

    // Nothing of the preview is cached: the same URL without a session is still a 404, even for
    // a browser that copied the Draft Mode cookie.
    const bypass = (await context.cookies()).find((cookie) => cookie.name === BYPASS_COOKIE);
    const stranger = await freshContext(browser, baseURL);
    const strangerPage = await stranger.newPage();
    expect((await strangerPage.goto(DRAFT.path))?.status()).toBe(404);
    await expect(strangerPage.getByText(DRAFT.title)).toHaveCount(0);
    if (bypass) await stranger.addCookies([bypass]);
    const withCookie = await strangerPage.goto(DRAFT.path);
    expect(withCookie?.status()).toBe(404);
    await expect(strangerPage.getByText(DRAFT.body)).toHaveCount(0);
    await stranger.close();

    // Exit is a form POST; it ends Draft Mode and comes back to the public URL (a 404 for a draft).
    const exitForm = banner.locator('form');
    await expect(exitForm).toHaveAttribute('method', 'post');
    const [exitResponse] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/api/preview/exit')),
      banner.getByRole('button', { name: 'Voorvertoning sluiten' }).click(),
    ]);
    expect(exitResponse.status()).toBe(303);
    await expect(page).toHaveURL(new RegExp(`${DRAFT.path}$`));
    await expect(page.getByRole('complementary', { name: 'Voorvertoning' })).toHaveCount(0);
    await expect(page.getByText(DRAFT.body)).toHaveCount(0);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(BYPASS_COOKIE);
    expect((await context.request.get(DRAFT.path)).status()).toBe(404);
  });

  test('the exit endpoint refuses a cross-site POST', async ({ request }) => {
    const response = await request.post('/api/preview/exit', { form: { id: DRAFT.id }, headers: { Origin: 'https://evil.example' }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });

  test('a public article stays publicly cacheable for readers', async ({ request }) => {
    const home = await request.get('/');
    const link = /href="(\/nieuws\/[^"]+)"/.exec(await home.text())?.[1];
    expect(link).toBeDefined();
    const article = await request.get(link ?? '/');
    expect(article.status()).toBe(200);
    expect(article.headers()['cache-control'] ?? '').not.toContain('private');
    expect(article.headers()['x-robots-tag']).toBeUndefined();
  });
});

test.describe('shared preview links', () => {
  test('a valid link shows the draft to a visitor without an account, with its expiry, and sets no cookie', async ({ browser, baseURL }) => {
    const link = shareLink(baseURL ?? '');
    const visitor = await freshContext(browser, baseURL);
    const page = await visitor.newPage();
    const response = await page.goto(link.url);
    expect(response?.status()).toBe(200);
    expectPrivateNoStore(response);
    expectNoindexHeader(response);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    expect(await setCookieHeaders(response)).toEqual([]);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

    const banner = page.getByRole('complementary', { name: 'Gedeelde voorvertoning' });
    await expect(banner).toBeVisible();
    await expect(banner.locator('time')).toHaveAttribute('datetime', link.expiresAt);
    await expect(page.getByRole('heading', { level: 1, name: DRAFT.title })).toBeVisible();
    await expect(page.getByText(DRAFT.body)).toBeVisible();
    expect(await visitor.cookies()).toEqual([]);

    // The link opened nothing else: the article's own URL is still a 404 for this visitor.
    expect((await page.goto(DRAFT.path))?.status()).toBe(404);
    await visitor.close();
  });

  test('the English edition has its own address for a link', async ({ request, baseURL }) => {
    const link = shareLink(baseURL ?? '');
    const token = new URL(link.url).pathname.split('/').at(-1) ?? '';
    // A Dutch article's link opened under /en goes to the Dutch address.
    const response = await request.get(`/en/preview/${token}`, { maxRedirects: 0 });
    expect([307, 308]).toContain(response.status());
    expect(response.headers()['location']).toBe(`/voorvertoning/${token}`);
  });

  test.describe('refused links', () => {
    const cases: Array<[string, (baseURL: string) => string]> = [
      [
        'a tampered signature',
        (baseURL) => {
          const url = shareLink(baseURL).url;
          return url.slice(0, -1) + (url.endsWith('A') ? 'B' : 'A');
        },
      ],
      ['another article id under the same signature', (baseURL) => shareLink(baseURL).url.replace(DRAFT.id, 'e2e-scheduled-article')],
      [
        'a lengthened expiry',
        (baseURL) => {
          const [version, id, seconds, signature] = (new URL(shareLink(baseURL).url).pathname.split('/').at(-1) ?? '').split('.');
          return `${baseURL}/voorvertoning/${[version, id, Number(seconds) + 86_400, signature].join('.')}`;
        },
      ],
      [
        'an expired link',
        (baseURL) => `${baseURL}/voorvertoning/${signPreviewToken(DRAFT.id, new Date(Date.now() - 60_000), E2E_PREVIEW_SECRET)}`,
      ],
      ['a link signed with another secret', (baseURL) => buildShareLink({ id: DRAFT.id, locale: 'nl' }, { ttlMs: 3_600_000, now: new Date(), secret: 'x'.repeat(40), siteUrl: baseURL }).url],
      ['a made-up token', (baseURL) => `${baseURL}/voorvertoning/niet-geldig`],
    ];

    for (const [name, makeUrl] of cases) {
      test(`${name} answers 401 with a clear page and no cookie`, async ({ browser, baseURL }) => {
        const visitor = await freshContext(browser, baseURL);
        const page = await visitor.newPage();
        const response = await page.goto(makeUrl(baseURL ?? ''));
        expect(response?.status()).toBe(401);
        expect(await setCookieHeaders(response)).toEqual([]);
        expectNoindexHeader(response);
        await expect(page.getByRole('heading', { level: 1, name: 'Deze voorvertoningslink werkt niet (meer)' })).toBeVisible();
        await expect(page.getByText(DRAFT.body)).toHaveCount(0);
        await expect(page.getByText(DRAFT.title)).toHaveCount(0);
        expect(await visitor.cookies()).toEqual([]);
        await visitor.close();
      });
    }

    test('the English refusal page is in English', async ({ browser, baseURL }) => {
      const visitor = await browser.newContext({ baseURL });
      const page = await visitor.newPage();
      const response = await page.goto('/en/preview/v1.e2e-draft-article.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      expect(response?.status()).toBe(401);
      await expect(page.getByRole('heading', { level: 1, name: 'This preview link does not work (any more)' })).toBeVisible();
      // The whole page is the English edition, not only the message.
      await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
      await expect(page.getByRole('main').getByRole('link', { name: 'Go to the front page', exact: true })).toHaveAttribute('href', '/en');
      await visitor.close();
    });
  });
});
