/**
 * The editor desk's accounts, end to end against the production build: the redirect to sign-in,
 * a failed and a successful sign-in, the session cookie's attributes, the desk's caching and
 * indexing headers, and sign-out ending the session on the server (the old cookie replayed in a
 * fresh browser context no longer opens the desk). The account comes from accounts.ts; the
 * browser server creates it with the content CLI.
 */
import { expect, test, type Cookie, type Page } from '@playwright/test';
import { TEST_EDITOR } from './accounts';

const SESSION_COOKIE = 'desk_session';

async function signIn(page: Page, labels: { email: string; password: string; submit: string }, password: string = TEST_EDITOR.password) {
  await page.getByLabel(labels.email).fill(TEST_EDITOR.email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

/** The form's error (Next's route announcer is an empty `alert` too). */
const alert = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text });

const DUTCH = { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen' };
const ENGLISH = { email: 'Email address', password: 'Password', submit: 'Sign in' };

function expectPrivateNoStore(response: { headers(): Record<string, string> } | null) {
  const cacheControl = response?.headers()['cache-control'] ?? '';
  expect(cacheControl).toContain('private');
  expect(cacheControl).toContain('no-store');
  expect(cacheControl).not.toMatch(/s-maxage|public/);
}

test.describe('the desk in Dutch', () => {
  test('without a session, /redactie redirects to the sign-in page, which comes back to /redactie', async ({ request, page }) => {
    const response = await request.get('/redactie', { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()['location']).toBe('/redactie/inloggen?next=%2Fredactie');

    const signInPage = await page.goto('/redactie');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/redactie/inloggen?next=%2Fredactie');
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij de redactie' })).toBeVisible();
    expectPrivateNoStore(signInPage);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  });

  test('a wrong password shows the error and sets no cookie', async ({ page, context }) => {
    await page.goto('/redactie/inloggen');
    await signIn(page, DUTCH, 'dit-is-niet-het-wachtwoord');
    await expect(alert(page, 'E-mailadres of wachtwoord klopt niet.')).toBeVisible();
    await expect(page.getByLabel(DUTCH.email)).toHaveValue(TEST_EDITOR.email);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
  });

  test('signing in opens the desk; signing out ends the session on the server', async ({ page, context, browser, baseURL }) => {
    await page.goto('/redactie/inloggen?next=%2Fredactie');
    await signIn(page, DUTCH);
    await expect(page).toHaveURL(/\/redactie$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Redactie' })).toBeVisible();
    await expect(page.getByText(`Ingelogd als ${TEST_EDITOR.name} (${TEST_EDITOR.email})`)).toBeVisible();
    await expect(page.getByText('Rol: redacteur')).toBeVisible();

    const cookie = (await context.cookies()).find((candidate) => candidate.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    // The browser cannot read it from script.
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);

    // The desk itself: per request, private, never stored, not indexed.
    const desk = await context.request.get('/redactie', { maxRedirects: 0 });
    expect(desk.status()).toBe(200);
    expectPrivateNoStore(desk);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/\/redactie\/inloggen$/);
    expect((await context.cookies()).map((candidate) => candidate.name)).not.toContain(SESSION_COOKIE);

    // Replaying the old cookie elsewhere does not open the desk: the session is gone on the server.
    const replay = await browser.newContext({ baseURL });
    await replay.addCookies([cookie as Cookie]);
    const response = await replay.request.get('/redactie', { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()['location']).toBe('/redactie/inloggen?next=%2Fredactie');
    await replay.close();
  });

  test('an outside `next` is ignored: sign-in lands on the desk', async ({ page }) => {
    await page.goto('/redactie/inloggen?next=%2F%2Fevil.example%2F');
    await signIn(page, DUTCH);
    await expect(page).toHaveURL(/\/redactie$/);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/\/redactie\/inloggen$/);
  });
});

test.describe('cross-site requests', () => {
  /** The sign-in form as a browser without JavaScript would post it: its hidden action fields plus credentials. */
  async function signInFormFields(page: Page): Promise<Record<string, string>> {
    await page.goto('/redactie/inloggen');
    const fields = await page.locator('form input[type="hidden"]').evaluateAll((inputs) =>
      inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const),
    );
    return { ...Object.fromEntries(fields), email: TEST_EDITOR.email, password: TEST_EDITOR.password };
  }

  test('a sign-in posted from another origin sets no cookie, even with a forged X-Forwarded-Host; the same post from the site does', async ({ page, playwright, baseURL }) => {
    const fields = await signInFormFields(page);
    const client = await playwright.request.newContext({ baseURL });
    const post = (origin: string, extra: Record<string, string> = {}) =>
      client.post('/redactie/inloggen', { multipart: fields, headers: { Origin: origin, ...extra }, maxRedirects: 0 });
    const sessionCookieSet = (headers: Array<{ name: string; value: string }>) =>
      headers.some(({ name, value }) => name.toLowerCase() === 'set-cookie' && value.startsWith(`${SESSION_COOKIE}=`) && !value.startsWith(`${SESSION_COOKIE}=;`));

    const crossSite = await post('https://evil.example');
    expect(sessionCookieSet(crossSite.headersArray())).toBe(false);
    expect((await client.storageState()).cookies.map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);

    // Next's own check compares Origin with X-Forwarded-Host, which a non-browser client can set;
    // the action's explicit check (SITE_URL or the Host header) still refuses it.
    const forgedHost = await post('https://evil.example', { 'X-Forwarded-Host': 'evil.example' });
    expect(sessionCookieSet(forgedHost.headersArray())).toBe(false);
    expect(await forgedHost.text()).toContain('Dit verzoek is geweigerd.');

    const sameSite = await post(baseURL ?? '');
    expect(sessionCookieSet(sameSite.headersArray())).toBe(true);
    await client.dispose();
  });
});

test.describe('the desk in English', () => {
  test('works at /en/desk with its own sign-in page', async ({ page, request }) => {
    const redirect = await request.get('/en/desk', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers()['location']).toBe('/en/desk/sign-in?next=%2Fen%2Fdesk');

    await page.goto('/en/desk');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the desk' })).toBeVisible();
    await signIn(page, ENGLISH, 'not-the-password-either');
    await expect(alert(page, 'The email address or password is incorrect.')).toBeVisible();
    await signIn(page, ENGLISH);
    await expect(page).toHaveURL(/\/en\/desk$/);
    await expect(page.getByText(`Signed in as ${TEST_EDITOR.name} (${TEST_EDITOR.email})`)).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/en\/desk\/sign-in$/);
  });
});
