/**
 * The content reads that pages make, cached and tagged.
 *
 * Pages call these, never lib/data directly: each wraps a data-layer read in React `cache` (one
 * query per render even when generateMetadata and the page both ask) and in Next's data cache with
 * the tags from lib/cache/tags.ts, which also attach those tags to the statically cached page. The
 * data layer itself only ever returns public content (published, publishedAt ≤ now), so nothing
 * cached here can contain a draft.
 */
import { cacheTags, RELATED_REVALIDATE_SECONDS } from '@/lib/cache/tags';
import { getDatabase } from '@/lib/db/connection';
import {
  countPublicArticles,
  getPublicArticle,
  listingPageCursor,
  listPublicArticles,
  type PublicArticleResult,
  relatedArticles,
  type RelatedQuery,
  searchPublicArticles,
} from '@/lib/data/articles';
import { getAuthor, getSection, getTag, listSections } from '@/lib/data/taxonomy';
import type { Article } from '@/lib/content/model';
import { isSlug } from '@/lib/content/slug';
import type { Locale } from '@/lib/i18n/locales';
import { cachedRead } from '@/lib/cache/cached-read';

export type ListingFilter = {
  locale: Locale;
  section?: string;
  tag?: string;
  author?: string;
  video?: boolean;
};


const listingTags = (filter: ListingFilter) => [cacheTags.listings(filter.locale), cacheTags.taxonomy()];


const getArticleBySlug = cachedRead(
  ['article'],
  ([locale, slug]) => [cacheTags.slug(locale, slug), cacheTags.taxonomy()],
  async (locale: Locale, slug: string) => getPublicArticle(await getDatabase(), locale, slug),
);

/**
 * The public article at `slug` (or where an old slug moved to), depending on that slug alone: a
 * write to another article never expires it. A string that cannot be a slug is not looked up.
 */
export async function getArticle(locale: Locale, slug: string): Promise<PublicArticleResult> {
  return isSlug(slug) ? getArticleBySlug(locale, slug) : null;
}

/** Not expired by publishing: see RELATED_REVALIDATE_SECONDS. */
const getRelatedByKey = cachedRead(
  ['related'],
  () => [],
  async (query: RelatedQuery) => relatedArticles(await getDatabase(), query, 6),
  { revalidate: RELATED_REVALIDATE_SECONDS },
);

/** Articles to read next, cached under the fields that decide them (id, locale, section, tags), not the article's text. */
export function getRelatedArticles(article: Article) {
  return getRelatedByKey({ id: article.id, locale: article.locale, section: article.section.slug, tags: article.tags.map((tag) => tag.slug) });
}

export const getListingPage = cachedRead(
  ['listing'],
  ([filter]) => listingTags(filter),
  async (filter: ListingFilter, page: number, pageSize: number) => {
    const database = await getDatabase();
    const cursor = page === 1 ? null : await listingPageCursor(database, filter, page, pageSize);
    if (page > 1 && !cursor) return null;
    const [result, total] = await Promise.all([
      listPublicArticles(database, { ...filter, cursor, limit: pageSize }),
      countPublicArticles(database, filter),
    ]);
    return { ...result, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
  },
);

export const getNavigationSections = cachedRead(['sections'], () => [cacheTags.taxonomy()], async (locale: Locale) =>
  listSections(await getDatabase(), locale),
);

export const getSectionBySlug = cachedRead(['section'], () => [cacheTags.taxonomy()], async (locale: Locale, slug: string) =>
  getSection(await getDatabase(), locale, slug),
);

export const getAuthorBySlug = cachedRead(['author'], () => [cacheTags.taxonomy()], async (slug: string) =>
  getAuthor(await getDatabase(), slug),
);

export const getTagBySlug = cachedRead(['tag'], () => [cacheTags.taxonomy()], async (slug: string) =>
  getTag(await getDatabase(), slug),
);

/** Search is per query and not worth caching server-side; it still reads only public rows. */
export async function searchArticles(locale: Locale, query: string, page: number, pageSize: number) {
  return searchPublicArticles(await getDatabase(), {
    locale,
    query,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
}

const HOME_LATEST = 9;
const HOME_PER_SECTION = 4;
const HOME_VIDEOS = 4;

/** Everything the home front shows, as one cached unit: lead, latest, one block per section, videos. */
export const getHomeFront = cachedRead(
  ['home'],
  ([locale]) => [cacheTags.listings(locale), cacheTags.taxonomy()],
  async (locale: Locale) => {
    const database = await getDatabase();
    const [latest, sections, videos] = await Promise.all([
      listPublicArticles(database, { locale, limit: HOME_LATEST }),
      listSections(database, locale),
      listPublicArticles(database, { locale, video: true, limit: HOME_VIDEOS }),
    ]);
    const sectionBlocks = await Promise.all(
      sections.map(async (section) => ({
        section,
        articles: (await listPublicArticles(database, { locale, section: section.slug, limit: HOME_PER_SECTION })).items,
      })),
    );
    return {
      latest: latest.items,
      sections: sectionBlocks.filter((block) => block.articles.length > 0),
      videos: videos.items,
    };
  },
);
