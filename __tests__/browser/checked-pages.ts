/**
 * The pages the HTML validity and accessibility suites check: one of every public page type and
 * every desk screen, in both locales. Addresses that depend on the content (an article, a section,
 * a tag, an author, an article to edit) are found by following the site's own links, from the
 * front page and the fixtures, so a change in the demo content does not leave a page type unchecked.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Locale } from '@/lib/i18n/locales';
import { TEST_ADMIN, TEST_EDITOR } from './accounts';
import { recordedShareLink } from './share-links';

export interface CheckedPage {
  /** What the page is, for the report: "nl article (hostile fixture)". */
  name: string;
  path: string;
  /** The status the page answers with (a 404 page is checked as a 404). */
  status: number;
}

/** The fixtures (__tests__/fixtures/browser): the richest and the most hostile content, and a listing long enough for a page 2. */
const ARCHIVE_PAGE_2 = '/en/section/archive?page=2';
const REFERENCE_ARTICLE = { id: 'e2e-reference-article', path: '/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag' };
const HOSTILE_ARTICLE = '/nieuws/vijandige-tekst-blijft-tekst';
const DRAFT_ARTICLE_ID = 'e2e-draft-article';

const PATHS = {
  nl: { front: '/', article: '/nieuws/', section: '/rubriek/', tag: '/tag/', author: '/auteur/', video: '/video', search: '/zoeken', missing: '/bestaat-niet' },
  en: { front: '/en', article: '/en/news/', section: '/en/section/', tag: '/en/tag/', author: '/en/author/', video: '/en/video', search: '/en/search', missing: '/en/does-not-exist' },
} as const;

const DESK_PATHS = {
  nl: { signIn: '/redactie/inloggen', list: '/redactie', new: '/redactie/artikelen/nieuw', edit: '/redactie/artikelen/', revisions: '/versies', media: '/redactie/media', users: '/redactie/gebruikers', sections: '/redactie/rubrieken', authors: '/redactie/auteurs', password: '/redactie/wachtwoord', audit: '/redactie/logboek' },
  en: { signIn: '/en/desk/sign-in', list: '/en/desk', new: '/en/desk/articles/new', edit: '/en/desk/articles/', revisions: '/revisions', media: '/en/desk/media', users: '/en/desk/users', sections: '/en/desk/sections', authors: '/en/desk/authors', password: '/en/desk/password', audit: '/en/desk/audit' },
} as const;

/** The first link in `html` whose path starts with `prefix` (query and fragment dropped). */
function firstLink(html: string, prefix: string, label: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`href="(${escaped}[^"?#]+)"`).exec(html)?.[1];
  if (found === undefined) throw new Error(`no link to ${prefix}… on the page for ${label}`);
  return found.replace(/&amp;/g, '&');
}

async function html(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return response.text();
}

/** Every public page type in `locale`, found through the site's links. */
export async function publicPages(request: APIRequestContext, locale: Locale): Promise<CheckedPage[]> {
  const paths = PATHS[locale];
  const front = await html(request, paths.front);
  const article = locale === 'nl' ? REFERENCE_ARTICLE.path : firstLink(front, paths.article, 'an article');
  const articleHtml = await html(request, article);
  const section = firstLink(front, paths.section, 'a section');
  const videoArticle = firstLink(await html(request, paths.video), paths.article, 'a video article');
  const pages: CheckedPage[] = [
    { name: `${locale} front`, path: paths.front, status: 200 },
    { name: `${locale} article${locale === 'nl' ? ' (reference fixture)' : ''}`, path: article, status: 200 },
    { name: `${locale} video article`, path: videoArticle, status: 200 },
    { name: `${locale} section`, path: section, status: 200 },
    { name: `${locale} tag`, path: firstLink(articleHtml, paths.tag, 'a tag'), status: 200 },
    { name: `${locale} author`, path: firstLink(articleHtml, paths.author, 'an author'), status: 200 },
    { name: `${locale} video hub`, path: paths.video, status: 200 },
    { name: `${locale} search, no query`, path: paths.search, status: 200 },
    { name: `${locale} search with results`, path: `${paths.search}?q=Dijkstad`, status: 200 },
    { name: `${locale} search without results`, path: `${paths.search}?q=zxqvjw`, status: 200 },
    { name: `${locale} 404`, path: paths.missing, status: 404 },
  ];
  if (locale === 'en') pages.splice(4, 0, { name: 'en section, page 2 (archive fixture)', path: ARCHIVE_PAGE_2, status: 200 });
  if (locale === 'nl') {
    pages.splice(2, 0, { name: 'nl article (hostile fixture)', path: HOSTILE_ARTICLE, status: 200 });
    const link = new URL((await recordedShareLink({ id: DRAFT_ARTICLE_ID, locale: 'nl' }, { siteUrl: 'http://site.test' })).url);
    pages.push({ name: 'nl shared preview', path: link.pathname, status: 200 });
    pages.push({ name: 'nl shared preview, refused', path: `${link.pathname.slice(0, -4)}AAAA`, status: 401 });
  }
  return pages;
}

export type DeskAccount = typeof TEST_EDITOR | typeof TEST_ADMIN;

/** The sign-in page, checked signed out. */
export const signInPage = (locale: Locale): CheckedPage => ({ name: `${locale} desk sign-in`, path: DESK_PATHS[locale].signIn, status: 200 });

/** Signs `page`'s context in (the cookie then serves both locales and `page.context().request`). */
export async function signIn(page: Page, account: DeskAccount) {
  await page.goto(DESK_PATHS.nl.signIn);
  await page.getByLabel('E-mailadres').fill(account.email);
  await page.getByLabel('Wachtwoord').fill(account.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).not.toHaveURL(/inloggen/);
}

/** Every desk screen in `locale` for a signed-in admin, and an admin screen as an editor sees it (403). */
export function deskPages(locale: Locale): { admin: CheckedPage[]; editor: CheckedPage[] } {
  const paths = DESK_PATHS[locale];
  const edit = `${paths.edit}${REFERENCE_ARTICLE.id}`;
  return {
    admin: [
      { name: `${locale} desk article list`, path: paths.list, status: 200 },
      { name: `${locale} desk new article`, path: paths.new, status: 200 },
      { name: `${locale} desk edit article`, path: edit, status: 200 },
      { name: `${locale} desk revisions`, path: `${edit}${paths.revisions}`, status: 200 },
      { name: `${locale} desk media`, path: paths.media, status: 200 },
      { name: `${locale} desk users`, path: paths.users, status: 200 },
      { name: `${locale} desk sections`, path: paths.sections, status: 200 },
      { name: `${locale} desk authors`, path: paths.authors, status: 200 },
      { name: `${locale} desk password`, path: paths.password, status: 200 },
      { name: `${locale} desk audit log`, path: paths.audit, status: 200 },
    ],
    editor: [
      { name: `${locale} desk users, forbidden to an editor`, path: paths.users, status: 403 },
      { name: `${locale} desk audit log, forbidden to an editor`, path: paths.audit, status: 403 },
    ],
  };
}
