/**
 * Listings of public articles: which article ids a filter selects, in (published_at DESC, id DESC)
 * order, and the pages, counts and page cursors built on them.
 *
 * A listing is driven by the one table whose index matches its main filter (see the index design
 * in lib/db/migrations/0001_initial_schema.ts):
 *   tag    → article_tags     (tag_slug, locale, status, published_at, article_id)
 *   author → article_authors  (author_slug, locale, status, published_at, article_id)
 *   else   → articles         (locale, [section_slug | has_video,] status, published_at, id)
 * The public rule is applied to that table's own status/published_at, so the engine seeks into
 * the index and reads keys already in order: no full scan and no sort. Secondary filters (a tag
 * listing narrowed to a section, say) join what they need.
 *
 * Keys come out of {@link listingSource}; the pages below fetch their summaries by id
 * (./articles.ts `loadPublicSummaries`), which re-checks the public rule on the articles rows.
 */
import { sql, type CompiledQuery, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Locale } from '@/lib/i18n/locales';
import type { DB } from '@/lib/db/schema';
import type { ArticleSummary } from '@/lib/content/model';
import type { Database } from '@/lib/db/connection';
import { loadPublicSummaries, pageSize } from './articles';
import { decodeCursor, encodeCursor, type ListingKey } from './cursor';
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

// ---------------------------------------------------------------------------------------------
// Pages of a listing

export interface ListingQueryOptions extends ListingFilter {
  /** Where the previous page ended (its `nextCursor`); absent or null for the first page. */
  cursor?: string | null;
  limit: number;
  now?: Date;
}

export interface ListingPage {
  items: ArticleSummary[];
  /** The cursor of the next page, or null on the last page. */
  nextCursor: string | null;
}

const toKey = (row: KeyRow): ListingKey => ({ publishedAt: row.published_at, id: row.id });

/**
 * One page of public articles, newest first (published_at DESC, id DESC), optionally narrowed to a
 * section, tag, author or to articles with (or without) video. Keyset-paginated: pass the returned
 * `nextCursor` to get the next page. `limit` is clamped to 1…100. A cursor that was not produced
 * here throws `InvalidCursorError` (lib/data/cursor.ts).
 */
export async function listPublicArticles(database: Database, options: ListingQueryOptions): Promise<ListingPage> {
  const { cursor, limit, now = new Date(), ...filter } = options;
  const size = pageSize(limit);
  const after = cursor === undefined || cursor === null ? null : decodeCursor(cursor);
  // One row more than asked says whether there is a next page.
  const keys = await listingSource(database.db, filter, now).page(after, size + 1).execute();
  const pageKeys = keys.slice(0, size);
  const last = pageKeys.at(-1);
  const items = await loadPublicSummaries(database.db, pageKeys.map((key) => key.id), now);
  return { items, nextCursor: keys.length > size && last !== undefined ? encodeCursor(toKey(last)) : null };
}

/** How many public articles a listing has (for page counts). Reads the listing's index only. */
export async function countPublicArticles(database: Database, filter: ListingFilter, now: Date = new Date()): Promise<number> {
  const [row] = await listingSource(database.db, filter, now).count().execute();
  return row?.count ?? 0;
}

/**
 * The cursor that starts page `page` (1-based) of a listing with `size` items per page, for
 * numbered page links (`?pagina=N`): `null` for page 1, `undefined` when the page is past the end
 * (the route answers 404), otherwise the cursor to pass to {@link listPublicArticles}.
 *
 * Why an OFFSET here while listings use keysets: a page number has no key to seek to, so some
 * query has to skip (page - 1) × size rows. This one skips them inside the listing's covering
 * index (it selects only published_at and id, which the index holds), touching no table rows, and
 * returns just the boundary key. The page itself is then a keyset seek like any other, so the
 * pages a number leads to are exactly the pages that "next" links walk through.
 */
export async function listingPageCursor(
  database: Database,
  filter: ListingFilter,
  page: number,
  size: number,
  now: Date = new Date(),
): Promise<string | null | undefined> {
  if (!Number.isSafeInteger(page) || page < 1) throw new RangeError(`page must be a whole number ≥ 1, got ${page}`);
  if (page === 1) return null;
  const perPage = pageSize(size);
  // The last row of the previous page (the cursor), and the first row of this page (it must exist).
  const rows = await listingSource(database.db, filter, now).slice((page - 1) * perPage - 1, 2).execute();
  const boundary = rows[0];
  return rows.length === 2 && boundary !== undefined ? encodeCursor(toKey(boundary)) : undefined;
}
