/**
 * Sitemaps, the news sitemap, robots.txt and RSS feeds: the cached reads behind them and the
 * documents the route handlers serve.
 *
 * The route handlers (app/sitemap.xml, app/sitemaps/…, app/news-sitemap.xml, app/robots.txt,
 * app/[locale]/feed.xml, app/[locale]/section/[slug]/feed.xml) are static and revalidated every
 * {@link PAGE_REVALIDATE_SECONDS}, and sooner by tag: every read here is wrapped in `unstable_cache`
 * with `cacheTags.listings(locale)` (plus `taxonomy` where names or sections appear), and those
 * tags are attached to the cached response, so publishing or changing an article regenerates the
 * sitemaps and feeds that list it. The data layer only returns public content (published,
 * published_at ≤ now), so nothing here can list a draft or a scheduled article.
 */
import { getTranslations } from 'next-intl/server';
import { cacheTags } from '@/lib/cache/tags';
import { getDatabase } from '@/lib/db/connection';
import {
  listArticleSitemapLastmods,
  listFeedArticles,
  listListingSitemapEntries,
  listPublicArticleUrls,
  listRecentPublicArticles,
} from '@/lib/data/seo';
import { intlLocale } from '@/lib/dates/format';
import { locales, type Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { localeFeedPath, sectionFeedPath } from '@/lib/seo/feed-paths';
import { absoluteUrl } from '@/lib/seo/metadata';
import { buildNewsSitemap, NEWS_MAX_URLS, NEWS_WINDOW_MS } from '@/lib/seo/news-sitemap';
import { buildRss, imageMimeType, type RssItem } from '@/lib/seo/rss';
import { buildSitemapIndex, buildUrlset, newestInstant, SITEMAP_MAX_URLS, type SitemapUrl } from '@/lib/seo/sitemap';
import { siteConfig } from './config';
import { getSectionBySlug } from './content';
import { cachedRead } from '@/lib/site/content';

/** How many articles a feed lists. */
export const FEED_SIZE = 50;

/** What shared caches (CDN) may do with these documents: short, and served stale while refreshed. */
export const FEED_CACHE_CONTROL = 'public, s-maxage=300, stale-while-revalidate=600';

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';
export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';
export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** A 200 response with the document and the cache headers every feed and sitemap route sends. */
export function documentResponse(body: string, contentType: string): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': contentType, 'Cache-Control': FEED_CACHE_CONTROL } });
}

/** A plain 404 for a feed or sitemap that does not exist (unknown section, sitemap part past the end). */
export function documentNotFound(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'Content-Type': TEXT_CONTENT_TYPE, 'Cache-Control': FEED_CACHE_CONTROL } });
}

const allListings = () => locales.map((locale) => cacheTags.listings(locale));


const getListingSitemapEntries = cachedRead(['seo-listing-entries'], () => [...allListings(), cacheTags.taxonomy()], async () =>
  listListingSitemapEntries(await getDatabase(), locales),
);

/** The lastmod of each articles sitemap part, newest part first; its length is the number of parts. */
const getArticleSitemapLastmods = cachedRead(['seo-article-parts'], () => allListings(), async () =>
  listArticleSitemapLastmods(await getDatabase(), SITEMAP_MAX_URLS),
);

const getNewsSitemapCandidates = cachedRead(['seo-news'], () => allListings(), async () => {
  const now = new Date();
  return listRecentPublicArticles(await getDatabase(), { since: new Date(now.getTime() - NEWS_WINDOW_MS), limit: NEWS_MAX_URLS, now });
});

const getFeedArticles = cachedRead(
  ['feed'],
  ([locale]) => [cacheTags.listings(locale), cacheTags.taxonomy()],
  async (locale: Locale, section: string | null) =>
    listFeedArticles(await getDatabase(), { locale, ...(section === null ? {} : { section }), limit: FEED_SIZE }),
);

// ---------------------------------------------------------------------------------------------
// URLs

const articleUrl = (locale: Locale, slug: string) => absoluteUrl(getPathname({ locale, href: { pathname: '/news/[slug]', params: { slug } } }));
const sectionPath = (locale: Locale, slug: string) => getPathname({ locale, href: { pathname: '/section/[slug]', params: { slug } } });
const tagPath = (locale: Locale, slug: string) => getPathname({ locale, href: { pathname: '/tag/[slug]', params: { slug } } });
const authorPath = (locale: Locale, slug: string) => getPathname({ locale, href: { pathname: '/author/[slug]', params: { slug } } });

export const SITEMAP_PATHS = {
  index: '/sitemap.xml',
  pages: '/sitemaps/pages.xml',
  articles: (part: number) => `/sitemaps/articles/${part}.xml`,
  news: '/news-sitemap.xml',
} as const;

// ---------------------------------------------------------------------------------------------
// Documents

/** `/sitemap.xml`: the pages sitemap, one articles sitemap per 50,000 public articles, and the news sitemap. */
export async function sitemapIndexXml(): Promise<string> {
  const [listings, articleParts] = await Promise.all([getListingSitemapEntries(), getArticleSitemapLastmods()]);
  const pagesLastmod = newestInstant([...listings.homes, ...listings.sections, ...listings.tags, ...listings.authors].map((entry) => entry.lastmod));
  return buildSitemapIndex([
    { loc: absoluteUrl(SITEMAP_PATHS.pages), ...(pagesLastmod === undefined ? {} : { lastmod: pagesLastmod }) },
    ...articleParts.map((lastmod, index) => ({ loc: absoluteUrl(SITEMAP_PATHS.articles(index + 1)), lastmod })),
    { loc: absoluteUrl(SITEMAP_PATHS.news) },
  ]);
}

/** `/sitemaps/pages.xml`: home fronts, video hubs, sections, tags and authors of every locale. */
export async function pagesSitemapXml(): Promise<string> {
  const listings = await getListingSitemapEntries();
  const url = (path: string, lastmod: string | undefined): SitemapUrl => ({ loc: absoluteUrl(path), ...(lastmod === undefined ? {} : { lastmod }) });
  const withSlug = <T extends { slug?: string }>(entry: T): entry is T & { slug: string } => entry.slug !== undefined;
  return buildUrlset([
    ...listings.homes.map((entry) => url(getPathname({ locale: entry.locale, href: '/' }), entry.lastmod)),
    ...listings.videoHubs.map((entry) => url(getPathname({ locale: entry.locale, href: '/video' }), entry.lastmod)),
    ...listings.sections.filter(withSlug).map((entry) => url(sectionPath(entry.locale, entry.slug), entry.lastmod)),
    ...listings.tags.filter(withSlug).map((entry) => url(tagPath(entry.locale, entry.slug), entry.lastmod)),
    ...listings.authors.filter(withSlug).map((entry) => url(authorPath(entry.locale, entry.slug), entry.lastmod)),
  ]);
}

/**
 * `/sitemaps/articles/{part}.xml` (1-based), or null when there is no such part. Only the list of
 * parts is read through the data cache (which also tags the response); the part's own 50,000 URLs
 * are read directly, because the data cache refuses entries over 2 MB and the route's response is
 * cached as a whole anyway.
 */
export async function articlesSitemapXml(part: number): Promise<string | null> {
  const parts = await getArticleSitemapLastmods();
  if (!Number.isSafeInteger(part) || part < 1 || part > parts.length) return null;
  const entries = await listPublicArticleUrls(await getDatabase(), { offset: (part - 1) * SITEMAP_MAX_URLS, limit: SITEMAP_MAX_URLS });
  return buildUrlset(entries.map((entry) => ({ loc: articleUrl(entry.locale, entry.slug), lastmod: entry.lastModified })));
}

/** `/news-sitemap.xml`: articles of every locale published in the two days before `now`. */
export async function newsSitemapXml(now: Date = new Date()): Promise<string> {
  const candidates = await getNewsSitemapCandidates();
  return buildNewsSitemap(
    { name: siteConfig.name },
    candidates.map((article) => ({
      loc: articleUrl(article.locale, article.slug),
      title: article.title,
      publishedAt: article.publishedAt,
      language: article.locale,
    })),
    now,
  );
}

/** Paths crawlers must stay out of: the editor desk (both locales), the API and shared previews (noindex as well). */
export const ROBOTS_DISALLOW = ['/redactie', '/en/desk', '/api/', '/voorvertoning/', '/en/preview/'] as const;

/** `/robots.txt`. */
export function robotsTxt(): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...ROBOTS_DISALLOW.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${absoluteUrl(SITEMAP_PATHS.index)}`,
    '',
  ].join('\n');
}

/**
 * The RSS feed of a locale (`section` null) or of one of its sections: the newest
 * {@link FEED_SIZE} public articles. Null for a section that does not exist in the locale.
 */
export async function feedXml(locale: Locale, section: string | null): Promise<string | null> {
  const found = section === null ? null : await getSectionBySlug(locale, section);
  if (section !== null && found === null) return null;
  const [articles, tSite, tListing] = await Promise.all([
    getFeedArticles(locale, section),
    getTranslations({ locale, namespace: 'Site' }),
    getTranslations({ locale, namespace: 'ArticleListingPage' }),
  ]);
  const pagePath = found === null ? getPathname({ locale, href: '/' }) : sectionPath(locale, found.slug);
  const selfPath = found === null ? localeFeedPath(locale) : sectionFeedPath(pagePath);
  const items = articles.map(
    (article): RssItem => ({
      title: article.title,
      link: articleUrl(locale, article.slug),
      // The id, not the URL: an article keeps its id when an editor changes its slug.
      guid: { value: `${siteConfig.url}/#article-${article.id}`, isPermaLink: false },
      // The intro, or the opening of the body; an article with neither has no description element.
      ...(article.description === null ? {} : { description: article.description }),
      publishedAt: article.publishedAt,
      categories: [
        { name: article.section.name, domain: absoluteUrl(sectionPath(locale, article.section.slug)) },
        ...article.tags.map((tag) => ({ name: tag.name, domain: absoluteUrl(tagPath(locale, tag.slug)) })),
      ],
      ...(article.leadImage === null
        ? {}
        : {
            image: {
              url: absoluteUrl(article.leadImage.src),
              type: imageMimeType(article.leadImage.src),
              ...(article.leadImage.alt ? { description: article.leadImage.alt } : {}),
            },
          }),
    }),
  );
  return buildRss(
    {
      title: found === null ? siteConfig.name : `${found.name} | ${siteConfig.name}`,
      link: absoluteUrl(pagePath),
      selfUrl: absoluteUrl(selfPath),
      description: found === null ? tSite('tagline') : tListing('sectionDescription', { name: found.name }),
      language: intlLocale(locale),
    },
    items,
  );
}
