import { expect, type Page } from '@playwright/test';

/**
 * Collects console errors and page errors (including hydration warnings) for a test to assert on,
 * each with the address it came from: "Failed to load resource: … 404" alone does not say which.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && !/hydrat/i.test(message.text())) return;
    const where = message.location().url;
    problems.push(where ? `${message.text()} (${where})` : message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Fails when the document is wider than the viewport (horizontal scrolling on phones). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
