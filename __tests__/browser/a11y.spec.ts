/**
 * Accessibility: axe-core (npm `axe-core`) checks every public page type and every desk screen, in
 * both locales, at 320 px (the narrowest phone WCAG's reflow criterion names) and 1280 px. The
 * budget is 0 violations, with axe's default rules (WCAG 2 A and AA, and its best practices).
 *
 * Each page loads once, at 320 px, and is checked again after widening the window to 1280 px:
 * the layout follows the width through CSS alone.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { TEST_ADMIN, TEST_EDITOR } from './accounts';
import { deskPages, publicPages, signIn, signInPage, type CheckedPage, type DeskAccount } from './checked-pages';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [320, 1280] as const;

// axe is injected as a script tag; the site's Content-Security-Policy rightly refuses inline scripts.
test.use({ locale: 'nl-NL', bypassCSP: true });
test.setTimeout(180_000);

/** axe's violations on the page as it is now, one readable line each. */
async function violations(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map((violation) => {
    const nodes = violation.nodes.slice(0, 4).map((node) => node.target.join(' ')).join(', ');
    const summary = violation.nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? '';
    return `${label}: ${violation.id} (${violation.impact ?? 'n/a'}, ${violation.nodes.length}×) ${violation.help}: ${nodes} — ${summary}`;
  });
}

/** Loads each page at 320 px, checks it, widens to 1280 px and checks it again. */
async function check(page: Page, pages: readonly CheckedPage[]): Promise<string[]> {
  const found: string[] = [];
  for (const checked of pages) {
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    const response = await page.goto(checked.path, { waitUntil: 'load' });
    expect(response?.status(), `${checked.name} (${checked.path})`).toBe(checked.status);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      found.push(...(await violations(page, `${checked.name} @${width}px`)));
    }
  }
  return found;
}

async function signedIn(browser: Browser, account: DeskAccount): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

test.describe('accessibility (axe-core) at 320 and 1280 px', () => {
  for (const locale of ['nl', 'en'] as const) {
    test(`every public page type in ${locale === 'nl' ? 'Dutch' : 'English'} has no violations`, async ({ page, request }) => {
      expect(await check(page, await publicPages(request, locale))).toEqual([]);
    });
  }

  test('the desk sign-in page in both locales has no violations', async ({ page }) => {
    expect(await check(page, [signInPage('nl'), signInPage('en')])).toEqual([]);
  });

  test('every desk page in both locales has no violations, for an admin and for an editor refused an admin screen', async ({ browser }) => {
    const found: string[] = [];
    for (const [account, kind] of [
      [TEST_ADMIN, 'admin'],
      [TEST_EDITOR, 'editor'],
    ] as const) {
      const page = await signedIn(browser, account);
      for (const locale of ['nl', 'en'] as const) found.push(...(await check(page, deskPages(locale)[kind])));
      await page.context().close();
    }
    expect(found).toEqual([]);
  });
});

test.describe('the section navigation', () => {
  /** The list's overflow and its fades; the fades are the row's mask, in px (see layout.module.css). */
  const state = (list: Locator) =>
    list.evaluate((ul) => {
      const style = getComputedStyle(ul);
      const fade = (side: string) => parseFloat(style.getPropertyValue(`--section-nav-fade-${side}`)) || 0;
      return { overflow: ul.scrollWidth - ul.clientWidth, left: fade('left'), right: fade('right') };
    });

  test('shows every section from 1280 px up, and on a phone fades out at the edge that has more', async ({ page }) => {
    await page.goto('/');
    const list = page.getByRole('navigation', { name: 'Rubrieken' }).getByRole('list');
    // A newsroom with more sections than the demo, among them a long name.
    await list.evaluate((ul) => {
      for (const name of ['Buitenlands voetbal', 'Basketbal', 'Darts', 'Atletiek']) {
        const item = ul.lastElementChild?.cloneNode(true) as HTMLElement;
        item.querySelector('a')!.textContent = name;
        ul.insertBefore(item, ul.lastElementChild);
      }
    });

    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      const cut = await list.evaluate((ul) => {
        const box = ul.getBoundingClientRect();
        return [...ul.querySelectorAll('a')].filter((link) => {
          const own = link.getBoundingClientRect();
          return own.left < box.left || own.right > box.right;
        }).map((link) => link.textContent);
      });
      expect(cut, `${width} px`).toEqual([]);
      expect((await state(list)).overflow, `${width} px`).toBeLessThanOrEqual(0);
      await expect(list.getByRole('link', { name: 'Buitenlands voetbal' })).toBeInViewport({ ratio: 1 });
    }

    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => state(list)).toMatchObject({ left: 0, right: 48 });
    expect((await state(list)).overflow).toBeGreaterThan(0);
    await list.evaluate((ul) => ul.scrollTo({ left: ul.scrollWidth / 2 }));
    await expect.poll(() => state(list)).toMatchObject({ left: 48, right: 48 });
    await list.evaluate((ul) => ul.scrollTo({ left: ul.scrollWidth }));
    await expect.poll(() => state(list)).toMatchObject({ left: 48, right: 0 });
    // The last section, scrolled to, is wholly in view and clear of the fade.
    await expect(list.getByRole('link', { name: 'Video' })).toBeInViewport({ ratio: 1 });
  });

  test('on a phone, each section reached with the keyboard is wholly in view, clear of the fades', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/');
    const list = page.getByRole('navigation', { name: 'Rubrieken' }).getByRole('list');
    const links = list.getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThan(5);
    await links.first().focus();
    for (let index = 0; index < count; index++) {
      if (index > 0) await page.keyboard.press('Tab');
      const link = links.nth(index);
      await expect(link).toBeFocused();
      // Measured once the scroll the focus started has settled (the fades follow the scroll).
      await expect
        .poll(() =>
          list.evaluate((ul, at) => {
            const style = getComputedStyle(ul);
            // No mask, no fade (the fade lengths keep their values when the mask is off).
            const fade = (side: string) => (style.maskImage === 'none' ? 0 : parseFloat(style.getPropertyValue(`--section-nav-fade-${side}`)) || 0);
            const box = ul.getBoundingClientRect();
            const own = ul.querySelectorAll('a')[at]!.getBoundingClientRect();
            return own.left >= box.left + fade('left') - 1 && own.right <= box.right - fade('right') + 1;
          }, index),
        { message: `${await link.textContent()} is clear of the fades` },
        )
        .toBe(true);
    }
  });
});
