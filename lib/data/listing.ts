/**
 * The index-served half of every listing: which article ids a filter selects, in
 * (published_at DESC, id DESC) order.
 *
 * A listing is driven by the one table whose index matches its main filter (see the index design
 * in lib/db/migrations.ts):
 *   tag    → article_tags     (tag_slug, locale, status, published_at, article_id)
 *   author → article_authors  (author_slug, locale, status, published_at, article_id)
 *   else   → articles         (locale, [section_slug | has_video,] status, published_at, id)
 * The public rule is applied to that table's own status/published_at, so the engine seeks into
 * the index and reads keys already in order: no full scan and no sort. Secondary filters (a tag
 * listing narrowed to a section, say) join what they need.
 *
 * Only keys come out of here; lib/data/load.ts fetches the summaries by id and re-checks the
 * public rule on the articles rows themselves.
 */
import { sql, type CompiledQuery, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Locale } from '@/lib/i18n/locales';
import type { DB } from '@/lib/db/schema';
import type { ListingKey } from './cursor';
import { isPublic, type VisibilityTable } from './visibility';

export interface ListingFilter {
  locale: Locale;
  /** A section slug of this locale. */
  section?: string;
  /** A tag slug. */
  tag?: string;
  /** An author slug. */
  author?: string;
  /** true: only articles with a video block; false: only articles without; absent: both. */
  video?: boolean;
}

export interface KeyRow {
  published_at: number;
  id: string;
}

/** A built query: run it, or compile it (the query-plan test explains the compiled SQL). */
export interface ListingQuery<Row> {
  execute(): Promise<Row[]>;
  compile(): CompiledQuery<Row>;
}

/** The queries of one listing. */
export interface ListingSource {
  /** Keys after `after` (or from the start), newest first, at most `limit`. */
  page(after: ListingKey | null, limit: number): ListingQuery<KeyRow>;
  /** Keys at positions offset, offset + 1, … (0-based), newest first, at most `limit`. */
  slice(offset: number, limit: number): ListingQuery<KeyRow>;
  /** How many rows the filter selects. */
  count(): ListingQuery<{ count: number }>;
}

const KEY_COLUMNS: Record<VisibilityTable, { publishedAt: string; id: string }> = {
  articles: { publishedAt: 'articles.published_at', id: 'articles.id' },
  article_tags: { publishedAt: 'article_tags.published_at', id: 'article_tags.article_id' },
  article_authors: { publishedAt: 'article_authors.published_at', id: 'article_authors.article_id' },
};

/**
 * Builds the three query shapes over a filtered driving table, adding the public rule (with the
 * cursor folded in, see isPublic). Generic in the tables joined, so keys go by qualified name.
 */
function source<TB extends keyof DB>(filtered: SelectQueryBuilder<DB, TB, object>, driving: VisibilityTable, now: Date): ListingSource {
  const publishedAt = sql.ref(KEY_COLUMNS[driving].publishedAt);
  const id = sql.ref(KEY_COLUMNS[driving].id);
  const keys = (after: ListingKey | null) =>
    filtered
      .where(isPublic(driving, now, after))
      // The declared types are our schema's: published_at is non-null under the public rule.
      .select([sql<number>`${publishedAt}`.as('published_at'), sql<string>`${id}`.as('id')])
      .orderBy(publishedAt, 'desc')
      .orderBy(id, 'desc');
  return {
    page: (after, limit) => keys(after).limit(limit),
    slice: (offset, limit) => keys(null).limit(limit).offset(offset),
    count: () => filtered.where(isPublic(driving, now)).select((eb) => eb.fn.countAll<number>().as('count')),
  };
}

export function listingSource(db: Kysely<DB>, filter: ListingFilter, now: Date): ListingSource {
  const { locale, section, tag, author, video } = filter;
  const hasVideo = video === undefined ? undefined : video ? 1 : 0;
  const needsArticle = section !== undefined || hasVideo !== undefined;

  if (tag !== undefined) {
    let query = db.selectFrom('article_tags').where('article_tags.tag_slug', '=', tag).where('article_tags.locale', '=', locale);
    if (author !== undefined) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('article_authors')
            .select('article_authors.article_id')
            .whereRef('article_authors.article_id', '=', 'article_tags.article_id')
            .where('article_authors.author_slug', '=', author),
        ),
      );
    }
    if (!needsArticle) return source(query, 'article_tags', now);
    let joined = query.innerJoin('articles', 'articles.id', 'article_tags.article_id');
    if (section !== undefined) joined = joined.where('articles.section_slug', '=', section);
    if (hasVideo !== undefined) joined = joined.where('articles.has_video', '=', hasVideo);
    return source(joined, 'article_tags', now);
  }

  if (author !== undefined) {
    const query = db.selectFrom('article_authors').where('article_authors.author_slug', '=', author).where('article_authors.locale', '=', locale);
    if (!needsArticle) return source(query, 'article_authors', now);
    let joined = query.innerJoin('articles', 'articles.id', 'article_authors.article_id');
    if (section !== undefined) joined = joined.where('articles.section_slug', '=', section);
    if (hasVideo !== undefined) joined = joined.where('articles.has_video', '=', hasVideo);
    return source(joined, 'article_authors', now);
  }

  let query = db.selectFrom('articles').where('articles.locale', '=', locale);
  if (section !== undefined) query = query.where('articles.section_slug', '=', section);
  if (hasVideo !== undefined) query = query.where('articles.has_video', '=', hasVideo);
  return source(query, 'articles', now);
}
