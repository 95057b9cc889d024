/**
 * The Draft Mode cookie (`__prerender_bypass`) and what it may change. Only a real Draft Mode
 * render, which Next makes `private, no-store`, says noindex; a made-up cookie changes nothing about
 * a public page, so no shared cache can keep a "noindex" copy of it (issue #22, item 3). Signing out
 * ends Draft Mode too.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunningEdge } from '../../scripts/edge';
import { TEST_EDITOR } from './accounts';
import { launchEdge, NGINX, rawRequest, REQUIRE_EDGE, shutDown, SUFFIX } from './edge-server';

const ARTICLE = { id: 'e2e-reference-article', path: '/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag' };
const BYPASS_COOKIE = '__prerender_bypass';
const FORGED = [`${BYPASS_COOKIE}=forged`, `${BYPASS_COOKIE}=`, `theme=dark; ${BYPASS_COOKIE}=0123456789abcdef0123456789abcdef`];

async function signIn(page: Page) {
  await page.goto('/redactie/inloggen');
  await page.getByLabel('E-mailadres').fill(TEST_EDITOR.email);
  await page.getByLabel('Wachtwoord').fill(TEST_EDITOR.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).not.toHaveURL(/inloggen/);
}

test.describe('a made-up Draft Mode cookie', () => {
  for (const path of [ARTICLE.path, '/', '/en/video', '/feed.xml']) {
    test(`changes nothing about ${path}: no noindex, the same public caching`, async ({ request, baseURL }) => {
      const anonymous = await rawRequest(`${baseURL}${path}`);
      expect(anonymous.status).toBe(200);
      for (const cookie of FORGED) {
        const forged = await rawRequest(`${baseURL}${path}`, { headers: { cookie } });
        expect(forged.status, cookie).toBe(200);
        expect(forged.headers['x-robots-tag'], cookie).toBeUndefined();
        expect(forged.headers['cache-control'], cookie).toBe(anonymous.headers['cache-control']);
      }
      // Playwright's client too (it adds its own headers).
      const response = await request.get(path, { headers: { cookie: FORGED[0]! } });
      expect(response.headers()['x-robots-tag']).toBeUndefined();
    });
  }

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

    test('is bypassed and kept private there, and says no noindex', async () => {
      for (const cookie of FORGED) {
        const response = await rawRequest(`${edge!.url}${ARTICLE.path}`, { headers: { cookie } });
        expect(response.status, cookie).toBe(200);
        expect(response.headers['cache-control'], cookie).toBe('private, no-store');
        expect(response.headers['x-robots-tag'], cookie).toBeUndefined();
      }
    });
  });
});

test.describe('a real preview', () => {
  test.use({ locale: 'nl-NL' });

  test('is private, no-store and noindex, on the article and on other pages in Draft Mode; sign-out ends Draft Mode', async ({ page, context }) => {
    await signIn(page);
    const preview = await page.goto(`/api/preview?id=${ARTICLE.id}`);
    expect(new URL(page.url()).pathname).toBe(ARTICLE.path);
    const headers = (await preview?.allHeaders()) ?? {};
    expect(headers['cache-control']).toMatch(/private/);
    expect(headers['cache-control']).toMatch(/no-store/);
    expect(headers['x-robots-tag']).toBe('noindex, nofollow');
    expect((await context.cookies()).map((cookie) => cookie.name)).toContain(BYPASS_COOKIE);
    // The front page, in Draft Mode: private, so noindex too.
    const front = await context.request.get('/');
    expect(front.headers()['cache-control']).toMatch(/private.*no-store|no-store.*private/);
    expect(front.headers()['x-robots-tag']).toBe('noindex, nofollow');

    await page.goto('/redactie');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/inloggen/);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(BYPASS_COOKIE);
    // And the article is a public page again for this browser.
    const after = await context.request.get(ARTICLE.path);
    expect(after.headers()['cache-control']).toMatch(/s-maxage/);
    expect(after.headers()['x-robots-tag']).toBeUndefined();
  });
});
