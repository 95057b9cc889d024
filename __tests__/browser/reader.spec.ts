import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, watchConsole } from './helpers';

const REFERENCE = '/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag';

test.describe('home front', () => {
  test('Dutch front has landmarks, a skip link, a lead story, latest news and section blocks', async ({ page }) => {
    const problems = watchConsole(page);
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Rubrieken' })).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Laatste nieuws' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: "Video's" })).toBeVisible();
    expect(await page.locator('main article').count()).toBeGreaterThan(10);

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expectNoHorizontalScroll(page);
    expect(problems).toEqual([]);
  });

  test('English front lives under /en with its own articles', async ({ page }) => {
    await page.goto('/en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: 'Latest news' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    const firstCard = page.locator('main article a').first();
    await expect(firstCard).toHaveAttribute('href', /^\/en\/news\//);
  });

  test('the locale switcher links the two editions', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: /EN/ }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('article page', () => {
  test('follows the anatomy: section, headline, intro, byline, image, body, tags, related', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(REFERENCE);
    const article = page.locator('main article').first();

    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText("Trainer van FC Dijkstad blijft kalm na nederlaag: 'We hebben nog alles in eigen hand'");
    await expect(article.getByRole('link', { name: 'Voetbal', exact: true }).first()).toHaveAttribute('href', '/rubriek/voetbal');

    const byline = article.locator('header p').filter({ hasText: 'Laatste update' });
    await expect(byline).toHaveText('Dinsdag, 3 mei 2022 om 14:38 • Rian Rosendaal • Laatste update: 14:38');
    await expect(byline.locator('time').first()).toHaveAttribute('datetime', '2022-05-03T12:38:00.000Z');
    await expect(byline.getByRole('link', { name: 'Rian Rosendaal' })).toHaveAttribute('href', '/auteur/rian-rosendaal');

    await expect(article.locator('figure figcaption').first()).toContainText('Het stadion van FC Dijkstad');
    await expect(article.getByRole('heading', { level: 2, name: 'Blessurezorgen in de verdediging' })).toBeVisible();
    await expect(article.locator('blockquote')).toHaveCount(2);
    await expect(article.getByText('Het artikel gaat verder onder de video')).toBeVisible();
    await expect(article.getByRole('link', { name: "Meer video's" })).toHaveAttribute('href', '/video');
    await expect(page.getByRole('navigation', { name: 'Onderwerpen' }).getByRole('link', { name: 'Eredivisie' })).toHaveAttribute(
      'href',
      '/tag/eredivisie',
    );
    await expect(page.getByRole('heading', { level: 2, name: 'Meer over dit onderwerp' })).toBeVisible();

    // Order of the anatomy, top to bottom.
    const order = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const pick = (selector: string) => main.querySelector(selector)?.getBoundingClientRect().top ?? -1;
      return [pick('article header p'), pick('h1'), pick('article figure'), pick('article h2'), pick('nav[aria-label="Onderwerpen"]'), pick('#related-heading')];
    });
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order.every((top) => top >= 0)).toBe(true);
    await expectNoHorizontalScroll(page);
    expect(problems).toEqual([]);
  });

  test('an old slug redirects permanently to the current URL', async ({ request }) => {
    const response = await request.get('/nieuws/trainer-dijkstad-kalm', { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(response.headers().location).toBe(REFERENCE);
  });

  test('hostile content renders as inert text', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto('/nieuws/vijandige-tekst-blijft-tekst');
    await expect(page.locator('h1')).toContainText("<script>window.__pwned = 'title'</script>");
    await expect(page.getByText("<script>window.__pwned = 'paragraph'</script>")).toBeVisible();
    const main = page.locator('main');
    await main.locator('h1').hover();
    // Structured data is the only script in the page body, and it carries the hostile title escaped.
    expect(await main.locator('script:not([type="application/ld+json"]), iframe, svg, img[src="x"]').count()).toBe(0);
    for (const json of await main.locator('script[type="application/ld+json"]').allTextContents()) {
      expect(json).not.toContain('</script');
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    const hrefs = await main.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
    expect(dialogs).toBe(0);
  });

  test('drafts, scheduled and future articles are 404 and appear nowhere', async ({ page, request }) => {
    for (const slug of ['geheim-concept-over-transfer', 'gepland-artikel-over-de-finale', 'toekomstig-gepubliceerd-artikel']) {
      const response = await request.get(`/nieuws/${slug}`);
      expect(response.status()).toBe(404);
    }
    await page.goto('/zoeken?q=Zwaluwstaart');
    await expect(page.getByRole('status')).toHaveText('Geen resultaten voor "Zwaluwstaart".');
    await page.goto('/rubriek/voetbal');
    await expect(page.getByText('Zwaluwstaart')).toHaveCount(0);
  });
});

test.describe('listings', () => {
  test('a section lists cards and pages through plain links', async ({ page }) => {
    await page.goto('/en/section/archive');
    await expect(page.locator('h1')).toHaveText('Archive');
    await expect(page.locator('main ul > li > article')).toHaveCount(20);
    await page.getByRole('link', { name: 'Next page →' }).click();
    await expect(page).toHaveURL(/\/en\/section\/archive\?page=2$/);
    await expect(page.locator('h1')).toHaveText('Archive – page 2');
    await expect(page.getByText('Page 2 of 3')).toBeVisible();
    await page.getByRole('link', { name: 'Next page →' }).click();
    await expect(page.locator('main ul > li > article')).toHaveCount(5);
    await expect(page.getByRole('link', { name: 'Next page →' })).toHaveCount(0);
  });

  test('page numbers that are invalid or out of range are a localized 404', async ({ request }) => {
    for (const path of ['/en/section/archive?page=4', '/en/section/archive?page=abc', '/en/section/archive?page=0', '/en/section/archive?page=-1']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text()).toContain('Page not found');
    }
    const first = await request.get('/en/section/archive?page=1', { maxRedirects: 0 });
    expect(first.status()).toBe(308);
    expect(first.headers().location).toBe('/en/section/archive');
  });

  test('tag, author and video pages render their headers and cards', async ({ page }) => {
    await page.goto('/tag/eredivisie');
    await expect(page.locator('h1')).toHaveText('Eredivisie');
    expect(await page.locator('main article').count()).toBeGreaterThan(1);

    await page.goto('/auteur/rian-rosendaal');
    await expect(page.locator('h1')).toHaveText('Rian Rosendaal');
    await expect(page.locator('main header p').last()).not.toBeEmpty();

    await page.goto('/video');
    await expect(page.locator('h1')).toHaveText("Video's");
    expect(await page.locator('main article').count()).toBeGreaterThanOrEqual(8);
  });

  test('unknown sections, tags and authors are 404 in the right language', async ({ request }) => {
    const dutch = await request.get('/rubriek/bestaat-niet');
    expect(dutch.status()).toBe(404);
    expect(await dutch.text()).toContain('Pagina niet gevonden');
    for (const path of ['/en/tag/does-not-exist', '/en/author/nobody', '/en/news/nothing-here', '/en/not/a/page']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text()).toContain('Page not found');
    }
    const outside = await request.get('/onbekende-pagina');
    expect(outside.status()).toBe(404);
    expect(await outside.text()).toContain('Pagina niet gevonden');
  });

  test('trailing slashes and internal locale paths redirect to the one canonical URL', async ({ request }) => {
    const slash = await request.get('/rubriek/voetbal/', { maxRedirects: 0 });
    expect(slash.status()).toBe(308);
    expect(slash.headers().location).toBe('/rubriek/voetbal');
    const internal = await request.get('/nl/news/trainer-van-dijkstad-blijft-kalm-na-nederlaag', { maxRedirects: 0 });
    expect(internal.status()).toBe(308);
    expect(internal.headers().location).toBe(REFERENCE);
  });
});

test('no element on the public pages carries a class name built from a missing value', async ({ request }) => {
  for (const path of ['/', '/en', REFERENCE, '/rubriek/voetbal', '/zoeken?q=Dijkstad']) {
    const html = await (await request.get(path)).text();
    const classes = [...html.matchAll(/class="([^"]*)"/g)].map((match) => match[1] ?? '');
    expect(classes.length, path).toBeGreaterThan(10);
    expect(classes.filter((value) => /(^|\s)(undefined|null|false)(\s|$)/.test(value)), path).toEqual([]);
  }
});

test.describe('search', () => {
  test('finds articles by words in the body and highlights them', async ({ page }) => {
    await page.goto('/zoeken');
    await expect(page.getByText('Typ een of meer woorden')).toBeVisible();
    await page.getByRole('searchbox').fill('hamstringblessure');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/\/zoeken\?q=hamstringblessure/);
    await expect(page.getByRole('status')).toContainText('resultaat');
    await expect(page.locator('main mark').first()).toHaveText(/hamstringblessure/i);
    await page.getByRole('link', { name: /Trainer van FC Dijkstad/ }).click();
    await expect(page).toHaveURL(new RegExp(`${REFERENCE}$`));
  });

  test('an over-long query gets a clear message, not an error', async ({ page }) => {
    const response = await page.goto(`/en/search?q=${'a'.repeat(201)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('at most 200');
  });

  test('result pages are as strict as listing pages, in both editions', async ({ request, page }) => {
    for (const { path, key, query, count } of [
      { path: '/zoeken', key: 'pagina', query: 'de', count: /^(\d+) resultaten voor/ },
      { path: '/en/search', key: 'page', query: 'the', count: /^(\d+) results for/ },
    ]) {
      const first = `${path}?q=${query}`;
      await page.goto(first);
      const total = Number(count.exec((await page.getByRole('status').textContent()) ?? '')?.[1]);
      expect(total, first).toBeGreaterThan(0);
      const last = Math.min(10, Math.ceil(total / 20));

      // The count and the pages agree: the last page lists the rest, and says so; there is no page after it.
      const lastPage = last === 1 ? first : `${first}&${key}=${last}`;
      expect((await page.goto(lastPage))?.status(), lastPage).toBe(200);
      await expect(page.locator('main ol > li')).toHaveCount(Math.min(20, total - (last - 1) * 20));
      await expect(page.locator('a[rel="next"]')).toHaveCount(0);
      if (last > 1) await expect(page.getByRole('navigation', { name: /Paginering|Pagination/ })).toContainText(`${last}`);

      for (const bad of [String(last + 1), '99', '1000', 'abc', '-1', '0', '02', '', '2.0']) {
        const url = `${first}&${key}=${bad}`;
        expect((await request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
      }
      expect((await request.get(`${first}&${key}=2&${key}=3`, { maxRedirects: 0 })).status()).toBe(404);
      // Page 1 has one URL, as on listings.
      const one = await request.get(`${first}&${key}=1`, { maxRedirects: 0 });
      expect(one.status()).toBe(308);
      expect(one.headers().location).toBe(first);
      // No query, and a query without results: one page, which exists; page 2 does not.
      expect((await request.get(path)).status()).toBe(200);
      expect((await request.get(`${path}?${key}=2`, { maxRedirects: 0 })).status()).toBe(404);
      expect((await request.get(`${path}?q=qxzwvjk`)).status()).toBe(200);
      expect((await request.get(`${path}?q=qxzwvjk&${key}=2`, { maxRedirects: 0 })).status()).toBe(404);
    }
  });

  test('hostile search text is shown as text', async ({ page }) => {
    await page.goto(`/en/search?q=${encodeURIComponent('"<script>alert(1)</script> NEAR( OR *')}`);
    await expect(page.getByRole('searchbox')).toHaveValue('"<script>alert(1)</script> NEAR( OR *');
    expect(await page.locator('main script:not([type="application/ld+json"])').count()).toBe(0);
  });
});
