/**
 * Public reads for sitemaps, the news sitemap and feeds.
 *
 * Like every public read in lib/data, each applies the one visibility rule (`isPublic`, published
 * and published_at <= now), on the table that drives the query, so drafts, scheduled articles and
 * articles with a future time never reach a sitemap or a feed. `now` is a parameter so tests pin
 * the clock. Sitemap reads select only the few columns a `<url>` needs: a sitemap file holds up to
 * 50,000 of them, and loading whole summaries for that would be wasteful.
 */
import { sql } from 'kysely';
import { articleDescription } from '@/lib/content/description';
import type { ArticleSummary, AuthorRef, Tag } from '@/lib/content/model';
import { sortSections } from '@/lib/content/sections';
import type { Database } from '@/lib/db/connection';
import type { Locale } from '@/lib/i18n/locales';
import { loadArticleRelations, parseBody } from './articles';
import { listPublicArticles } from './listing';
import { toIso, toLocale, toSection } from './reshape';
import { isPublic } from './visibility';

/** One article URL of a sitemap. */
export interface ArticleSitemapEntry {
  locale: Locale;
  slug: string;
  /** ISO 8601 in UTC: the shown update, else the publication (lib/content/updates.ts `lastModified`). */
  lastModified: string;
}

/**
 * lib/content/updates.ts's `lastModified` in SQL, for aggregates over many articles (sitemap
 * `lastmod`): `updated_at` when it is after `published_at`, else `published_at`. Only for public
 * rows, whose `published_at` is never null. A test holds it to the TypeScript rule.
 */
export const lastModifiedSql = sql<number>`(case when articles.updated_at > articles.published_at then articles.updated_at else articles.published_at end)`;

/** The articles sitemaps' order: all locales together, newest first (published_at DESC, id DESC). */
function publicArticlesNewestFirst(database: Database, now: Date) {
  return database.db
    .selectFrom('articles')
    .where(isPublic('articles', now))
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc');
}

/** How many public articles there are, in all locales. */
export async function countPublicArticleUrls(database: Database, now: Date = new Date()): Promise<number> {
  const row = await database.db
    .selectFrom('articles')
    .where(isPublic('articles', now))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * Public articles of all locales, newest first, `limit` of them from position `offset` (0-based):
 * the URLs of one articles sitemap file.
 */
export async function listPublicArticleUrls(
  database: Database,
  { offset, limit, now = new Date() }: { offset: number; limit: number; now?: Date },
): Promise<ArticleSitemapEntry[]> {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`offset must be a whole number ≥ 0, got ${offset}`);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number ≥ 1, got ${limit}`);
  const rows = await publicArticlesNewestFirst(database, now)
    .select(['articles.id', 'articles.locale', 'articles.slug', lastModifiedSql.as('last_modified')])
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((row) => ({
    locale: toLocale(row.locale, `article ${row.id}`),
    slug: row.slug,
    lastModified: toIso(Number(row.last_modified)),
  }));
}

/**
 * The newest last modification of each consecutive block of `size` public articles (in the articles
 * sitemaps' order): the `lastmod` of each articles sitemap in the index. One entry per file, in
 * file order; none when there are no public articles.
 */
export async function listArticleSitemapLastmods(database: Database, size: number, now: Date = new Date()): Promise<string[]> {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`size must be a whole number ≥ 1, got ${size}`);
  // The size is a literal (checked above): a bound parameter is a float in SQLite, which would turn
  // the integer division into a fractional one.
  const { rows } = await sql<{ part: number | string; lastmod: number | string }>`
    select part, max(last_modified) as lastmod from (
      select (row_number() over (order by published_at desc, id desc) - 1) / ${sql.lit(size)} as part, ${lastModifiedSql} as last_modified
      from articles
      where ${isPublic('articles', now)}
    ) numbered
    group by part
    order by part
  `.execute(database.db);
  return rows.map((row) => toIso(Number(row.lastmod)));
}

/** A listing URL of the pages sitemap, with the newest last modification of what it lists (if anything). */
export interface ListingSitemapEntry {
  locale: Locale;
  /** The section, tag or author slug; absent for the home front and the video hub. */
  slug?: string;
  /** ISO 8601 in UTC; absent for a listing without public articles. */
  lastmod?: string;
}

export interface ListingSitemapEntries {
  homes: ListingSitemapEntry[];
  videoHubs: ListingSitemapEntry[];
  sections: ListingSitemapEntry[];
  tags: ListingSitemapEntry[];
  authors: ListingSitemapEntry[];
}

const lastmodOf = (value: number | string | null) => (value === null ? {} : { lastmod: toIso(Number(value)) });

/**
 * Every listing page worth indexing, per locale: each locale's home front and video hub, every
 * section (sections exist before they have articles), and the tags and authors that have at least
 * one public article in that locale (their pages would otherwise be empty, and a tag made only by
 * a draft would leak its subject).
 */
export async function listListingSitemapEntries(database: Database, locales: readonly Locale[], now: Date = new Date()): Promise<ListingSitemapEntries> {
  const { db } = database;
  const [byLocale, videos, sections, sectionDates, tags, authors] = await Promise.all([
    db
      .selectFrom('articles')
      .where(isPublic('articles', now))
      .select(['articles.locale', (eb) => eb.fn.max(lastModifiedSql).as('lastmod')])
      .groupBy('articles.locale')
      .execute(),
    db
      .selectFrom('articles')
      .where(isPublic('articles', now))
      .where('articles.has_video', '=', 1)
      .select(['articles.locale', (eb) => eb.fn.max(lastModifiedSql).as('lastmod')])
      .groupBy('articles.locale')
      .execute(),
    db.selectFrom('sections').select(['locale', 'slug', 'name', 'sort_order']).execute(),
    db
      .selectFrom('articles')
      .where(isPublic('articles', now))
      .select(['articles.locale', 'articles.section_slug', (eb) => eb.fn.max(lastModifiedSql).as('lastmod')])
      .groupBy(['articles.locale', 'articles.section_slug'])
      .execute(),
    db
      .selectFrom('article_tags')
      .innerJoin('articles', 'articles.id', 'article_tags.article_id')
      .where(isPublic('article_tags', now))
      .select(['article_tags.locale', 'article_tags.tag_slug', (eb) => eb.fn.max(lastModifiedSql).as('lastmod')])
      .groupBy(['article_tags.locale', 'article_tags.tag_slug'])
      .orderBy('article_tags.locale')
      .orderBy('article_tags.tag_slug')
      .execute(),
    db
      .selectFrom('article_authors')
      .innerJoin('articles', 'articles.id', 'article_authors.article_id')
      .where(isPublic('article_authors', now))
      .select(['article_authors.locale', 'article_authors.author_slug', (eb) => eb.fn.max(lastModifiedSql).as('lastmod')])
      .groupBy(['article_authors.locale', 'article_authors.author_slug'])
      .orderBy('article_authors.locale')
      .orderBy('article_authors.author_slug')
      .execute(),
  ]);
  // In the order of `locales` (the caller's), then the query's order within a locale.
  const rank = (locale: string) => locales.findIndex((wanted) => wanted === locale);
  const inLocales = <Row extends { locale: string }>(rows: Row[]) =>
    rows.filter((row) => rank(row.locale) >= 0).sort((a, b) => rank(a.locale) - rank(b.locale));
  const perLocale = (rows: Array<{ locale: string; lastmod: number | string | null }>) =>
    locales.map((locale) => ({ locale, ...lastmodOf(rows.find((row) => row.locale === locale)?.lastmod ?? null) }));
  const sectionLastmod = new Map(sectionDates.map((row) => [`${row.locale}/${row.section_slug}`, row.lastmod]));
  return {
    homes: perLocale(byLocale),
    videoHubs: perLocale(videos),
    // Navigation order (lib/content/sections.ts) within each locale.
    sections: inLocales(sortSections(sections.map(toSection))).map((row) => ({
      locale: toLocale(row.locale, `section ${row.slug}`),
      slug: row.slug,
      ...lastmodOf(sectionLastmod.get(`${row.locale}/${row.slug}`) ?? null),
    })),
    tags: inLocales(tags).map((row) => ({ locale: toLocale(row.locale, `tag ${row.tag_slug}`), slug: row.tag_slug, ...lastmodOf(row.lastmod) })),
    authors: inLocales(authors).map((row) => ({
      locale: toLocale(row.locale, `author ${row.author_slug}`),
      slug: row.author_slug,
      ...lastmodOf(row.lastmod),
    })),
  };
}

/** An article of the news sitemap. */
export interface NewsSitemapEntry {
  locale: Locale;
  slug: string;
  title: string;
  /** ISO 8601 in UTC. */
  publishedAt: string;
}

/**
 * Public articles of all locales published at or after `since` (and not after `now`), newest
 * first, at most `limit`: the candidates for the Google News sitemap.
 */
export async function listRecentPublicArticles(
  database: Database,
  { since, limit, now = new Date() }: { since: Date; limit: number; now?: Date },
): Promise<NewsSitemapEntry[]> {
  const rows = await publicArticlesNewestFirst(database, now)
    .where('articles.published_at', '>=', since.getTime())
    .select(['articles.id', 'articles.locale', 'articles.slug', 'articles.title', 'articles.published_at'])
    .limit(limit)
    .execute();
  return rows.flatMap((row) =>
    row.published_at === null
      ? []
      : [{ locale: toLocale(row.locale, `article ${row.id}`), slug: row.slug, title: row.title, publishedAt: toIso(row.published_at) }],
  );
}

/** A feed item: the listing summary plus the tags (categories), authors and description. */
export type FeedArticle = ArticleSummary & {
  tags: Tag[];
  authors: AuthorRef[];
  /** The intro, or the opening of the body when there is none (lib/content/description.ts); null when neither. */
  description: string | null;
};

/**
 * The newest `limit` public articles of a locale, or of one of its sections, with their tags,
 * authors in byline order, and description. Bodies are read only for articles without an intro.
 */
export async function listFeedArticles(
  database: Database,
  { locale, section, limit, now = new Date() }: { locale: Locale; section?: string; limit: number; now?: Date },
): Promise<FeedArticle[]> {
  const { items } = await listPublicArticles(database, { locale, ...(section === undefined ? {} : { section }), limit, now });
  if (items.length === 0) return [];
  const ids = items.map((item) => item.id);
  const withoutIntro = items.filter((item) => item.intro === null).map((item) => item.id);
  const [relations, bodyRows] = await Promise.all([
    loadArticleRelations(database.db, ids, ['tags', 'authors']),
    withoutIntro.length === 0
      ? Promise.resolve([])
      : database.db.selectFrom('articles').select(['articles.id', 'articles.body']).where('articles.id', 'in', withoutIntro).execute(),
  ]);
  const bodies = new Map(bodyRows.map((row) => [row.id, parseBody(row.body, row.id)]));
  return items.map((item) => ({
    ...item,
    tags: relations.get(item.id)?.tags ?? [],
    authors: relations.get(item.id)?.authors ?? [],
    description: articleDescription({ intro: item.intro, body: bodies.get(item.id) ?? [] }),
  }));
}
