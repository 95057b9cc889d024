/**
 * Account recovery and the audit trail, end to end in Chromium against the production build:
 * an editor changes their password and the session in their other browser ends; an admin resets
 * an editor's password, the editor signs in with the one-time password, can open nothing but the
 * password page until they choose their own, and the admin's audit log shows the reset and the
 * change, filtered by the editor and by event type. Each test makes its own editor through the
 * admin screen, so the shared test accounts keep their passwords.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { TEST_ADMIN } from './accounts';

const DUTCH = { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen' };
const FIRST_PASSWORD = 'zeven ijsvogels op een rij';
const SECOND_PASSWORD = 'Trapveldje-Oost-Hagelslag';

test.use({ locale: 'nl-NL' });
test.setTimeout(90_000);

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL' });
  return context.newPage();
}

async function signIn(page: Page, account: { email: string; password: string }, next = '/redactie') {
  await page.goto(`/redactie/inloggen?next=${encodeURIComponent(next)}`);
  await page.getByLabel(DUTCH.email).fill(account.email);
  await page.getByLabel(DUTCH.password, { exact: true }).fill(account.password);
  await page.getByRole('button', { name: DUTCH.submit }).click();
}

/** Signs the admin in (in a context of its own) and adds an editor with a typed password. */
async function addEditor(browser: Browser, name: string): Promise<{ admin: Page; editor: { email: string; name: string; password: string } }> {
  const admin = await newPage(browser);
  await signIn(admin, TEST_ADMIN, '/redactie/gebruikers');
  await expect(admin).toHaveURL(/\/redactie\/gebruikers$/);
  const email = `herstel-${Date.now()}-${Math.floor(Math.random() * 1000)}@example.test`;
  const add = admin.locator('form').filter({ has: admin.getByRole('button', { name: 'Gebruiker toevoegen' }) });
  await add.getByLabel('E-mailadres').fill(email);
  await add.getByLabel('Naam').fill(name);
  await add.getByLabel('Wachtwoord').fill(FIRST_PASSWORD);
  await add.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
  await expect(add.getByRole('status')).toContainText(`Account aangemaakt voor ${email}`);
  return { admin, editor: { email, name, password: FIRST_PASSWORD } };
}

async function changePassword(page: Page, current: string, next: string) {
  const form = page.locator('#password-change');
  await form.getByLabel(/^(Huidig|Eenmalig) wachtwoord$/).fill(current);
  await form.getByLabel('Nieuw wachtwoord', { exact: true }).fill(next);
  await form.getByLabel('Herhaal het nieuwe wachtwoord').fill(next);
  await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
}

test('an editor changes their password: weak ones are refused, and the session in their other browser ends', async ({ browser }) => {
  const { editor } = await addEditor(browser, 'Sanne Verslag');
  const here = await newPage(browser);
  const elsewhere = await newPage(browser);
  await signIn(here, editor);
  await expect(here).toHaveURL(/\/redactie$/);
  await signIn(elsewhere, editor);
  await expect(elsewhere).toHaveURL(/\/redactie$/);

  await here.goto('/redactie');
  await here.getByRole('link', { name: 'Wachtwoord' }).click();
  await expect(here.getByRole('heading', { level: 1, name: 'Wachtwoord wijzigen' })).toBeVisible();

  // Length alone is not enough, and the answer is in Dutch next to the field.
  await changePassword(here, FIRST_PASSWORD, 'aaaaaaaaaaaa');
  await expect(here.locator('#password-change').getByRole('alert')).toContainText('Dit wachtwoord is te voorspelbaar');
  // The passwords typed are not sent back into the form.
  await expect(here.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveValue('');
  await changePassword(here, 'niet mijn wachtwoord hoor', SECOND_PASSWORD);
  await expect(here.locator('#password-change').getByRole('alert')).toContainText('Je huidige wachtwoord klopt niet.');

  await changePassword(here, FIRST_PASSWORD, SECOND_PASSWORD);
  await expect(here.locator('#password-change').getByRole('status')).toContainText('Je wachtwoord is gewijzigd. 1 andere sessie is beëindigd.');

  // This browser carries on (on a new session); the other one is signed out.
  await here.goto('/redactie');
  await expect(here.getByRole('heading', { level: 1, name: 'Redactie' })).toBeVisible();
  await elsewhere.goto('/redactie');
  await expect(elsewhere).toHaveURL(/\/redactie\/inloggen/);

  // The old password no longer works; the new one does.
  await signIn(elsewhere, editor);
  await expect(elsewhere.getByText('E-mailadres of wachtwoord klopt niet.')).toBeVisible();
  await signIn(elsewhere, { email: editor.email, password: SECOND_PASSWORD });
  await expect(elsewhere).toHaveURL(/\/redactie$/);
});

test('an admin resets an editor’s password; the editor signs in with it, must change it, and the audit log shows both', async ({ browser }) => {
  const { admin, editor } = await addEditor(browser, 'Joris Uitslag');
  const editorPage = await newPage(browser);
  await signIn(editorPage, editor);
  await expect(editorPage).toHaveURL(/\/redactie$/);

  // The reset: a one-time password, shown once.
  const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: editor.email }) });
  await row.getByRole('button', { name: `Nieuw wachtwoord voor ${editor.name}` }).click();
  const status = row.getByRole('status');
  await expect(status).toContainText(`${editor.name} is overal uitgelogd.`);
  const oneTime = (await status.locator('code').textContent()) ?? '';
  expect(oneTime).toMatch(/^[A-Za-z0-9]{20}$/);

  // The editor's session has ended, and the old password is gone.
  await editorPage.goto('/redactie');
  await expect(editorPage).toHaveURL(/\/redactie\/inloggen/);
  await signIn(editorPage, editor);
  await expect(editorPage.getByText('E-mailadres of wachtwoord klopt niet.')).toBeVisible();

  // The one-time password signs in to the password page, and to nothing else.
  await signIn(editorPage, { email: editor.email, password: oneTime });
  await expect(editorPage).toHaveURL(/\/redactie\/wachtwoord$/);
  await expect(editorPage.getByText('Je bent ingelogd met een eenmalig wachtwoord.')).toBeVisible();
  await expect(editorPage.getByRole('link', { name: 'Artikelen' })).toHaveCount(0);
  await editorPage.goto('/redactie/media');
  await expect(editorPage).toHaveURL(/\/redactie\/wachtwoord$/);
  const api = await editorPage.request.post('/api/desk/media', { headers: { Origin: new URL(editorPage.url()).origin } });
  expect(api.status()).toBe(401);

  await changePassword(editorPage, oneTime, SECOND_PASSWORD);
  await expect(editorPage).toHaveURL(/\/redactie$/);
  await expect(editorPage.getByRole('heading', { level: 1, name: 'Redactie' })).toBeVisible();

  // The audit log, filtered by the editor: the reset by the admin, then the change, newest first.
  await admin.goto('/redactie/logboek');
  await expect(admin.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  await admin.getByLabel('Gebruiker (e-mailadres)').fill(editor.email);
  await admin.getByRole('button', { name: 'Filteren' }).click();
  await expect(admin).toHaveURL(new RegExp(`user=${encodeURIComponent(editor.email)}`));
  const events = admin.getByRole('rowheader');
  await expect(events.first()).toHaveText('Wachtwoord gewijzigd');
  const reset = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: 'Wachtwoord opnieuw ingesteld' }) });
  await expect(reset).toContainText(TEST_ADMIN.email);
  await expect(reset).toContainText('via: desk');
  await expect(admin.getByRole('rowheader', { name: 'Inloggen mislukt' })).toHaveCount(1);
  await expect(admin.getByRole('rowheader', { name: 'Gebruiker toegevoegd' })).toHaveCount(1);
  // No password of any kind on the page.
  for (const secret of [oneTime, FIRST_PASSWORD, SECOND_PASSWORD]) await expect(admin.locator('body')).not.toContainText(secret);

  // And by event type.
  await admin.getByLabel('Gebeurtenis').selectOption('password.reset');
  await admin.getByRole('button', { name: 'Filteren' }).click();
  await expect(admin.getByRole('rowheader')).toHaveCount(1);
  await expect(admin.getByRole('rowheader')).toHaveText('Wachtwoord opnieuw ingesteld');
});

test('an editor cannot open the audit log, and a forged page cursor shows the newest events', async ({ browser }) => {
  const { admin, editor } = await addEditor(browser, 'Bas Tussenstand');
  const editorPage = await newPage(browser);
  await signIn(editorPage, editor);
  await expect(editorPage).toHaveURL(/\/redactie$/);
  const forbidden = await editorPage.goto('/redactie/logboek');
  expect(forbidden?.status()).toBe(403);

  await admin.goto('/redactie/logboek?before=1%20or%201=1&user=%3Cscript%3Ealert(1)%3C/script%3E');
  await expect(admin.getByText('Deze pagina van het logboek bestaat niet (meer)')).toBeVisible();
  await expect(admin.getByText('Dat is geen e-mailadres; het filter op gebruiker is niet toegepast.')).toBeVisible();
  await expect(admin.getByRole('rowheader').first()).toBeVisible();
});
