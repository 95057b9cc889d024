/**
 * Previews, end to end against the production build: an editor's Draft Mode on the real article
 * page (banner, private/no-store, noindex, exit by POST), the same URL for everyone else (404, even
 * with the Draft Mode cookie but no session), and shared links: a valid one for a visitor without
 * an account (no cookie set), a tampered or expired one answering 401 with a page.
 *
 * Share links are signed here with lib/preview and the secret the browser server runs with, and
 * recorded in the server's database as the desk records them (only recorded links open). Revocation
 * is tested as an editor does it: at the desk, with a reader at the origin and through the edge.
 */
import { expect, test, type APIResponse, type BrowserContext, type Page, type Response } from '@playwright/test';
import { getDeskArticle } from '@/lib/desk/articles/desk-article';
import { applyContent } from '@/lib/data/write';
import { buildShareLink } from '@/lib/preview/links';
import { signPreviewToken } from '@/lib/preview/token';
import { TEST_EDITOR } from './accounts';
import { E2E_PREVIEW_SECRET } from './preview-secret';
import { launchEdge, NGINX, rawRequest, REQUIRE_EDGE, shutDown, startOfSecond, SUFFIX } from './edge-server';
import { e2eDatabase, recordedShareLink } from './share-links';
import type { RunningEdge } from '../../scripts/edge';

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

/** A recorded link to the draft, as the desk makes it (only recorded links open). */
const shareLink = (baseURL: string, ttlMs = 2 * 3_600_000) => recordedShareLink({ id: DRAFT.id, locale: 'nl' }, { siteUrl: baseURL, ttlMs });

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
    const link = await shareLink(baseURL ?? '');
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
    const link = await shareLink(baseURL ?? '');
    const token = new URL(link.url).pathname.split('/').at(-1) ?? '';
    // A Dutch article's link opened under /en goes to the Dutch address.
    const response = await request.get(`/en/preview/${token}`, { maxRedirects: 0 });
    expect([307, 308]).toContain(response.status());
    expect(response.headers()['location']).toBe(`/voorvertoning/${token}`);
  });

  test.describe('refused links', () => {
    const cases: Array<[string, (baseURL: string) => Promise<string> | string]> = [
      [
        'a tampered signature',
        async (baseURL) => {
          const url = (await shareLink(baseURL)).url;
          return url.slice(0, -1) + (url.endsWith('A') ? 'B' : 'A');
        },
      ],
      ['another article id under the same signature', async (baseURL) => (await shareLink(baseURL)).url.replace(DRAFT.id, 'e2e-scheduled-article')],
      [
        'a lengthened expiry',
        async (baseURL) => {
          const [version, id, seconds, signature] = (new URL((await shareLink(baseURL)).url).pathname.split('/').at(-1) ?? '').split('.');
          return `${baseURL}/voorvertoning/${[version, id, Number(seconds) + 86_400, signature].join('.')}`;
        },
      ],
      [
        'an expired link',
        (baseURL) => `${baseURL}/voorvertoning/${signPreviewToken(DRAFT.id, new Date(Date.now() - 60_000), E2E_PREVIEW_SECRET)}`,
      ],
      ['a correctly signed link the desk never made', (baseURL) => buildShareLink({ id: DRAFT.id, locale: 'nl' }, { ttlMs: 3_600_000, now: new Date(), secret: E2E_PREVIEW_SECRET, siteUrl: baseURL }).url],
      ['a link signed with another secret', (baseURL) => buildShareLink({ id: DRAFT.id, locale: 'nl' }, { ttlMs: 3_600_000, now: new Date(), secret: 'x'.repeat(40), siteUrl: baseURL }).url],
      ['a made-up token', (baseURL) => `${baseURL}/voorvertoning/niet-geldig`],
    ];

    for (const [name, makeUrl] of cases) {
      test(`${name} answers 401 with a clear page and no cookie`, async ({ browser, baseURL }) => {
        const visitor = await freshContext(browser, baseURL);
        const page = await visitor.newPage();
        const response = await page.goto(await makeUrl(baseURL ?? ''));
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

/**
 * Revocation, end to end: links are made and revoked at the desk as an editor does it, and read by
 * a reader in a browser without an account, at the origin and through the edge cache. Each test
 * has an article of its own (written into the server's database), so its list holds only its links.
 */
test.describe('revoking share links', () => {
  test.use({ locale: 'nl-NL' });
  const REFUSAL = 'Deze voorvertoningslink werkt niet (meer)';

  /** A new article copied from the draft fixture: a draft, or published a minute ago. */
  async function articleOfItsOwn(status: 'draft' | 'published'): Promise<{ id: string; title: string; path: string }> {
    const database = await e2eDatabase();
    const source = await getDeskArticle(database, DRAFT.id);
    if (source === null) throw new Error(`no fixture article ${DRAFT.id}`);
    const suffix = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
    const id = `e2e-share-${suffix}`;
    const slug = `deellink-proef-${suffix}`;
    const title = `Deellinkproef ${suffix}: alleen voor wie de link heeft`;
    const { publishedAt: _publishedAt, updatedAt: _updatedAt, previousSlugs: _previousSlugs, ...input } = source.input;
    const article = { ...input, id, slug, title, status, ...(status === 'published' ? { publishedAt: new Date(Date.now() - 60_000).toISOString() } : {}) };
    await applyContent(database, { articles: [article] });
    return { id, title, path: `/nieuws/${slug}` };
  }

  /** The share-link events the audit trail holds for an article, oldest first. */
  async function auditEventsOf(articleId: string) {
    const database = await e2eDatabase();
    return database.db
      .selectFrom('audit_events')
      .select(['type', 'actor_email', 'details'])
      .where('article_id', '=', articleId)
      .where('type', 'in', ['share-link.made', 'share-link.revoked'])
      .orderBy('id')
      .execute();
  }

  /** The editor's page for `id`, signed in; returns the page. */
  async function openInDesk(page: Page, id: string) {
    await signIn(page);
    await page.goto(`/redactie/artikelen/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Artikel bewerken' })).toBeVisible();
  }

  /** Makes a link with the desk's button and returns it as the desk shows it. */
  async function makeLinkAtDesk(page: Page): Promise<string> {
    const field = page.getByLabel('Deellink', { exact: true });
    // The field shows the last link made on this page; wait for a new one.
    const previous = (await field.count()) > 0 ? await field.inputValue() : '';
    await page.getByRole('button', { name: 'Deellink maken' }).click();
    await expect(field).toHaveValue(/\/voorvertoning\/v1\./);
    await expect(field).not.toHaveValue(previous);
    return field.inputValue();
  }

  async function expectRefused(reader: Page, url: string) {
    const response = await reader.goto(url);
    expect(response?.status()).toBe(401);
    expectPrivateNoStore(response);
    await expect(reader.getByRole('heading', { level: 1, name: REFUSAL })).toBeVisible();
    await expect(reader.getByText('ingetrokken', { exact: false })).toBeVisible();
  }

  test('an editor makes a link, a reader opens it, the editor revokes it, and the reader gets the refusal page', async ({ page, browser, baseURL }) => {
    const article = await articleOfItsOwn('draft');
    await openInDesk(page, article.id);
    const list = page.getByRole('region', { name: 'Actieve deellinks' });
    await expect(list).toContainText('Dit artikel heeft geen actieve deellinks.');

    const url = await makeLinkAtDesk(page);
    // The list shows the new link at once: who made it, and until when it works.
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem')).toContainText(`Gemaakt door ${TEST_EDITOR.name}`);
    await expect(list.getByRole('listitem')).toContainText('Geldig tot');

    const reader = await freshContext(browser, baseURL);
    const readerPage = await reader.newPage();
    const opened = await readerPage.goto(url);
    expect(opened?.status()).toBe(200);
    await expect(readerPage.getByRole('heading', { level: 1, name: article.title })).toBeVisible();

    await list.getByRole('button', { name: /^Intrekken/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De deellink is ingetrokken; hij werkt niet meer.' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Actieve deellinks' })).toContainText('Dit artikel heeft geen actieve deellinks.');

    await expectRefused(readerPage, url);
    await expect(readerPage.getByText(article.title)).toHaveCount(0);
    expect(await reader.cookies()).toEqual([]);
    await reader.close();

    // Both are in the audit trail, by the editor, without the link itself.
    const events = await auditEventsOf(article.id);
    expect(events.map((event) => [event.type, event.actor_email])).toEqual([
      ['share-link.made', TEST_EDITOR.email],
      ['share-link.revoked', TEST_EDITOR.email],
    ]);
    expect(JSON.stringify(events)).not.toContain(new URL(url).pathname.split('/').at(-1));
  });

  test('"revoke all" ends every link of the article, the command line’s too', async ({ page, browser, baseURL }) => {
    const article = await articleOfItsOwn('draft');
    const fromCli = await recordedShareLink({ id: article.id, locale: 'nl' }, { siteUrl: baseURL ?? '' });
    await openInDesk(page, article.id);
    const fromDesk = await makeLinkAtDesk(page);
    const list = page.getByRole('region', { name: 'Actieve deellinks' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list).toContainText('Gemaakt door de opdrachtregel');

    await list.getByRole('button', { name: 'Alle 2 deellinks intrekken' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Alle deellinks van dit artikel zijn ingetrokken.' })).toBeVisible();

    const reader = await freshContext(browser, baseURL);
    const readerPage = await reader.newPage();
    for (const url of [fromCli.url, fromDesk]) await expectRefused(readerPage, url);
    await reader.close();
  });

  test('taking a published article down revokes its links: the reader gets the refusal page', async ({ page, browser, baseURL }) => {
    const article = await articleOfItsOwn('published');
    await openInDesk(page, article.id);
    const url = await makeLinkAtDesk(page);

    const reader = await freshContext(browser, baseURL);
    const readerPage = await reader.newPage();
    expect((await readerPage.goto(url))?.status()).toBe(200);
    await expect(readerPage.getByRole('heading', { level: 1, name: article.title })).toBeVisible();

    await page.getByRole('button', { name: 'Offline halen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Het artikel is offline gehaald; zijn deellinks werken niet meer.' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Actieve deellinks' })).toContainText('Dit artikel heeft geen actieve deellinks.');

    await expectRefused(readerPage, url);
    // The article's own address is gone as well.
    expect((await readerPage.goto(article.path))?.status()).toBe(404);
    await reader.close();

    const revoked = (await auditEventsOf(article.id)).filter((event) => event.type === 'share-link.revoked');
    expect(revoked).toHaveLength(1);
    expect(JSON.parse(revoked[0]?.details ?? '{}')).toEqual({ reason: 'taken-down', count: 1 });
  });

  test.describe(`through the edge cache${SUFFIX}`, () => {
    test.skip(!NGINX && !REQUIRE_EDGE, 'nginx is not installed (apt-get install nginx); set REQUIRE_EDGE=1 to fail instead');
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

    test('the edge never answers a revoked link from a copy, nor a link to an article taken down', async ({ page, browser }) => {
      if (edge === undefined) throw new Error('no edge');
      const edgeUrl = edge.url;
      const article = await articleOfItsOwn('published');
      await openInDesk(page, article.id);
      const viaEdge = (url: string) => `${edgeUrl}${new URL(url).pathname}`;
      const revokedUrl = viaEdge(await makeLinkAtDesk(page));
      const takenDownUrl = viaEdge(await makeLinkAtDesk(page));

      const reader = await browser.newContext({ locale: 'nl-NL' });
      const readerPage = await reader.newPage();
      for (const url of [revokedUrl, takenDownUrl]) {
        // Read twice within one second: a page the edge kept would come back as a HIT.
        await startOfSecond();
        for (let read = 0; read < 2; read += 1) {
          const answer = await rawRequest(url);
          expect(answer.status).toBe(200);
          expect(answer.cache).not.toBe('HIT');
          expect(answer.headers['cache-control']).toContain('no-store');
          expect(answer.text).toContain(article.title);
        }
        expect((await readerPage.goto(url))?.status()).toBe(200);
      }

      const list = page.getByRole('region', { name: 'Actieve deellinks' });
      await list.getByRole('button', { name: /^Intrekken/ }).first().click();
      await expect(page.getByRole('status').filter({ hasText: 'De deellink is ingetrokken; hij werkt niet meer.' })).toBeVisible();
      await expect(list.getByRole('listitem')).toHaveCount(1);

      // Which of the two was revoked: the other still opens until the take-down below.
      const [first, second] = [await rawRequest(revokedUrl), await rawRequest(takenDownUrl)];
      expect([first.status, second.status].sort()).toEqual([200, 401]);
      const [refusedUrl, stillOpenUrl] = first.status === 401 ? [revokedUrl, takenDownUrl] : [takenDownUrl, revokedUrl];

      await page.getByRole('button', { name: 'Offline halen' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Het artikel is offline gehaald' })).toBeVisible();

      for (const url of [refusedUrl, stillOpenUrl]) {
        await startOfSecond();
        for (let read = 0; read < 2; read += 1) {
          const answer = await rawRequest(url);
          expect(answer.status).toBe(401);
          expect(answer.cache).not.toBe('HIT');
          expect(answer.text).not.toContain(article.title);
          expect(answer.text).toContain(REFUSAL);
        }
        const response = await readerPage.goto(url);
        expect(response?.status()).toBe(401);
        await expect(readerPage.getByRole('heading', { level: 1, name: REFUSAL })).toBeVisible();
        await expect(readerPage.getByText(article.title)).toHaveCount(0);
      }
      await reader.close();
    });
  });
});
