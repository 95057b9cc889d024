/**
 * The Google News sitemap: a sitemaps.org `<urlset>` whose URLs carry a `news:news` element.
 *
 * Google's rules: only articles published in the last two days, at most 1,000 URLs per file, each
 * with `news:publication` (`news:name`, `news:language`), `news:publication_date` and `news:title`.
 * {@link selectNewsArticles} applies the window and the cap against an explicit `now`, so the rule
 * is testable and the same whatever zone the server runs in. With nothing recent the file is an
 * empty, well-formed `<urlset>`: the URL stays listed in the sitemap index and robots.txt, and
 * crawlers find it again when news arrives.
 */
import { isoInstant } from '@/lib/dates/format';
import { SITEMAP_NAMESPACE, w3cDateTime } from './sitemap';
import { parentElement, textElement, XML_DECLARATION } from './xml';

export const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9';
/** Google News only reads articles published in this window before `now`. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
/** Google News reads at most this many URLs per news sitemap. */
export const NEWS_MAX_URLS = 1000;

export interface NewsSitemapArticle {
  /** Absolute URL of the article. */
  loc: string;
  title: string;
  /** ISO 8601 instant with a zone. */
  publishedAt: string;
  /** ISO 639 language code of the article: `nl`, `en`. */
  language: string;
}

export interface NewsPublication {
  /** The publication's name exactly as it appears on news.google.com (siteConfig.name). */
  name: string;
}

/**
 * The articles a news sitemap may list at `now`: published within the last two days and not in
 * the future, newest first, at most {@link NEWS_MAX_URLS}.
 */
export function selectNewsArticles<T extends Pick<NewsSitemapArticle, 'publishedAt'>>(articles: readonly T[], now: Date): T[] {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('`now` is an invalid Date');
  return articles
    .map((article) => ({ article, ms: Date.parse(isoInstant(article.publishedAt)) }))
    .filter(({ ms }) => ms <= nowMs && nowMs - ms <= NEWS_WINDOW_MS)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, NEWS_MAX_URLS)
    .map(({ article }) => article);
}

/** The news sitemap for `now`; articles outside the window or over the cap are left out. */
export function buildNewsSitemap(publication: NewsPublication, articles: readonly NewsSitemapArticle[], now: Date): string {
  const body = selectNewsArticles(articles, now).map((article) =>
    parentElement('url', [
      textElement('loc', article.loc),
      parentElement('news:news', [
        parentElement('news:publication', [textElement('news:name', publication.name), textElement('news:language', article.language)]),
        textElement('news:publication_date', w3cDateTime(article.publishedAt)),
        textElement('news:title', article.title),
      ]),
    ]),
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:news="${NEWS_NAMESPACE}">`, ...body, '</urlset>', ''].join('\n');
}
