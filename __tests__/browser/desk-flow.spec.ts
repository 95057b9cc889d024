/**
 * The editor desk's whole flow, end to end against the production build, as issue #6 lists it:
 * sign in → write a draft with a video (after a failed save that keeps every typed value) →
 * preview it on the real page (banner, not cached) → the public URL is still 404 → share a preview
 * link (opened in a second context without a session; a tampered link is refused with 401) →
 * publish (live at once on its URL, in its section and in the feed) → edit → restore a revision →
 * unpublish (404 again, gone from section and feed).
 *
 * "Readers" are fresh browser contexts without cookies, so nothing of the editor's session or
 * Draft Mode can leak into what they are shown. Further tests: a conflicting save (two tabs), a
 * save while an import holds the database, a save posted cross-site, the desk closed without a session, and the English list's filters and
 * keyset pagination.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { TEST_EDITOR } from './accounts';
import { e2eDatabasePointer } from './share-links';
import { watchConsole } from './helpers';

const SECTION = { slug: 'voetbal', name: 'Voetbal' };
const AUTHOR = 'Rian Rosendaal';
const VIDEO_TITLE = 'Samenvatting van de slotfase';

function expectPrivateNoStore(response: Response | null | { headers(): Record<string, string> }) {
  const cacheControl = response?.headers()['cache-control'] ?? '';
  expect(cacheControl).toContain('private');
  expect(cacheControl).toContain('no-store');
  expect(cacheControl).not.toMatch(/s-maxage|public/);
}

/** A reader: a new context with no cookies at all. */
async function asReader<T>(browser: Browser, baseURL: string | undefined, run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL });
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

async function publicState(browser: Browser, baseURL: string | undefined, path: string, title: string) {
  return asReader(browser, baseURL, async (context) => {
    const article = await context.request.get(path, { maxRedirects: 0 });
    const section = await (await context.request.get(`/rubriek/${SECTION.slug}`)).text();
    const feed = await (await context.request.get('/feed.xml')).text();
    return { status: article.status(), body: await article.text(), inSection: section.includes(title), inFeed: feed.includes(title) };
  });
}

async function signIn(page: Page, next: string) {
  await page.goto(`/redactie/inloggen?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mailadres').fill(TEST_EDITOR.email);
  await page.getByLabel('Wachtwoord').fill(TEST_EDITOR.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

test('an editor writes, previews, shares, publishes, edits, restores and unpublishes an article', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const consoleProblems = watchConsole(page);
  const stamp = Date.now().toString(36);
  const title = `NEC verrast in de slotfase ${stamp}`;
  const slug = `nec-verrast-in-de-slotfase-${stamp}`;
  const publicPath = `/nieuws/${slug}`;

  // 1. Sign in, straight onto the new-article form.
  await signIn(page, '/redactie/artikelen/nieuw');
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw artikel' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nieuw artikel' })).toHaveAttribute('aria-current', 'page');

  // 2a. A first save with problems: nothing typed is lost, each problem sits next to its field.
  await page.getByLabel('Titel', { exact: true }).fill(title);
  await expect(page.getByLabel('Slug', { exact: true })).toHaveValue(slug);
  await page.getByLabel('Intro', { exact: true }).fill('Een late treffer beslist het duel in Nijmegen.');
  await page.getByLabel('Tags', { exact: true }).fill('Eredivisie, NEC');
  const badBody = `Het was lang <script>window.hacked = 1</script> spannend.\n\n!video dailymotion x2abc | ${VIDEO_TITLE}`;
  await page.getByLabel('Tekst', { exact: true }).fill(badBody);
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'problemen met het artikel' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /^Rubriek:/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^Auteurs:/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^Tekst: regel 3:/ })).toBeVisible();
  const section = page.getByRole('combobox', { name: 'Rubriek', exact: true });
  await expect(section).toHaveAttribute('aria-invalid', 'true');
  const sectionError = await section.getAttribute('aria-describedby');
  expect(sectionError).toBeTruthy();
  await expect(page.locator(`[id="${sectionError}"]`)).toBeVisible();
  await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(title);
  await expect(page.getByLabel('Tags', { exact: true })).toHaveValue('Eredivisie, NEC');
  await expect(page.getByLabel('Tekst', { exact: true })).toHaveValue(badBody);

  // 2b. Fixed: a draft with a video.
  await section.selectOption({ label: SECTION.name });
  await page.getByRole('checkbox', { name: AUTHOR }).check();
  const body = [
    'Het was lang <script>window.hacked = 1</script> spannend.',
    '',
    '## De slotfase',
    '',
    `!video youtube Xk3vQ9pL2aB | ${VIDEO_TITLE} | 4:34`,
  ].join('\n');
  await page.getByLabel('Tekst', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();
  await expect(notice(page, 'Het artikel is aangemaakt als concept.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Artikel bewerken' })).toBeVisible();
  const editUrl = new URL(page.url());
  const id = editUrl.pathname.split('/').pop() ?? '';
  expect(editUrl.pathname).toBe(`/redactie/artikelen/${id}`);
  await expect(page.getByLabel('Tekst', { exact: true })).toHaveValue(body);

  // The list shows it as a draft, by this editor.
  await page.goto('/redactie?status=draft');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
  await expect(row).toContainText('Concept');
  await expect(row).toContainText(`door ${TEST_EDITOR.name}`);
  await expect(row).toContainText(AUTHOR);
  await page.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/redactie/artikelen/${id}$`));

  // 3. Preview: the real article page in Draft Mode, with the banner, never cached.
  const previewLink = page.getByRole('link', { name: 'Voorvertoning openen' });
  await expect(previewLink).toHaveAttribute('href', `/api/preview?id=${id}`);
  const [preview] = await Promise.all([page.waitForEvent('popup'), previewLink.click()]);
  await preview.waitForLoadState();
  expect(new URL(preview.url()).pathname).toBe(publicPath);
  await expect(preview.getByText('Voorvertoning', { exact: true })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(preview.getByText(VIDEO_TITLE).first()).toBeVisible();
  expect(await preview.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  const previewResponse = await preview.context().request.get(publicPath);
  expect(previewResponse.status()).toBe(200);
  expectPrivateNoStore(previewResponse);
  expect(previewResponse.headers()['x-robots-tag'] ?? '').toContain('noindex');
  await preview.getByRole('button', { name: 'Voorvertoning sluiten' }).click();
  await expect(preview.getByText('Voorvertoning', { exact: true })).toHaveCount(0);
  await preview.close();

  // 4. Readers still get a 404.
  expect((await publicState(browser, baseURL, publicPath, title)).status).toBe(404);

  // Share preview: a colleague without an account opens it; a tampered link is refused.
  await page.getByRole('button', { name: 'Deellink maken' }).click();
  const shareUrl = await page.getByLabel('Deellink', { exact: true }).inputValue();
  expect(shareUrl).toMatch(/\/voorvertoning\/[^/]+$/);
  // In the share panel (the editor's list of active links shows the same expiry).
  await expect(page.getByRole('region', { name: 'Voorvertoning delen' }).getByText(/^Geldig tot /)).toBeVisible();
  await asReader(browser, baseURL, async (colleague) => {
    const shared = await colleague.newPage();
    const response = await shared.goto(new URL(shareUrl).pathname);
    expect(response?.status()).toBe(200);
    expectPrivateNoStore(response);
    await expect(shared.getByText('Gedeelde voorvertoning')).toBeVisible();
    await expect(shared.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(await colleague.cookies()).toEqual([]);

    // Alter the signature's first character (the last one may carry only unused padding bits).
    const token = new URL(shareUrl).pathname.split('/').pop() ?? '';
    const parts = token.split('.');
    const signature = parts.pop() ?? '';
    const flipped = [...parts, (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1)].join('.');
    const tampered = await shared.goto(`/voorvertoning/${flipped}`);
    expect(tampered?.status()).toBe(401);
    await expect(shared.getByRole('heading', { level: 1, name: 'Deze voorvertoningslink werkt niet (meer)' })).toBeVisible();
    await expect(shared.getByText(title)).toHaveCount(0);
    expect(await colleague.cookies()).toEqual([]);
  });

  // A schedule in the past is refused in place.
  await page.getByLabel('Publiceren op').fill('2020-01-01T10:00');
  await page.getByRole('button', { name: 'Publicatie plannen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Kies een tijd in de toekomst' })).toBeVisible();

  // 5. Publish: live at once on its URL, in its section listing and in the feed.
  await page.getByRole('button', { name: 'Nu publiceren' }).click();
  await expect(notice(page, 'Het artikel is gepubliceerd.')).toBeVisible();
  await expect(page.getByText(/^Gepubliceerd sinds /)).toBeVisible();
  const live = await publicState(browser, baseURL, publicPath, title);
  expect(live).toMatchObject({ status: 200, inSection: true, inFeed: true });
  expect(live.body).toContain(VIDEO_TITLE);
  expect(live.body).not.toContain('<script>window.hacked');

  // 6. Edit: a typo fix (not substantive) goes live too.
  const editedTitle = `${title} in Nijmegen`;
  await page.getByLabel('Titel', { exact: true }).fill(editedTitle);
  await expect(page.getByLabel('Slug', { exact: true })).toHaveValue(slug);
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(notice(page, 'De wijzigingen zijn opgeslagen.')).toBeVisible();
  await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(editedTitle);
  const afterTypo = await publicState(browser, baseURL, publicPath, editedTitle);
  expect(afterTypo.inSection).toBe(true);
  expect(afterTypo.body).not.toContain('Laatste update');

  // A substantive update shows "Laatste update" to readers.
  await page.getByLabel('Intro', { exact: true }).fill('Een late treffer beslist het duel in Nijmegen; de trainer reageert.');
  await page.getByRole('checkbox', { name: 'Inhoudelijke update' }).check();
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(notice(page, 'De wijzigingen zijn opgeslagen.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Inhoudelijke update' })).not.toBeChecked();
  expect((await publicState(browser, baseURL, publicPath, editedTitle)).body).toContain('Laatste update');

  // 7. Restore the first revision: the original title is back, on the desk and for readers.
  await page.getByRole('link', { name: 'Versiegeschiedenis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Versies van ‘${editedTitle}’` })).toBeVisible();
  const revisions = page.getByRole('table').getByRole('row');
  await expect(revisions).toHaveCount(5); // header + created, published, typo fix, substantive update
  await expect(revisions.nth(1)).toContainText('opgeslagen (inhoudelijk)');
  await expect(revisions.nth(2)).toContainText('opgeslagen');
  await expect(revisions.nth(2)).not.toContainText('inhoudelijk');
  await expect(revisions.nth(3)).toContainText('gepubliceerd');
  await expect(revisions.nth(4)).toContainText('aangemaakt');
  await expect(revisions.nth(4)).toContainText(TEST_EDITOR.name);
  await page.getByRole('link', { name: 'Bekijk versie 1' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Versie 1: ${title}` })).toBeVisible();
  await expect(page.getByText(`!video youtube Xk3vQ9pL2aB | ${VIDEO_TITLE} | 4:34`)).toBeVisible();
  await page.getByRole('button', { name: 'Versie 1 terugzetten' }).first().click();
  await expect(notice(page, 'De versie is teruggezet.')).toBeVisible();
  await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(title);
  const restored = await publicState(browser, baseURL, publicPath, title);
  expect(restored).toMatchObject({ status: 200, inSection: true, inFeed: true });

  // 8. Unpublish: 404 again, gone from the section listing and the feed.
  await page.getByRole('button', { name: 'Offline halen' }).click();
  await expect(notice(page, 'Het artikel is offline gehaald; zijn deellinks werken niet meer.')).toBeVisible();
  expect(await publicState(browser, baseURL, publicPath, title)).toMatchObject({ status: 404, inSection: false, inFeed: false });
  // The home front too, which the desk's own pages prefetch: a render of it that was still running
  // during the write is cleared by the scheduler's second revalidation, within one tick.
  await expect
    .poll(() => asReader(browser, baseURL, async (context) => (await (await context.request.get('/')).text()).includes(slug)), { timeout: 15_000 })
    .toBe(false);

  // The history names every step.
  await page.getByRole('link', { name: 'Versiegeschiedenis' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(7);
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('offline gehaald');
  await expect(page.getByRole('table').getByRole('row').nth(2)).toContainText('versie 1 teruggezet');

  expect(consoleProblems).toEqual([]);
});

test('a save based on an older revision is refused as a conflict and keeps what was typed', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const first = await context.newPage();
  await signIn(first, '/redactie/artikelen/nieuw');
  const title = `Conflict ${Date.now().toString(36)}`;
  await first.getByLabel('Titel', { exact: true }).fill(title);
  await first.getByRole('combobox', { name: 'Rubriek', exact: true }).selectOption({ label: SECTION.name });
  await first.getByRole('checkbox', { name: AUTHOR }).check();
  await first.getByLabel('Tekst', { exact: true }).fill('Eerste versie.');
  await first.getByRole('button', { name: 'Concept aanmaken' }).click();
  await expect(notice(first, 'Het artikel is aangemaakt als concept.')).toBeVisible();

  // A second tab opens the same article, then the first one saves.
  const second = await context.newPage();
  await second.goto(first.url());
  await first.getByLabel('Tekst', { exact: true }).fill('Tweede versie, uit het eerste tabblad.');
  await first.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(notice(first, 'De wijzigingen zijn opgeslagen.')).toBeVisible();

  const typed = 'Derde versie, uit het tweede tabblad.';
  await second.getByLabel('Tekst', { exact: true }).fill(typed);
  await second.getByRole('button', { name: 'Opslaan', exact: true }).click();
  const conflict = second.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit artikel intussen opgeslagen.' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toBeFocused();
  await expect(second.getByLabel('Tekst', { exact: true })).toHaveValue(typed);

  await second.reload();
  await expect(second.getByLabel('Tekst', { exact: true })).toHaveValue('Tweede versie, uit het eerste tabblad.');
  await context.close();
});

/**
 * The write lock on the browser server's SQLite file, taken the way a large import's transaction
 * takes it (another connection, another writer); `release` commits.
 */
function holdDatabase(): { release: () => void } {
  const url = readFileSync(e2eDatabasePointer(process.env.E2E_PORT ?? '3100'), 'utf8').trim();
  const connection = new BetterSqlite3(url.replace(/^file:/, ''));
  connection.pragma('busy_timeout = 5000');
  connection.exec('begin immediate');
  return {
    release: () => {
      if (connection.inTransaction) connection.exec('commit');
      connection.close();
    },
  };
}

test('a save while an import holds the database waits for it, and past the wait says so and keeps what was typed', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, '/redactie/artikelen/nieuw');
  await page.getByLabel('Titel', { exact: true }).fill(`Importdrukte ${Date.now().toString(36)}`);
  await page.getByRole('combobox', { name: 'Rubriek', exact: true }).selectOption({ label: SECTION.name });
  await page.getByRole('checkbox', { name: AUTHOR }).check();
  await page.getByLabel('Tekst', { exact: true }).fill('Eerste versie.');
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();
  await expect(notice(page, 'Het artikel is aangemaakt als concept.')).toBeVisible();

  // An import that finishes within the wait: the save waits for it and goes through.
  let lock = holdDatabase();
  await page.getByLabel('Tekst', { exact: true }).fill('Tweede versie, opgeslagen na de import.');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.waitForTimeout(3000);
  lock.release();
  await expect(notice(page, 'De wijzigingen zijn opgeslagen.')).toBeVisible({ timeout: 20_000 });

  // One that outlasts it: the form says why, nothing is saved, and every typed value stays.
  lock = holdDatabase();
  const typed = 'Derde versie, getypt terwijl de import liep.';
  try {
    await page.getByLabel('Tekst', { exact: true }).fill(typed);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const busy = page.getByRole('alert').filter({ hasText: 'Er loopt nu een grote import, waardoor dit niet binnen 20 seconden kon worden opgeslagen.' });
    await expect(busy).toBeVisible({ timeout: 40_000 });
    await expect(page.getByLabel('Tekst', { exact: true })).toHaveValue(typed);
  } finally {
    lock.release();
  }
  // Once the import is done, the same form saves what was typed.
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(notice(page, 'De wijzigingen zijn opgeslagen.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Tekst', { exact: true })).toHaveValue(typed);
  await context.close();
});

test('publishing waits while the form holds unsaved edits, so typed text is never left behind', async ({ page }) => {
  await signIn(page, '/redactie/artikelen/nieuw');
  await page.getByLabel('Titel', { exact: true }).fill(`Onopgeslagen ${Date.now().toString(36)}`);
  await page.getByRole('combobox', { name: 'Rubriek', exact: true }).selectOption({ label: SECTION.name });
  await page.getByRole('checkbox', { name: AUTHOR }).check();
  await page.getByLabel('Tekst', { exact: true }).fill('Eerste versie.');
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();
  await expect(notice(page, 'Het artikel is aangemaakt als concept.')).toBeVisible();

  const publish = page.getByRole('button', { name: 'Nu publiceren' });
  const schedule = page.getByRole('button', { name: 'Publicatie plannen' });
  await expect(publish).toBeEnabled();

  await page.getByLabel('Tekst', { exact: true }).fill('Tweede versie, nog niet opgeslagen.');
  const waiting = page.getByRole('status').filter({ hasText: 'nog niet zijn opgeslagen' });
  await expect(waiting).toBeVisible();
  await expect(publish).toBeDisabled();
  await expect(schedule).toBeDisabled();
  await expect(publish).toHaveAttribute('aria-describedby', 'publication-unsaved');
  await expect(page.getByLabel('Tekst', { exact: true })).toHaveValue('Tweede versie, nog niet opgeslagen.');

  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(notice(page, 'De wijzigingen zijn opgeslagen.')).toBeVisible();
  await expect(waiting).toHaveCount(0);
  await expect(publish).toBeEnabled();
});

test('leaving the form with unsaved edits asks first, and staying keeps every typed value', async ({ page }) => {
  const question = 'Je hebt wijzigingen die nog niet zijn opgeslagen. Deze pagina verlaten zonder ze op te slaan?';
  await signIn(page, '/redactie/artikelen/nieuw');
  const nav = page.getByRole('navigation', { name: 'Redactie' });

  // Nothing typed yet: the desk's links just go.
  await nav.getByRole('link', { name: 'Artikelen', exact: true }).click();
  await expect(page).toHaveURL(/\/redactie$/);
  await nav.getByRole('link', { name: 'Nieuw artikel', exact: true }).click();
  await expect(page).toHaveURL(/\/redactie\/artikelen\/nieuw$/);
  await page.getByLabel('Titel', { exact: true }).fill('Niet zomaar weggooien');

  // A desk link (client-side navigation): the question, and "cancel" stays with the text intact.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await nav.getByRole('link', { name: 'Artikelen', exact: true }).click();
  await expect.poll(() => asked).toEqual([`confirm: ${question}`]);
  await expect(page).toHaveURL(/\/redactie\/artikelen\/nieuw$/);
  await expect(page.getByLabel('Titel', { exact: true })).toHaveValue('Niet zomaar weggooien');

  // Closing the tab: the browser's own question; dismissing it keeps the page open.
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked.at(-1)).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await expect(page.getByLabel('Titel', { exact: true })).toHaveValue('Niet zomaar weggooien');

  // Confirming leaves.
  page.once('dialog', (dialog) => void dialog.accept());
  await nav.getByRole('link', { name: 'Artikelen', exact: true }).click();
  await expect(page).toHaveURL(/\/redactie$/);
});

test('a save posted from another origin writes nothing; the same post from the site does', async ({ page }) => {
  await signIn(page, '/redactie/artikelen/nieuw');
  // The article form's own action fields as the server renders them (hydration replaces them), to
  // post the form as a browser without JavaScript would.
  const request = page.context().request;
  const html = await (await request.get('/redactie/artikelen/nieuw')).text();
  const hidden = await page.evaluate((source) => {
    const form = new DOMParser().parseFromString(source, 'text/html').querySelector('#article-title')?.closest('form');
    return [...(form?.querySelectorAll<HTMLInputElement>('input[type="hidden"]') ?? [])].map((input) => [input.name, input.value] as const);
  }, html);
  expect(hidden.length).toBeGreaterThan(0);
  const word = `Grensgeval${Date.now().toString(36)}`;
  const fields = { ...Object.fromEntries(hidden), title: word, locale: 'nl', section: SECTION.slug, authors: 'rian-rosendaal', body: 'Tekst.' };
  const post = (origin: string, extra: Record<string, string> = {}) =>
    request.post('/redactie/artikelen/nieuw', { multipart: fields, headers: { Origin: origin, ...extra }, maxRedirects: 0 });
  const listed = async () => (await (await request.get(`/redactie?q=${word}`)).text()).includes(`>${word}</a>`);

  await post('https://evil.example');
  // Next's own check compares Origin with X-Forwarded-Host, which a non-browser client can set; the
  // action's explicit check (SITE_URL or the Host header) still refuses it.
  const forged = await post('https://evil.example', { 'X-Forwarded-Host': 'evil.example' });
  expect(await forged.text()).toContain('Dit verzoek is geweigerd.');
  expect(await listed()).toBe(false);

  const own = await post(new URL(page.url()).origin);
  expect(own.status()).toBe(303);
  expect(own.headers()['location'] ?? own.headers()['x-action-redirect'] ?? '').toMatch(/\/redactie\/artikelen\/[a-z0-9-]+\?notice=created/);
  expect(await listed()).toBe(true);
});

test('desk pages and actions are closed without a session', async ({ request }) => {
  for (const path of ['/redactie/artikelen/nieuw', '/redactie/artikelen/some-article', '/redactie/artikelen/some-article/versies', '/en/desk/articles/new']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers()['location'], path).toMatch(/\/(redactie\/inloggen|en\/desk\/sign-in)\?next=/);
  }
});

test('the English desk lists articles with filters and pagination', async ({ page }) => {
  await page.goto('/en/desk/sign-in?next=%2Fen%2Fdesk');
  await page.getByLabel('Email address').fill(TEST_EDITOR.email);
  await page.getByLabel('Password').fill(TEST_EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/en\/desk$/);
  await expect(page.getByText(/^\d+ articles$/)).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(26);
  await page.getByRole('link', { name: 'Older articles' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.getByRole('link', { name: 'Back to the newest' })).toBeVisible();

  await page.goto('/en/desk');
  const filters = page.getByRole('search', { name: 'Filters' });
  await filters.getByLabel('Language').selectOption('en');
  await filters.getByLabel('Status').selectOption('published');
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=published/);
  await expect(page).toHaveURL(/locale=en/);
  const rows = page.getByRole('table').getByRole('row');
  expect(await rows.count()).toBeGreaterThan(1);
  for (const cell of await page.getByRole('table').locator('tbody td:nth-child(3)').allTextContents()) expect(cell).toBe('EN');

  await page.goto('/en/desk?cursor=not-a-cursor');
  await expect(page.getByText('That page link is not valid.')).toBeVisible();
});
