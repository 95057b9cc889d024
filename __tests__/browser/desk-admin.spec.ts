/**
 * The media library and the admin screens, end to end against the production build: an image
 * uploaded through the desk is served from /media with immutable caching and through the image
 * optimizer; a disguised SVG is refused by content; the upload endpoint refuses requests without a
 * session or from another origin; an editor gets a 403 on the admin screens; an admin adds a
 * section (errors next to the fields, typed values kept), sees it in the site navigation at once,
 * and cannot remove a section that holds articles; without JavaScript each form posts to its own
 * page and gets its own answer back.
 */
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { TEST_ADMIN, TEST_EDITOR } from './accounts';

const DUTCH = { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen' };

async function signIn(page: Page, account: { email: string; password: string }, next: string) {
  await page.goto(`/redactie/inloggen?next=${encodeURIComponent(next)}`);
  await page.getByLabel(DUTCH.email).fill(account.email);
  await page.getByLabel(DUTCH.password).fill(account.password);
  await page.getByRole('button', { name: DUTCH.submit }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

test.use({ locale: 'nl-NL' });

test.describe('the media library', () => {
  test('uploads an image, lists it with its dimensions and serves it immutable and through next/image', async ({ page, request }) => {
    await signIn(page, TEST_EDITOR, '/redactie/media');
    await expect(page.getByRole('heading', { level: 1, name: 'Media' })).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

    // A unique image per run (content-addressed names would otherwise match an earlier upload).
    const seed = Date.now() % 256;
    const png = await sharp({ create: { width: 321, height: 123, channels: 3, background: { r: seed, g: 90, b: 200 } } })
      .png()
      .toBuffer();
    await page.getByLabel('Afbeelding uploaden').setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: png });
    await page.getByRole('button', { name: 'Uploaden', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: 'Geüpload: /media/' });
    await expect(status).toBeVisible();
    const src = /\/media\/[0-9a-f]{32}\.png/.exec((await status.textContent()) ?? '')?.[0];
    expect(src).toBeDefined();

    // The grid re-renders with the new image first: its dimensions and a copyable src.
    const first = page.getByRole('listitem').filter({ has: page.locator(`input[value="${src}"]`) });
    await expect(first).toContainText('321 × 123 pixels');
    await expect(first.getByRole('textbox')).toHaveValue(src ?? '');

    const served = await request.get(src ?? '');
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');
    expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers()['x-content-type-options']).toBe('nosniff');
    const etag = served.headers()['etag'];
    expect(etag).toBe(`"${src?.slice(7, 39)}"`);
    expect(Buffer.from(await served.body()).equals(png)).toBe(true);
    const conditional = await request.get(src ?? '', { headers: { 'If-None-Match': etag ?? '' } });
    expect(conditional.status()).toBe(304);

    // The image optimizer fetches it (as an article's next/image would) and re-encodes it.
    const optimized = await request.get(`/_next/image?url=${encodeURIComponent(src ?? '')}&w=640&q=75`, { headers: { Accept: 'image/webp' } });
    expect(optimized.status()).toBe(200);
    expect(optimized.headers()['content-type']).toBe('image/webp');

    expect((await request.get('/media/00000000000000000000000000000000.png')).status()).toBe(404);
    expect((await request.get('/media/..%2f..%2fetc%2fpasswd')).status()).toBe(404);
  });

  test('refuses an SVG disguised as a PNG, with the reason next to the field', async ({ page }) => {
    await signIn(page, TEST_EDITOR, '/redactie/media');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const input = page.getByLabel('Afbeelding uploaden');
    await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: svg });
    await page.getByRole('button', { name: 'Uploaden', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Dit is geen JPEG-, PNG-, WebP-, AVIF- of GIF-afbeelding' })).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  test('the upload endpoint answers 401 without a session and 403 to another origin', async ({ playwright, baseURL }) => {
    const client = await playwright.request.newContext({ baseURL });
    const file = { name: 'x.png', mimeType: 'image/png', buffer: await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer() };
    const anonymous = await client.post('/api/desk/media', { multipart: { file }, headers: { Origin: baseURL ?? '' } });
    expect(anonymous.status()).toBe(401);
    const crossSite = await client.post('/api/desk/media', { multipart: { file }, headers: { Origin: 'https://evil.example' } });
    expect(crossSite.status()).toBe(403);
    await client.dispose();
  });
});

test.describe('the admin screens', () => {
  test('an editor gets a 403 page on every admin screen and sees no admin links', async ({ page }) => {
    await signIn(page, TEST_EDITOR, '/redactie');
    await expect(page.getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);
    for (const path of ['/redactie/gebruikers', '/redactie/rubrieken', '/redactie/auteurs']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    }
    // The English desk says it in English.
    for (const path of ['/en/desk/users', '/en/desk/sections', '/en/desk/authors']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1, name: 'No access' })).toBeVisible();
    }
  });

  test('an admin adds a section (errors by the fields, typed text kept), it shows in the navigation, and a section with articles cannot be removed', async ({ page, request }) => {
    await signIn(page, TEST_ADMIN, '/redactie/rubrieken');
    await expect(page.getByRole('heading', { level: 1, name: 'Rubrieken' })).toBeVisible();

    const add = page.locator('form').filter({ has: page.getByRole('button', { name: 'Rubriek toevoegen' }) });
    const name = `Schaatsen <b>${Date.now() % 100_000}</b>`;
    await add.getByLabel('Naam', { exact: true }).fill(name);
    await add.getByLabel('Slug').fill('Schaatsen Baan');
    await add.getByRole('button', { name: 'Rubriek toevoegen' }).click();

    const summary = add.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Gebruik alleen kleine letters');
    await expect(add.getByLabel('Slug')).toHaveAttribute('aria-invalid', 'true');
    await expect(add.getByLabel('Naam', { exact: true })).toHaveValue(name);
    await expect(add.getByLabel('Slug')).toHaveValue('Schaatsen Baan');

    const slug = `schaatsen-${Date.now() % 100_000}`;
    await add.getByLabel('Slug').fill(slug);
    await add.getByRole('button', { name: 'Rubriek toevoegen' }).click();
    await expect(add.getByRole('status')).toContainText(`slug ${slug}`);
    await expect(page.getByRole('rowheader', { name })).toBeVisible();

    // Public at once, hostile markup shown as text.
    const section = await request.get(`/rubriek/${slug}`);
    expect(section.status()).toBe(200);
    const home = await page.context().newPage();
    await home.goto('/');
    await expect(home.getByRole('link', { name, exact: true }).first()).toBeVisible();
    await home.close();

    // The demo's football section holds articles: removal is refused with a message.
    const voetbal = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Voetbal', exact: true }) });
    await voetbal.getByRole('button', { name: 'Verwijder Voetbal' }).click();
    await expect(voetbal.getByRole('alert')).toContainText('Deze rubriek bevat nog');
    await expect(page.getByRole('rowheader', { name: 'Voetbal', exact: true })).toBeVisible();

    // The new, empty one can go.
    const created = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await created.getByRole('button', { name: `Verwijder ${name}` }).click();
    await expect(page.getByRole('rowheader', { name })).toHaveCount(0);
    expect((await request.get(`/rubriek/${slug}`)).status()).toBe(404);
  });

  test('without JavaScript every form posts to its own page, and the answer comes back to that form alone', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
    const page = await context.newPage();
    // Sign-in posts to the sign-in page it is on, `next` included, and the action's redirect follows.
    await page.goto('/redactie/inloggen?next=%2Fredactie%2Frubrieken');
    const signInForm = page.locator('form').filter({ has: page.getByRole('button', { name: DUTCH.submit }) });
    await expect(signInForm).toHaveAttribute('action', '/redactie/inloggen?next=%2Fredactie%2Frubrieken');
    await page.getByLabel(DUTCH.email).fill(TEST_ADMIN.email);
    await page.getByLabel(DUTCH.password).fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: DUTCH.submit }).click();
    await expect(page).toHaveURL(/\/redactie\/rubrieken$/);

    // Each form posts to the page at its own id (sign-out, one of a kind, to the page itself): the
    // answer finds its way back to the one form that was sent, though every rename form has the same
    // action, and the browser comes back to it.
    const forms = await page.locator('form[method="POST" i]').evaluateAll((all) => all.map((form) => ({ id: form.id, action: form.getAttribute('action') })));
    expect(forms.length).toBeGreaterThan(5);
    for (const { id, action } of forms) expect(action).toBe(id === '' ? '/redactie/rubrieken' : `/redactie/rubrieken#${id}`);
    expect(new Set(forms.map(({ action }) => action)).size).toBe(forms.length);
    const voetbal = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Voetbal', exact: true }) });
    await voetbal.getByLabel('Naam van Voetbal').fill('');
    await voetbal.getByRole('button', { name: 'Naam opslaan' }).click();
    await expect(page).toHaveURL(/\/redactie\/rubrieken#section-nl-voetbal-rename$/);
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(page.locator('#section-nl-voetbal-rename').getByRole('alert')).toContainText('Vul dit veld in.');
    await expect(page.getByRole('rowheader', { name: 'Voetbal', exact: true })).toBeVisible();
    await context.close();
  });

  test('an admin adds an editor with a generated password, and cannot remove their own account', async ({ page }) => {
    await signIn(page, TEST_ADMIN, '/redactie/gebruikers');
    const email = `nieuw-${Date.now()}@example.test`;
    const add = page.locator('form').filter({ has: page.getByRole('button', { name: 'Gebruiker toevoegen' }) });
    await add.getByLabel('E-mailadres').fill(email);
    await add.getByLabel('Naam').fill('Nieuwe Redacteur');
    await add.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const status = add.getByRole('status');
    await expect(status).toContainText(`Account aangemaakt voor ${email}`);
    await expect(status.locator('code')).toHaveText(/^[A-Za-z0-9]{20}$/);
    await expect(page.getByRole('cell', { name: email })).toBeVisible();

    const own = page.getByRole('row').filter({ has: page.getByRole('cell', { name: TEST_ADMIN.email }) });
    await expect(own.getByRole('button')).toHaveCount(0);
    await expect(own).toContainText('Je eigen account');
  });

  test('an admin adds an author with a photo uploaded in the form; the author page shows it through next/image', async ({ page }) => {
    await signIn(page, TEST_ADMIN, '/redactie/auteurs');
    const add = page.locator('form').filter({ has: page.getByRole('button', { name: 'Auteur toevoegen' }) });
    const name = `Test Auteur ${Date.now() % 100_000}`;
    await add.getByLabel('Naam').fill(name);
    await add.getByLabel('Korte biografie').fill('Schrijft over <script>alert(1)</script> schaatsen.');
    const photo = await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: 20, g: Date.now() % 256, b: 60 } } })
      .jpeg()
      .toBuffer();
    await add.getByLabel('Afbeelding uploaden').setInputFiles({ name: 'portret.jpg', mimeType: 'image/jpeg', buffer: photo });
    await add.getByRole('button', { name: 'Uploaden', exact: true }).click();
    await expect(add.getByRole('status').filter({ hasText: 'Geüpload' })).toBeVisible();
    await expect(add.getByLabel('Foto', { exact: true })).toHaveValue(/^\/media\/[0-9a-f]{32}\.jpg$/);
    const src = await add.getByLabel('Foto', { exact: true }).inputValue();

    await add.getByRole('button', { name: 'Auteur toevoegen' }).click();
    const slug = name.toLowerCase().replace(/ /g, '-');
    await expect(add.getByRole('status').filter({ hasText: `slug ${slug}` })).toBeVisible();
    await expect(page.getByRole('rowheader', { name })).toBeVisible();

    await page.goto(`/auteur/${slug}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Schrijft over <script>alert(1)</script> schaatsen.')).toBeVisible();
    const portrait = page.locator(`img[src*="${encodeURIComponent(src)}"]`);
    await expect(portrait).toBeVisible();
    // Loaded and decoded by the browser, from the image optimizer.
    await expect.poll(() => portrait.evaluate((image) => ((image as HTMLImageElement).complete ? (image as HTMLImageElement).naturalWidth : 0))).toBeGreaterThan(0);
  });
});
