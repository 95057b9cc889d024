/**
 * The public content reads that pages make, cached and tagged.
 *
 * Public pages call these, never lib/data directly: each wraps a data-layer read in React `cache`
 * (one query per render even when generateMetadata and the page both ask) and in Next's data cache
 * with the tags from lib/cache/tags.ts, which also attach those tags to the statically cached page.
 * The public data-layer reads only ever return public content (published, publishedAt ≤ now), so
 * nothing cached here can contain a draft. Draft Mode reads go around this module (see the article
 * route).
 */
import { cache } from 'react';
import { unstable_cache } from 'next/cache';
import { cacheTags, PAGE_REVALIDATE_SECONDS, RELATED_REVALIDATE_SECONDS } from '@/lib/cache/tags';
import { noteDatabaseFailure } from '@/lib/db/availability';
import { getDatabase } from '@/lib/db/connection';
import { getPublicArticle, type PublicArticleResult, searchPublicArticles } from '@/lib/data/articles';
import { countPublicArticles, listingPageCursor, listPublicArticles } from '@/lib/data/listing';
import { relatedArticles, RELATED_COUNT, type RelatedQuery } from '@/lib/data/related';
import { getAuthor, getSection, getTag, listSections } from '@/lib/data/taxonomy';
import { isSlug } from '@/lib/content/slug';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Wraps a read in React `cache` (once per render, however many components ask) and in Next's data
 * cache under `tags`, which also attaches those tags to the statically cached page or route that
 * made the read, so revalidating a tag refreshes both. `revalidate` (seconds, default
 * PAGE_REVALIDATE_SECONDS) bounds how long the read is kept without a tag revalidation; a page
 * that makes the read is regenerated at least that often.
 */
export function cachedRead<Args extends unknown[], Result>(
  keyParts: string[],
  tags: (args: NoInfer<Args>) => string[],
  read: (...args: Args) => Promise<Result>,
  options: { revalidate?: number } = {},
): (...args: Args) => Promise<Result> {
  // A read that cannot reach the database tells the proxy, which then answers pages with the 503
  // page until the database is back (lib/db/health.ts).
  const watched = async (...args: Args): Promise<Result> => {
    try {
      return await read(...args);
    } catch (error) {
      noteDatabaseFailure(error);
      throw error;
    }
  };
  return cache((...args: Args) =>
    unstable_cache(() => watched(...args), [...keyParts, JSON.stringify(args)], {
      tags: tags(args),
      revalidate: options.revalidate ?? PAGE_REVALIDATE_SECONDS,
    })(),
  );
}

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
 * The article route and its update-check endpoint share this one cache entry.
 */
export async function getArticle(locale: Locale, slug: string): Promise<PublicArticleResult> {
  return isSlug(slug) ? getArticleBySlug(locale, slug) : null;
}

/** Not expired by publishing: see RELATED_REVALIDATE_SECONDS. */
const getRelatedByKey = cachedRead(
  ['related'],
  () => [],
  async (query: RelatedQuery) => relatedArticles(await getDatabase(), query, RELATED_COUNT),
  { revalidate: RELATED_REVALIDATE_SECONDS },
);

/**
 * Articles to read next, cached under the fields that decide them (lib/data/related.ts
 * `relatedQuery`: id, locale, section, tags), never under the article's text.
 */
export function getRelatedArticles(query: RelatedQuery) {
  return getRelatedByKey(query);
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

/** One page of a listing as {@link getListingPage} reads it: its cards, next cursor and page count. */
export type ListingPageData = NonNullable<Awaited<ReturnType<typeof getListingPage>>>;

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

/** What the home front shows (see {@link getHomeFront}). */
export type HomeFrontData = Awaited<ReturnType<typeof getHomeFront>>;
