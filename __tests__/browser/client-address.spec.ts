/**
 * The desk's sign-in throttle counts the address that really connected, against the production
 * build's own `next start` (which sets X-Forwarded-For from the socket only when a request has
 * none). The browser server sets no TRUSTED_PROXIES, so forwarding headers must be ignored: a client
 * that invents a new X-Forwarded-For for every attempt is still one client.
 */
import { expect, test } from '@playwright/test';

const DUTCH = { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen' };

test('a client that invents a new X-Forwarded-For for each attempt is still throttled as itself', async ({ browser }) => {
  // An account nobody has: it counts exactly like a real one, and no other suite uses it.
  const email = `xff-${Date.now()}@example.test`;
  const attempt = async (claimed: string) => {
    const context = await browser.newContext({ locale: 'nl-NL', extraHTTPHeaders: { 'X-Forwarded-For': claimed, 'X-Real-IP': claimed } });
    try {
      const page = await context.newPage();
      await page.goto('/redactie/inloggen');
      await page.getByLabel(DUTCH.email).fill(email);
      await page.getByLabel(DUTCH.password).fill('not the password at all');
      await page.getByRole('button', { name: DUTCH.submit }).click();
      const error = page.getByRole('alert').filter({ hasText: /klopt niet|Te veel mislukte pogingen/ });
      await expect(error).toBeVisible();
      return (await error.textContent()) ?? '';
    } finally {
      await context.close();
    }
  };
  // Five failures for one account from one address lock that address out of it (and nobody else).
  for (let i = 1; i <= 5; i += 1) expect(await attempt(`198.51.100.${i}`)).toContain('klopt niet');
  // Were the header believed, this would be a fresh address with a fresh count.
  expect(await attempt('198.51.100.77')).toContain('Te veel mislukte pogingen');
});
