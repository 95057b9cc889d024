/**
 * The leak sweep: everything a visitor without a session can ask the site for, tried the way an
 * acceptance tester would, against the production build. The browser fixtures hold six articles no
 * visitor may see (03-unpublished.json: a draft, a scheduled and a future-dated Dutch article;
 * 05-draft-sweep.json: an English draft that was once live and has an earlier slug, a Dutch draft
 * with a video and an earlier slug, an English scheduled article with a video). All of them mention
 * the secret word "Zwaluwstaart"; the 05 ones also carry a tag no public article has. The demo's
 * own drafts and scheduled article must not show up either (checked by slug).
 *
 * Probed: the article URLs in every spelling (current and earlier slugs, trailing slash, upper
 * case, percent-encoding, the internal /nl/news form, the other locale, forged cookies, RSC
 * requests), the JSON endpoints, every listing (home, sections, tags, authors, video; every page),
 * search, the RSS feeds, every sitemap, the desk without a session, and the preview surfaces (the
 * Draft Mode entry, shared links forged, altered or expired). Finally an editor previews drafts in
 * Draft Mode while a second browser, at the same time, must keep seeing the public site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse, type Browser, type Page } from '@playwright/test';
import { slugify } from '@/lib/content/slug';
import { signPreviewToken } from '@/lib/preview/token';
import { TEST_EDITOR } from './accounts';
import { E2E_PREVIEW_SECRET } from './preview-secret';
import { recordedShareLink } from './share-links';

// ---------------------------------------------------------------------------------------------
// What must stay hidden

interface Hidden {
  id: string;
  locale: 'nl' | 'en';
  slug: string;
  previousSlugs: string[];
  title: string;
}

interface FixtureArticle {
  id: string;
  locale: 'nl' | 'en';
  slug: string;
  previousSlugs?: string[];
  status: string;
  title: string;
  publishedAt?: string;
  tags?: string[];
  authors: string[];
  section: string;
}

interface ContentFile {
  sections?: Array<{ slug: string; locale: 'nl' | 'en' }>;
  authors?: Array<{ slug: string }>;
  articles?: FixtureArticle[];
}

const root = path.resolve(__dirname, '..', '..');
const readContent = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as ContentFile;
/** The public content (the demo's dates are moved to just before the seed runs, so all of it is live). */
const PUBLIC_FILES = [
  'content/demo/nl.json',
  'content/demo/en.json',
  '__tests__/fixtures/browser/01-reference.json',
  '__tests__/fixtures/browser/02-hostile.json',
  '__tests__/fixtures/browser/04-archive.json',
].map(readContent);
/** The fixtures with what no visitor may see. */
const HIDDEN_FILES = ['__tests__/fixtures/browser/03-unpublished.json', '__tests__/fixtures/browser/05-draft-sweep.json'].map(readContent);
const CONTENT_FILES = [...PUBLIC_FILES, ...HIDDEN_FILES];
const PUBLIC_ARTICLES = PUBLIC_FILES.flatMap((file) => file.articles ?? []).filter((article) => article.status === 'published');
/** The demo's own drafts and scheduled articles (the seed dates them relative to now): hidden too, by slug. */
const DEMO_HIDDEN_SLUGS = PUBLIC_FILES.flatMap((file) => file.articles ?? [])
  .filter((article) => article.status !== 'published')
  .map((article) => article.slug);
const HIDDEN_ARTICLES = HIDDEN_FILES.flatMap((file) => file.articles ?? []);

/** Every article of the fixtures that no visitor may see, read from the fixture files themselves. */
const HIDDEN: Hidden[] = HIDDEN_ARTICLES.map((article) => ({
  id: article.id,
  locale: article.locale,
  slug: article.slug,
  previousSlugs: article.previousSlugs ?? [],
  title: article.title,
}));

const SECRET = 'Zwaluwstaart';
/** Words that occur only in the hidden articles' bodies, for search probes whose query does not echo the secret. */
const CODE_WORDS = ['Kokmeeuwprotocol', 'codewoord'];
/** A tag that only hidden articles carry: its page and listing must not exist. */
const HIDDEN_TAG = slugify('Zwaluwstaart Dossier');

const byId = (id: string) => {
  const found = HIDDEN.find((article) => article.id === id);
  if (found === undefined) throw new Error(`fixture article ${id} is missing`);
  return found;
};
const DUTCH_DRAFT = byId('e2e-draft-article');
const DUTCH_VIDEO_DRAFT = byId('e2e-sweep-draft-video');
const ENGLISH_DRAFT = byId('e2e-sweep-draft-en');

const SECTIONS = CONTENT_FILES.flatMap((file) => file.sections ?? []);
const AUTHORS = [...new Set(CONTENT_FILES.flatMap((file) => (file.authors ?? []).map((author) => author.slug)))];
const PUBLIC_TAGS = [...new Set(PUBLIC_ARTICLES.flatMap((article) => (article.tags ?? []).map(slugify)))];
/** Tags and authors the hidden articles use: the listings they would show up in. */
const TAGS_OF_HIDDEN = [...new Set(HIDDEN_ARTICLES.flatMap((article) => (article.tags ?? []).map(slugify)))].filter((tag) => tag !== HIDDEN_TAG);
const AUTHORS_OF_HIDDEN = [...new Set(HIDDEN_ARTICLES.flatMap((article) => article.authors))];

const articlePath = (locale: 'nl' | 'en', slug: string) => (locale === 'nl' ? `/nieuws/${slug}` : `/en/news/${slug}`);
const sectionPath = (locale: 'nl' | 'en', slug: string) => (locale === 'nl' ? `/rubriek/${slug}` : `/en/section/${slug}`);
const tagPath = (locale: 'nl' | 'en', slug: string) => (locale === 'nl' ? `/tag/${slug}` : `/en/tag/${slug}`);
const authorPath = (locale: 'nl' | 'en', slug: string) => (locale === 'nl' ? `/auteur/${slug}` : `/en/author/${slug}`);
const videoPath = (locale: 'nl' | 'en') => (locale === 'nl' ? '/video' : '/en/video');
const pageParam = (locale: 'nl' | 'en') => (locale === 'nl' ? 'pagina' : 'page');
const LOCALES = ['nl', 'en'] as const;

const SESSION_COOKIE = 'desk_session';
const BYPASS_COOKIE = '__prerender_bypass';
const FORGED_BYPASS = `${BYPASS_COOKIE}=${'0123456789abcdef'.repeat(2)}`;
const FORGED_SESSION = `${SESSION_COOKIE}=${'Zm9yZ2VkLXNlc3Npb24tdG9rZW4'.repeat(2)}`;

// ---------------------------------------------------------------------------------------------
// Assertions

/**
 * Fails when `text` shows anything of a hidden article. `strict` also forbids the secret in any
 * case and every hidden slug and id: for documents whose request did not contain them (listings,
 * feeds, sitemaps). Pages whose own URL names a hidden slug are checked for titles, bodies and the
 * capitalised secret only, since a 404 page may repeat its address.
 */
function expectNothingHidden(text: string, where: string, strict = true) {
  expectAbsent(text, SECRET, `${where}: the secret word`);
  for (const word of CODE_WORDS) expectAbsent(text, word, `${where}: body text of a hidden article`);
  for (const article of HIDDEN) expectAbsent(text, article.title, `${where}: the title of ${article.id}`);
  if (!strict) return;
  expectAbsent(text.toLowerCase(), SECRET.toLowerCase(), `${where}: the secret word in any case`);
  for (const article of HIDDEN) {
    for (const slug of [article.slug, ...article.previousSlugs]) expectAbsent(text, slug, `${where}: the slug ${slug}`);
    expectAbsent(text, article.id, `${where}: the id ${article.id}`);
  }
  for (const slug of DEMO_HIDDEN_SLUGS) expectAbsent(text, slug, `${where}: the slug of the demo's unpublished ${slug}`);
}

/** Fails with the text around `needle` when `text` contains it (not with the whole document). */
function expectAbsent(text: string, needle: string, what: string) {
  const at = text.indexOf(needle);
  const excerpt = at === -1 ? null : text.slice(Math.max(0, at - 120), at + needle.length + 120);
  expect(excerpt, `${what} appears`).toBeNull();
}

const setCookies = (response: APIResponse) =>
  response
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === 'set-cookie')
    .map(({ value }) => value);

/** Set-Cookie headers that would give this browser a Draft Mode cookie (clearing a forged one is fine). */
const draftModeCookies = (response: APIResponse) =>
  setCookies(response).filter((value) => value.startsWith(`${BYPASS_COOKIE}=`) && !value.startsWith(`${BYPASS_COOKIE}=;`));

function expectPrivateNoStore(headers: Record<string, string>, where: string) {
  const cacheControl = headers['cache-control'] ?? '';
  expect(cacheControl, `${where}: private`).toContain('private');
  expect(cacheControl, `${where}: no-store`).toContain('no-store');
  expect(cacheControl, `${where}: never shared`).not.toMatch(/public|s-maxage/);
}

/** Lower case, decoded, without query or trailing slash, and the internal Dutch article form mapped to the public one. */
function normalizePath(url: string): string {
  const pathname = new URL(url, 'http://site.invalid').pathname;
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // keep as sent
  }
  return decoded.toLowerCase().replace(/\/+$/, '').replace(/^\/nl\/news\//, '/nieuws/');
}

/**
 * Requests `url` and follows redirects by hand. Every hop may only be a spelling fix of the address
 * asked for (case, trailing slash, the internal locale form); a redirect to another slug would tell
 * a visitor where a hidden article lives. Returns the final response and its text.
 */
async function walk(request: APIRequestContext, url: string, headers?: Record<string, string>) {
  let current = url;
  for (let hop = 0; hop < 5; hop += 1) {
    const response = await request.get(current, { maxRedirects: 0, headers });
    if (response.status() < 300 || response.status() >= 400) return { response, text: await response.text(), final: current };
    const location = response.headers()['location'] ?? '';
    expect(location, `${current} redirects somewhere`).not.toBe('');
    expect(normalizePath(location), `${url}: the redirect from ${current} to ${location} only fixes the spelling`).toBe(normalizePath(url));
    current = new URL(location, 'http://site.invalid').pathname + new URL(location, 'http://site.invalid').search;
  }
  throw new Error(`${url}: more than 5 redirects`);
}

/** Every spelling of an article path a tester would try. */
function spellings(locale: 'nl' | 'en', slug: string): string[] {
  const canonical = articlePath(locale, slug);
  // Upper case at the end: a capital first letter could spell the secret word itself in the echoed URL.
  const capitalised = slug.slice(0, -1) + slug.slice(-1).toUpperCase();
  const encodedFirst = `%${slug.charCodeAt(0).toString(16).toUpperCase()}${slug.slice(1)}`;
  const variants = [
    canonical,
    `${canonical}/`,
    articlePath(locale, slug.toUpperCase()),
    `${articlePath(locale, slug.toUpperCase())}/`,
    articlePath(locale, capitalised),
    articlePath(locale, encodedFirst),
    articlePath(locale, slug.replace(/-/g, '%2D')),
    `${canonical}?preview=1&draft=true&__prerender_bypass=1`,
    `${canonical}.html`,
    // the other edition's address for the same slug
    articlePath(locale === 'nl' ? 'en' : 'nl', slug),
  ];
  // the article's id where its slug belongs
  const article = HIDDEN.find((candidate) => candidate.slug === slug || candidate.previousSlugs.includes(slug));
  if (article !== undefined) variants.push(articlePath(locale, article.id));
  if (locale === 'nl') variants.push(`/nl/news/${slug}`, `/nl/news/${slug}/`, `/NL/news/${slug}`, `/nl/nieuws/${slug}`);
  else variants.push(`/EN/news/${slug}`, `/en/nieuws/${slug}`, `/en/news/${slug}//`);
  return variants;
}

async function signIn(page: Page) {
  await page.goto('/redactie/inloggen');
  await page.getByLabel('E-mailadres').fill(TEST_EDITOR.email);
  await page.getByLabel('Wachtwoord').fill(TEST_EDITOR.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).not.toHaveURL(/inloggen/);
}

test.describe.configure({ timeout: 240_000 });

test('the fixtures hold the hidden articles this sweep looks for', () => {
  expect(HIDDEN.map((article) => article.id).sort()).toEqual(
    ['e2e-draft-article', 'e2e-future-published', 'e2e-scheduled-article', 'e2e-sweep-draft-en', 'e2e-sweep-draft-video', 'e2e-sweep-scheduled-en'].sort(),
  );
  expect(HIDDEN.flatMap((article) => article.previousSlugs).length).toBeGreaterThanOrEqual(2);
  expect(TAGS_OF_HIDDEN).toContain('transfers');
  expect(PUBLIC_TAGS).toContain('transfers');
  expect(PUBLIC_TAGS).not.toContain(HIDDEN_TAG);
  expect(AUTHORS_OF_HIDDEN.length).toBeGreaterThan(0);
  for (const article of HIDDEN_ARTICLES) {
    expect(article.status === 'published' ? Date.parse(article.publishedAt ?? '') > Date.now() : true, `${article.id} is not live`).toBe(true);
    expect(JSON.stringify(article)).toContain(SECRET);
  }
  // Nothing public mentions the secret or the code words, so finding them anywhere is a leak.
  expect(PUBLIC_ARTICLES.length).toBeGreaterThan(100);
  expect(DEMO_HIDDEN_SLUGS.length).toBeGreaterThan(0);
  for (const file of PUBLIC_FILES) expect(JSON.stringify(file)).not.toMatch(/zwaluwstaart|kokmeeuwprotocol|codewoord/i);
});

// ---------------------------------------------------------------------------------------------

test.describe('article URLs', () => {
  test('every spelling of every hidden article address is a 404 that shows nothing of it', async ({ request }) => {
    // The probes are meaningful: a public article answers to its address, and its earlier slug redirects.
    expect((await request.get('/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag')).status()).toBe(200);
    const moved = await request.get('/nieuws/trainer-dijkstad-kalm', { maxRedirects: 0 });
    expect(moved.status()).toBe(308);

    let probes = 0;
    for (const article of HIDDEN) {
      for (const slug of [article.slug, ...article.previousSlugs]) {
        for (const url of spellings(article.locale, slug)) {
          const { response, text } = await walk(request, url);
          expect(response.status(), `${url} is a 404`).toBe(404);
          expect((await request.head(url)).status(), `HEAD ${url}`).not.toBe(200);
          expectNothingHidden(text, url, false);
          // A page for an earlier slug must not name the current one.
          if (slug !== article.slug) expectAbsent(text, article.slug, `${url}: the current slug`);
          probes += 1;
        }
      }
    }
    expect(probes).toBeGreaterThan(HIDDEN.length * 10);
  });

  test('an earlier slug of a hidden article does not redirect to its current address', async ({ request }) => {
    const withHistory = HIDDEN.filter((article) => article.previousSlugs.length > 0);
    expect(withHistory.length).toBeGreaterThanOrEqual(2);
    for (const article of withHistory) {
      for (const slug of article.previousSlugs) {
        const url = articlePath(article.locale, slug);
        const response = await request.get(url, { maxRedirects: 0 });
        expect(response.status(), `${url} is a 404, not a redirect`).toBe(404);
        expect(response.headers()['location']).toBeUndefined();
        const text = await response.text();
        expectNothingHidden(text, url, false);
        expectAbsent(text, article.slug, `${url}: the current slug`);
        expectAbsent(text, articlePath(article.locale, article.slug), `${url}: the current address`);
      }
    }
  });

  test('forged Draft Mode and session cookies and RSC requests change nothing', async ({ playwright, baseURL }) => {
    const variants: Array<[string, Record<string, string>]> = [
      ['a forged Draft Mode cookie', { Cookie: FORGED_BYPASS }],
      ['a forged session cookie', { Cookie: FORGED_SESSION }],
      ['both forged cookies', { Cookie: `${FORGED_BYPASS}; ${FORGED_SESSION}` }],
      ['an RSC request', { RSC: '1' }],
      ['an RSC prefetch with a forged Draft Mode cookie', { RSC: '1', 'Next-Router-Prefetch': '1', Cookie: FORGED_BYPASS }],
      ['an RSC segment prefetch', { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-Segment-Prefetch': '/_tree' }],
      ['a forged revalidation header', { 'x-prerender-revalidate': '0123456789abcdef0123456789abcdef' }],
    ];
    const client = await playwright.request.newContext({ baseURL });
    let probes = 0;
    for (const [name, headers] of variants) {
      for (const article of HIDDEN) {
        // Next answers an RSC request without its cache-busting `_rsc` hash with a redirect that adds
        // it; walk() follows that (and fails on any redirect to another address).
        const url = articlePath(article.locale, article.slug);
        const { response, text } = await walk(client, url, headers);
        // A flight (RSC) answer may carry the not-found tree with a 200 (a segment prefetch is only
        // the route tree); what matters is that it holds nothing of the article.
        if ('RSC' in headers) expect([200, 404], `${url} with ${name}`).toContain(response.status());
        else expect(response.status(), `${url} with ${name} is a 404`).toBe(404);
        expectNothingHidden(text, `${url} with ${name}`, false);
        expect(draftModeCookies(response), `${url} with ${name}: no Draft Mode cookie`).toEqual([]);
        probes += 1;
      }
    }
    expect(probes).toBe(variants.length * HIDDEN.length);
    await client.dispose();
  });

  test('a browser with forged cookies gets the public 404 page, without a preview banner', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: 'nl-NL' });
    const host = new URL(baseURL ?? 'http://127.0.0.1').hostname;
    await context.addCookies([
      { name: BYPASS_COOKIE, value: '0123456789abcdef0123456789abcdef', domain: host, path: '/', httpOnly: true, sameSite: 'Lax', secure: false },
      { name: SESSION_COOKIE, value: 'Zm9yZ2VkLXNlc3Npb24', domain: host, path: '/', httpOnly: true, sameSite: 'Lax', secure: false },
    ]);
    const page = await context.newPage();
    for (const article of [DUTCH_DRAFT, DUTCH_VIDEO_DRAFT, ENGLISH_DRAFT]) {
      const response = await page.goto(articlePath(article.locale, article.slug));
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('complementary', { name: /Voorvertoning|Preview/ })).toHaveCount(0);
      await expect(page.getByText(article.title)).toHaveCount(0);
      expectNothingHidden(await page.locator('body').innerText(), `${article.id} with forged cookies`, false);
    }
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('JSON endpoints', () => {
  test('/api/articles/<id>/status is a 404 for every hidden article, like an id that never existed', async ({ request }) => {
    const known = await request.get('/api/articles/e2e-reference-article/status');
    expect(known.status()).toBe(200);
    expect(await known.json()).toMatchObject({ id: 'e2e-reference-article', path: '/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag' });

    const unknown = await request.get('/api/articles/e2e-never-existed/status');
    expect(unknown.status()).toBe(404);
    const unknownShape = Object.keys(await unknown.json()).sort();

    for (const article of HIDDEN) {
      for (const id of [article.id, article.id.toUpperCase(), `${article.id}%20`, encodeURIComponent(` ${article.id}`)]) {
        const response = await request.get(`/api/articles/${id}/status`, { maxRedirects: 0, headers: { Cookie: FORGED_BYPASS } });
        expect([400, 404], `/api/articles/${id}/status`).toContain(response.status());
        expect(response.headers()['cache-control'] ?? '').not.toContain('public');
        const text = await response.text();
        expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(unknownShape);
        expect(text).not.toContain(article.title);
        expect(text).not.toContain(article.slug);
        expect(text).not.toContain(SECRET);
      }
    }
  });

  test('/api/listings never lists a hidden article, for any locale, section, tag, author, video filter and page', async ({ request }) => {
    const hiddenIds = new Set(HIDDEN.map((article) => article.id));
    const filters: Array<{ locale: 'nl' | 'en'; key: 'section' | 'tag' | 'author' | 'video'; value: string }> = [];
    for (const locale of LOCALES) {
      for (const section of SECTIONS.filter((candidate) => candidate.locale === locale)) filters.push({ locale, key: 'section', value: section.slug });
      for (const tag of [...PUBLIC_TAGS, HIDDEN_TAG]) filters.push({ locale, key: 'tag', value: tag });
      for (const author of AUTHORS) filters.push({ locale, key: 'author', value: author });
      filters.push({ locale, key: 'video', value: '1' });
    }
    expect(filters.length).toBeGreaterThan(100);

    const itemsPerFilter = new Map<string, number>();
    for (const filter of filters) {
      const label = `${filter.locale} ${filter.key}=${filter.value}`;
      let cursor: string | null = null;
      let count = 0;
      for (let page = 0; page < 20; page += 1) {
        const params = new URLSearchParams({ locale: filter.locale, [filter.key]: filter.value });
        if (cursor !== null) params.set('cursor', cursor);
        const response = await request.get(`/api/listings?${params}`, { headers: { Cookie: FORGED_BYPASS } });
        const text = await response.text();
        if (filter.key === 'tag' && filter.value === HIDDEN_TAG) {
          // Only hidden articles carry it: for the public the tag does not exist.
          expect(response.status(), label).toBe(404);
          expect(text).not.toContain('Dossier');
          break;
        }
        expect(response.status(), `${label} answers`).toBe(200);
        expectNothingHidden(text, `/api/listings ${label}`);
        const body = JSON.parse(text) as { items: Array<{ id: string }>; nextCursor: string | null };
        for (const item of body.items) expect(hiddenIds.has(item.id), `${label} lists ${item.id}`).toBe(false);
        count += body.items.length;
        cursor = body.nextCursor;
        if (cursor === null) break;
      }
      expect(cursor, `${label}: the listing ends within 20 pages`).toBeNull();
      itemsPerFilter.set(label, count);
    }
    // The sweep read real listings: the ones the hidden articles would join are full of public articles.
    for (const label of ['nl section=voetbal', 'en section=football', 'nl tag=transfers', 'nl video=1', 'en video=1', 'nl author=rian-rosendaal', 'en author=joost-verbeek']) {
      expect(itemsPerFilter.get(label), label).toBeGreaterThan(0);
    }
    expect([...itemsPerFilter.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(100);
  });
});

// ---------------------------------------------------------------------------------------------

/** Fetches a listing's page 1 and every following page (`?pagina=N` / `?page=N`) until the first 404. */
async function sweepListing(request: APIRequestContext, locale: 'nl' | 'en', basePath: string, headers?: Record<string, string>) {
  const pages: string[] = [];
  for (let number = 1; number <= 12; number += 1) {
    const url = number === 1 ? basePath : `${basePath}?${pageParam(locale)}=${number}`;
    const response = await request.get(url, { maxRedirects: 0, headers });
    if (number > 1 && response.status() === 404) {
      expectNothingHidden(await response.text(), url);
      return pages;
    }
    expect(response.status(), `${url} answers`).toBe(200);
    const text = await response.text();
    expectNothingHidden(text, url);
    expect(text, `${url} shows article links`).toMatch(locale === 'nl' ? /href="\/nieuws\/[a-z0-9-]+"/ : /href="\/en\/news\/[a-z0-9-]+"/);
    pages.push(url);
  }
  throw new Error(`${basePath}: more than 12 pages`);
}

test.describe('pages', () => {
  test('the fronts, every section, the tags and authors of hidden articles and the video pages, on every page', async ({ request }) => {
    const swept: string[] = [];
    for (const locale of LOCALES) {
      const home = await request.get(locale === 'nl' ? '/' : '/en');
      expect(home.status()).toBe(200);
      expectNothingHidden(await home.text(), `the ${locale} front`);
      swept.push(locale);

      const sections = SECTIONS.filter((section) => section.locale === locale);
      expect(sections.length).toBeGreaterThan(3);
      for (const section of sections) swept.push(...(await sweepListing(request, locale, sectionPath(locale, section.slug))));
      for (const tag of TAGS_OF_HIDDEN) swept.push(...(await sweepListing(request, locale, tagPath(locale, tag))));
      for (const author of AUTHORS_OF_HIDDEN) swept.push(...(await sweepListing(request, locale, authorPath(locale, author))));
      swept.push(...(await sweepListing(request, locale, videoPath(locale))));
    }
    // Several listings run to more than one page, so page 2 and later were read too.
    expect(swept.filter((url) => /[?&](pagina|page)=\d+/.test(url)).length).toBeGreaterThan(3);
  });

  test('the internal page forms and a forged Draft Mode cookie show the same public listings', async ({ request }) => {
    const internal = ['/nl/section/voetbal/page/1', '/en/section/archive/page/2', '/en/author/rian-rosendaal/page/3', '/nl/tag/transfers', '/nl/video', '/nl', '/nl/author/rian-rosendaal'];
    for (const url of internal) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expectNothingHidden(await response.text(), url);
    }
    for (const url of ['/', '/en', '/rubriek/voetbal', '/en/section/football', '/video', '/en/video', '/tag/transfers', '/auteur/rian-rosendaal']) {
      const response = await request.get(url, { headers: { Cookie: `${FORGED_BYPASS}; ${FORGED_SESSION}` } });
      expect(response.status(), url).toBe(200);
      expectNothingHidden(await response.text(), `${url} with forged cookies`);
    }
  });

  test('a tag only hidden articles carry does not exist for the public, in either edition', async ({ request }) => {
    for (const locale of LOCALES) {
      for (const url of [tagPath(locale, HIDDEN_TAG), `${tagPath(locale, HIDDEN_TAG)}?${pageParam(locale)}=2`, `/${locale}/tag/${HIDDEN_TAG}/page/2`]) {
        const response = await request.get(url);
        expect(response.status(), url).toBe(404);
        const text = await response.text();
        expectNothingHidden(text, url, false);
        expectAbsent(text, 'Zwaluwstaart Dossier', `${url}: the tag's name`);
      }
    }
  });

  // A listing that certainly runs to three pages: the fixtures' archive (45 articles).
  const PAGED_LISTINGS = new Set(['/en/section/archive']);

  test('the listings, with JavaScript and "load more", in a real browser', async ({ page }) => {
    let loadedMore = 0;
    for (const url of ['/', '/rubriek/voetbal', '/video', '/tag/transfers', '/en', '/en/section/football', '/en/video', '/en/section/archive', '/en/author/rian-rosendaal']) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.locator('main a[href^="/nieuws/"], main a[href^="/en/news/"]').first()).toBeVisible();
      const loadMore = page.getByRole('button', { name: /^(Meer laden|Load more)$/ });
      // The button appears only once the listing has hydrated: wait for it where there is more to load.
      if (PAGED_LISTINGS.has(url)) await expect(loadMore).toBeVisible();
      else await page.waitForLoadState('networkidle');
      for (let round = 0; round < 5 && (await loadMore.count()) > 0; round += 1) {
        const before = await page.locator('main article').count();
        await loadMore.click();
        await expect.poll(() => page.locator('main article').count()).toBeGreaterThan(before);
        loadedMore += 1;
      }
      expectNothingHidden(await page.locator('body').innerText(), `${url} in the browser`);
      expectNothingHidden(await page.content(), `${url} in the browser (HTML)`);
    }
    // The long listings really loaded more cards through /api/listings in the browser.
    expect(loadedMore).toBeGreaterThanOrEqual(2);
  });

  test('a public article that shares a tag and section with the drafts does not link them as related', async ({ request }) => {
    const tagPage = await (await request.get('/tag/transfers')).text();
    const links = [...new Set([...tagPage.matchAll(/href="(\/nieuws\/[a-z0-9-]+)"/g)].map((match) => match[1] as string))];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const response = await request.get(link);
      expect(response.status(), link).toBe(200);
      expectNothingHidden(await response.text(), link);
    }
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('search', () => {
  test('finds public articles, and nothing of the hidden ones, in both editions', async ({ page, request }) => {
    // The search works at all: a word of a public article is found.
    await page.goto('/zoeken?q=hamstringblessure');
    await expect(page.getByRole('status')).toContainText('resultaat');

    // The query echoes the secret back, so the visible page is checked without the echo.
    const secretQueries: Array<[string, RegExp]> = [
      [`/zoeken?q=${SECRET}`, /^Geen resultaten voor/],
      [`/zoeken?q=${SECRET.toLowerCase()}`, /^Geen resultaten voor/],
      [`/zoeken?q=${SECRET}*`, /^Geen resultaten voor/],
      ['/zoeken?q=Zwaluw*', /^Geen resultaten voor/],
      [`/en/search?q=${SECRET}`, /^No results for/],
      [`/en/search?q=${encodeURIComponent(`"${SECRET} final"`)}`, /^No results for/],
    ];
    for (const [url, status] of secretQueries) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByRole('status'), url).toHaveText(status);
      await expect(page.locator('main article'), url).toHaveCount(0);
      for (const article of HIDDEN) await expect(page.getByText(article.title), url).toHaveCount(0);
      const html = await page.content();
      for (const article of HIDDEN) {
        expect(html, `${url}: no title`).not.toContain(article.title);
        expect(html, `${url}: no link`).not.toContain(articlePath(article.locale, article.slug));
      }
      for (const word of CODE_WORDS) expect(html).not.toContain(word);
    }

    // Words only the hidden bodies contain, in queries that do not echo the secret: the whole HTML is clean.
    for (const word of CODE_WORDS) {
      for (const url of [`/zoeken?q=${word}`, `/en/search?q=${word}`, `/zoeken?q=${word}&pagina=2`]) {
        const response = await request.get(url);
        expect([200, 404], url).toContain(response.status());
        const text = await response.text();
        expect(text.toLowerCase()).not.toContain(SECRET.toLowerCase());
        for (const article of HIDDEN) expect(text).not.toContain(article.title);
      }
    }
    // A title word of a hidden article that public articles also use: no hidden result among them.
    for (const url of ['/zoeken?q=transfer', '/zoeken?q=finale', '/en/search?q=signs', '/en/search?q=final']) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expectNothingHidden(await response.text(), url);
    }
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('feeds and sitemaps', () => {
  test('the RSS feeds, front and per section, in both editions', async ({ request }) => {
    const feeds = ['/feed.xml', '/en/feed.xml', '/nl/feed.xml'];
    for (const section of SECTIONS) feeds.push(section.locale === 'nl' ? `/rubriek/${section.slug}/feed.xml` : `/en/section/${section.slug}/feed.xml`);
    let items = 0;
    for (const url of feeds) {
      for (const headers of [undefined, { Cookie: FORGED_BYPASS }]) {
        const response = await request.get(url, { headers });
        expect(response.status(), url).toBe(200);
        const text = await response.text();
        expect(response.headers()['content-type']).toMatch(/xml/);
        expectNothingHidden(text, url);
        items += (text.match(/<item>/g) ?? []).length;
      }
    }
    const front = await (await request.get('/feed.xml')).text();
    expect((front.match(/<item>/g) ?? []).length).toBeGreaterThan(5);
    expect(items).toBeGreaterThan(50);
  });

  test('the sitemap index, every sitemap it lists, and the news sitemap', async ({ request, baseURL }) => {
    const index = await request.get('/sitemap.xml');
    expect(index.status()).toBe(200);
    const indexText = await index.text();
    expectNothingHidden(indexText, '/sitemap.xml');
    const sitemaps = [...indexText.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => (match[1] as string).replace(baseURL ?? '', ''));
    expect(sitemaps.length).toBeGreaterThanOrEqual(3);
    expect(sitemaps).toContain('/news-sitemap.xml');
    expect(sitemaps).toContain('/sitemaps/pages.xml');

    let urls = 0;
    for (const url of [...new Set([...sitemaps, '/news-sitemap.xml', '/sitemaps/pages.xml', '/sitemaps/articles/1.xml'])]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      const text = await response.text();
      expectNothingHidden(text, url);
      expect(text, `${url}: no page of the hidden tag`).not.toContain(`/tag/${HIDDEN_TAG}`);
      urls += (text.match(/<loc>/g) ?? []).length;
    }
    expect(urls).toBeGreaterThan(100);
    // The next part after the last one is a 404, not a list of something else.
    const parts = sitemaps.filter((url) => url.startsWith('/sitemaps/articles/'));
    expect(parts.length).toBeGreaterThan(0);
    const after = await request.get(`/sitemaps/articles/${parts.length + 1}.xml`);
    expect(after.status()).toBe(404);
    expectNothingHidden(await after.text(), 'the sitemap part after the last');
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('the desk and the preview surfaces without a session', () => {
  test('desk pages for hidden articles redirect to sign-in and show nothing', async ({ request }) => {
    const paths = [
      '/redactie',
      '/redactie?status=draft',
      `/redactie/artikelen/${DUTCH_DRAFT.id}`,
      `/redactie/artikelen/${DUTCH_DRAFT.id}/versies`,
      `/en/desk/articles/${ENGLISH_DRAFT.id}`,
      `/en/desk/articles/${ENGLISH_DRAFT.id}/revisions`,
      `/nl/desk/articles/${DUTCH_VIDEO_DRAFT.id}`,
    ];
    for (const url of paths) {
      for (const headers of [undefined, { Cookie: `${FORGED_SESSION}; ${FORGED_BYPASS}` }]) {
        const response = await request.get(url, { maxRedirects: 0, headers });
        expect([307, 308], url).toContain(response.status());
        expect(response.headers()['location'] ?? '', url).toMatch(/^\/(redactie|en\/desk)(\/|\?|$)/);
        // The sign-in page repeats the address asked for (its `next`), so ids may appear; titles and text may not.
        expectNothingHidden(await response.text(), url, false);
        const followed = await request.get(url, { headers });
        expect(followed.status(), url).toBe(200);
        expect(followed.url(), url).toMatch(/\/(redactie\/inloggen|en\/desk\/sign-in)\?next=/);
        const text = await followed.text();
        expectNothingHidden(text, `${url} followed`, false);
        for (const article of HIDDEN) expectAbsent(text, articlePath(article.locale, article.slug), `${url} followed: an article address`);
      }
    }
  });

  test('"Preview" without a session is a 401 that sets no cookie, whatever is sent along', async ({ request }) => {
    const attempts: Array<[string, Record<string, string> | undefined]> = [];
    for (const article of HIDDEN) {
      attempts.push([`/api/preview?id=${article.id}`, undefined]);
      attempts.push([`/api/preview?id=${article.id}`, { Cookie: FORGED_SESSION }]);
      attempts.push([`/api/preview?id=${article.id}`, { Cookie: `${FORGED_SESSION}; ${FORGED_BYPASS}` }]);
    }
    attempts.push(['/api/preview?id=e2e-never-existed', undefined]);
    attempts.push(['/api/preview', undefined]);
    attempts.push([`/api/preview?id=${DUTCH_DRAFT.id}&slug=${DUTCH_DRAFT.slug}`, { 'Sec-Fetch-Site': 'same-origin' }]);
    expect(attempts.length).toBeGreaterThan(HIDDEN.length * 3);
    for (const [url, headers] of attempts) {
      const response = await request.get(url, { maxRedirects: 0, headers });
      expect(response.status(), url).toBe(401);
      expect(response.headers()['location'], url).toBeUndefined();
      expect(draftModeCookies(response), `${url}: no Draft Mode cookie`).toEqual([]);
      expectNothingHidden(await response.text(), url, false);
    }
  });

  test('shared preview links that are forged, altered or expired answer 401, set no cookie and show nothing', async ({ request, baseURL }) => {
    const valid = await recordedShareLink({ id: ENGLISH_DRAFT.id, locale: 'en' }, { siteUrl: baseURL ?? '' });
    const token = new URL(valid.url).pathname.split('/').at(-1) ?? '';
    const [version, id, seconds, signature] = token.split('.') as [string, string, string, string];
    expect(signature).toHaveLength(43);

    // The probe is meaningful: the valid link does open the draft, without a cookie.
    const opened = await request.get(`/en/preview/${token}`, { maxRedirects: 0 });
    expect(opened.status()).toBe(200);
    expect(await opened.text()).toContain(ENGLISH_DRAFT.title);
    expect(setCookies(opened)).toEqual([]);

    const flip = (text: string, at: number) => {
      const current = text.charAt(at);
      return text.slice(0, at) + (current === 'A' ? 'B' : 'A') + text.slice(at + 1);
    };
    const tokens: Array<[string, string]> = [
      ['a signature with one character flipped', [version, id, seconds, flip(signature, 20)].join('.')],
      ['a signature with its first character flipped', [version, id, seconds, flip(signature, 0)].join('.')],
      ['an id with one character flipped', [version, 'e2e-sweep-draft-em', seconds, signature].join('.')],
      ['another hidden article under this signature', [version, DUTCH_DRAFT.id, seconds, signature].join('.')],
      ['a lengthened expiry', [version, id, String(Number(seconds) + 3_600), signature].join('.')],
      ['another version', ['v2', id, seconds, signature].join('.')],
      ['an expired link', signPreviewToken(ENGLISH_DRAFT.id, new Date(Date.now() - 60_000), E2E_PREVIEW_SECRET)],
      ['a link that expired a second ago', signPreviewToken(DUTCH_DRAFT.id, new Date(Date.now() - 1_000), E2E_PREVIEW_SECRET)],
      ['a link signed with another secret', signPreviewToken(ENGLISH_DRAFT.id, new Date(Date.now() + 3_600_000), 'not-the-site-secret-but-long-enough-0123')],
      ['a link signed with an empty secret', signPreviewToken(ENGLISH_DRAFT.id, new Date(Date.now() + 3_600_000), '')],
      ['a token without a signature', [version, id, seconds].join('.')],
      ['a token with an empty signature', [version, id, seconds, ''].join('.')],
      ['garbage', 'dit-is-geen-token'],
      ['an article id alone', DUTCH_DRAFT.id],
      ['an over-long token', `${token}${'A'.repeat(300)}`],
      ['a token with a path in it', encodeURIComponent(`../nieuws/${DUTCH_DRAFT.slug}`)],
    ];
    for (const [name, candidate] of tokens) {
      for (const url of [`/voorvertoning/${candidate}`, `/en/preview/${candidate}`]) {
        const response = await request.get(url, { maxRedirects: 0 });
        expect(response.status(), `${name} at ${url}`).toBe(401);
        expect(setCookies(response), `${name}: no cookie`).toEqual([]);
        expect(response.headers()['x-robots-tag'] ?? '', `${name}: noindex`).toContain('noindex');
        expect(response.headers()['cache-control'] ?? '', `${name}: not cached publicly`).not.toMatch(/public|s-maxage/);
        expectNothingHidden(await response.text(), `${name} at ${url}`, false);
      }
    }
  });

  test('an altered link whose signature still decodes to the same bytes is refused too', async ({ request, baseURL }) => {
    const valid = await recordedShareLink({ id: ENGLISH_DRAFT.id, locale: 'en' }, { siteUrl: baseURL ?? '' });
    const token = new URL(valid.url).pathname.split('/').at(-1) ?? '';
    const [version, id, seconds, signature] = token.split('.') as [string, string, string, string];
    // 43 base64url characters hold 258 bits for a 256-bit signature: the last character's two low
    // bits are padding that decoders ignore. Changing them alters the link without changing the
    // decoded bytes; the link is no longer the one the site issued, so it must be refused.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.charAt(42));
    expect(last % 4, 'the site writes the canonical encoding').toBe(0);
    const aliases = [1, 2, 3].map((bits) => [version, id, seconds, signature.slice(0, 42) + alphabet.charAt(last + bits)].join('.'));
    for (const alias of aliases) {
      expect(alias).not.toBe(token);
      expect(Buffer.from(alias.split('.')[3] ?? '', 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
      const response = await request.get(`/en/preview/${alias}`, { maxRedirects: 0 });
      expect(response.status(), `/en/preview/${alias}`).toBe(401);
      expect(setCookies(response)).toEqual([]);
      expectNothingHidden(await response.text(), `/en/preview/${alias}`, false);
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** The public site as a visitor without a session sees it right now. */
async function expectPublicView(request: APIRequestContext, label: string) {
  for (const article of [DUTCH_DRAFT, DUTCH_VIDEO_DRAFT, ENGLISH_DRAFT]) {
    const response = await request.get(articlePath(article.locale, article.slug), { maxRedirects: 0 });
    expect(response.status(), `${label}: ${article.id} is a 404`).toBe(404);
    expectNothingHidden(await response.text(), `${label}: ${article.id}`, false);
    // The client router's payload for the same URL too.
    // (In Draft Mode Next streams the not-found payload with a 200; its content is what counts.)
    const rsc = await walk(request, articlePath(article.locale, article.slug), { RSC: '1' });
    expect([200, 404], `${label}: the RSC payload of ${article.id}`).toContain(rsc.response.status());
    expectNothingHidden(rsc.text, `${label}: the RSC payload of ${article.id}`, false);
  }
  for (const url of ['/', '/en', '/rubriek/voetbal', '/en/section/football', '/video', '/en/video', '/tag/transfers', '/feed.xml', '/en/feed.xml', '/news-sitemap.xml']) {
    const response = await request.get(url);
    expect(response.status(), `${label}: ${url}`).toBe(200);
    expectNothingHidden(await response.text(), `${label}: ${url}`);
  }
}

async function newVisitor(browser: Browser, baseURL: string | undefined) {
  return browser.newContext({ baseURL, locale: 'nl-NL' });
}

test.describe('an editor in Draft Mode and a visitor at the same time', () => {
  test('the editor sees the drafts on their real URLs, privately and unindexed; the visitor keeps the public site', async ({ browser, baseURL }) => {
    const editor = await newVisitor(browser, baseURL);
    const editorPage = await editor.newPage();
    await signIn(editorPage);
    // A link on another site cannot switch the signed-in editor's browser into Draft Mode.
    const crossSite = await editor.request.get(`/api/preview?id=${DUTCH_DRAFT.id}`, { maxRedirects: 0, headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(crossSite.status()).toBe(403);
    expect(draftModeCookies(crossSite)).toEqual([]);
    expect((await editor.cookies()).map((cookie) => cookie.name)).not.toContain(BYPASS_COOKIE);
    const visitor = await newVisitor(browser, baseURL);
    const visitorPage = await visitor.newPage();

    for (const article of [DUTCH_VIDEO_DRAFT, ENGLISH_DRAFT, DUTCH_DRAFT]) {
      const url = articlePath(article.locale, article.slug);
      const preview = await editorPage.goto(`/api/preview?id=${article.id}`);
      expect(new URL(editorPage.url()).pathname).toBe(url);
      expect(preview?.status()).toBe(200);
      const headers = (await preview?.allHeaders()) ?? {};
      expectPrivateNoStore(headers, `the preview of ${article.id}`);
      expect(headers['x-robots-tag'] ?? '').toContain('noindex');
      await expect(editorPage.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      await expect(editorPage.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
      await expect(editorPage.getByRole('complementary', { name: article.locale === 'nl' ? 'Voorvertoning' : 'Preview' })).toBeVisible();

      // At the same moment, in another browser: the same URL, several times, interleaved with the editor's renders.
      const burst = await Promise.all(
        Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? editor.request.get(url) : visitor.request.get(url, { maxRedirects: 0 }))),
      );
      burst.forEach((response, index) => {
        if (index % 2 === 0) {
          expect(response.status(), `the editor's render ${index}`).toBe(200);
          expectPrivateNoStore(response.headers(), `the editor's render ${index}`);
        } else {
          expect(response.status(), `the visitor's request ${index} during the preview`).toBe(404);
        }
      });
      for (const response of burst.filter((_, index) => index % 2 === 1)) expectNothingHidden(await response.text(), `the visitor during the preview of ${article.id}`, false);

      // The flight payload carries the draft for the editor (so the probes on it would see a leak), never for the visitor.
      const [editorFlight, visitorFlight] = await Promise.all([walk(editor.request, url, { RSC: '1' }), walk(visitor.request, url, { RSC: '1' })]);
      expect(editorFlight.text).toContain(article.title);
      expectPrivateNoStore(editorFlight.response.headers(), `the editor's flight payload of ${article.id}`);
      expectNothingHidden(visitorFlight.text, `the visitor's flight payload of ${article.id}`, false);

      const seen = await visitorPage.goto(url);
      expect(seen?.status()).toBe(404);
      await expect(visitorPage.getByText(article.title)).toHaveCount(0);
      await expect(visitorPage.getByRole('complementary', { name: /Voorvertoning|Preview/ })).toHaveCount(0);
    }

    // The editor, still in Draft Mode, walks the listings and feeds (rendered for them per request);
    // the visitor, in between and afterwards, still gets the public documents.
    for (const url of ['/', '/en', '/rubriek/voetbal', '/en/section/football', '/video', '/tag/transfers', '/feed.xml', '/news-sitemap.xml']) {
      const [mine, theirs] = await Promise.all([editor.request.get(url), visitor.request.get(url)]);
      expect(mine.status(), `the editor at ${url}`).toBe(200);
      expect(theirs.status(), `the visitor at ${url}`).toBe(200);
      expectNothingHidden(await theirs.text(), `the visitor at ${url} while the editor is in Draft Mode`);
    }
    await expectPublicView(visitor.request, 'the visitor after the previews');

    // The editor's Draft Mode cookie, copied into a browser without the session, opens nothing.
    const bypass = (await editor.cookies()).find((cookie) => cookie.name === BYPASS_COOKIE);
    expect(bypass).toBeDefined();
    const copycat = await newVisitor(browser, baseURL);
    await copycat.addCookies([bypass!]);
    await expectPublicView(copycat.request, 'a browser with the copied Draft Mode cookie');
    await copycat.close();

    // A brand-new visitor after everything: the shared caches hold only the public site.
    const later = await newVisitor(browser, baseURL);
    await expectPublicView(later.request, 'a new visitor after the previews');
    await later.close();

    await visitor.close();
    await editor.close();
  });
});
