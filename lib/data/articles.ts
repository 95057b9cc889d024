/**
 * Article reads.
 *
 * Public functions (getPublicArticle, listPublicArticles, countPublicArticles, listingPageCursor,
 * searchPublicArticles, relatedArticles) only ever return articles that are published with
 * published_at <= `now` (lib/data/visibility.ts); `now` defaults to the current instant and exists
 * so tests and previews can pin the clock. The others (getArticleById, listAllArticles,
 * countAllArticles) see every status and are for the editor, previews, the export and scripts.
 */
import type { Article, ArticleSummary } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import type { Database } from '@/lib/db/connection';
import { decodeCursor, encodeCursor, type ListingKey } from './cursor';
import { listingSource, type KeyRow, type ListingFilter } from './listing';
import { loadAllArticles, loadArticle, loadPublicSummaries } from './load';
import { searchArticleIds, searchTerms, type SearchBounds } from './search';
import { isPublic } from './visibility';

export type { ListingFilter };

export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 100;
/** Search pages deeper than this are not served (nobody reads them; bots would make them costly). */
export const MAX_SEARCH_OFFSET = 1000;

/** A page size within [MIN_PAGE_SIZE, MAX_PAGE_SIZE]. */
function pageSize(limit: number): number {
  if (!Number.isFinite(limit)) throw new RangeError(`limit must be a number, got ${limit}`);
  return Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, Math.floor(limit)));
}

export type PublicArticleResult = { kind: 'article'; article: Article } | { kind: 'moved'; slug: string } | null;

/**
 * The public article at `slug` in `locale`. When `slug` is one of its earlier slugs the result is
 * `{ kind: 'moved', slug }` with the current slug, for a permanent redirect. Null when no public
 * article has (or had) that slug.
 */
export async function getPublicArticle(database: Database, locale: Locale, slug: string, now: Date = new Date()): Promise<PublicArticleResult> {
  const { db } = database;
  const hit = await db
    .selectFrom('article_slugs')
    .innerJoin('articles', 'articles.id', 'article_slugs.article_id')
    .select(['articles.id', 'articles.slug'])
    .where('article_slugs.locale', '=', locale)
    .where('article_slugs.slug', '=', slug)
    .where(isPublic('articles', now))
    .executeTakeFirst();
  if (hit === undefined) return null;
  if (hit.slug !== slug) return { kind: 'moved', slug: hit.slug };
  const article = await loadArticle(db, hit.id, now);
  return article === null ? null : { kind: 'article', article };
}

/** Any article by id, whatever its status: for the editor and previews, never for public pages. */
export function getArticleById(database: Database, id: string): Promise<Article | null> {
  return loadArticle(database.db, id, null);
}

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
  const items = await loadPublicSummaries(
    database.db,
    pageKeys.map((key) => key.id),
    now,
  );
  return { items, nextCursor: keys.length > size && last !== undefined ? encodeCursor(toKey(last)) : null };
}

/** How many public articles a listing has (for page counts). Reads the listing's index only. */
export async function countPublicArticles(database: Database, filter: ListingFilter, now: Date = new Date()): Promise<number> {
  const [row] = await listingSource(database.db, filter, now).count().execute();
  return row?.count ?? 0;
}

/**
 * The cursor that starts page `page` (1-based) of a listing with `size` items per page, for
 * numbered page links (`?pagina=N`):
 * - `null` for page 1 (no cursor: start at the top);
 * - `undefined` when the page is past the end (the route answers 404);
 * - otherwise the cursor to pass to {@link listPublicArticles}.
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
  const rows = await listingSource(database.db, filter, now)
    .slice((page - 1) * perPage - 1, 2)
    .execute();
  const boundary = rows[0];
  return rows.length === 2 && boundary !== undefined ? encodeCursor(toKey(boundary)) : undefined;
}

export interface SearchOptions {
  locale: Locale;
  query: string;
  limit: number;
  offset?: number;
  now?: Date;
  /** Ranking and counting limits; the defaults suit production (tests make them small). */
  bounds?: SearchBounds;
}

export type SearchResultItem = ArticleSummary & {
  /**
   * Matched words are wrapped in HIGHLIGHT_START … HIGHLIGHT_END (U+0002, U+0003; lib/data/highlight.ts).
   * Plain text otherwise: escape it, then turn the sentinels into <mark>.
   */
  highlight: { title: string; snippet: string };
};

export interface SearchResult {
  items: SearchResultItem[];
  /** Matches counted, at most MAX_COUNTED_MATCHES (lib/data/search.ts). */
  total: number;
  /** True when there are more matches than `total`: say "more than …". */
  totalCapped: boolean;
}

/**
 * Public articles of `locale` matching every word of `query`, best match first. Any text is a
 * valid query: operators and quotes are treated as plain words or ignored, and a query without
 * words gives an empty result. `limit` is clamped to 1…100 and `offset` to 0…1000.
 */
export async function searchPublicArticles(database: Database, options: SearchOptions): Promise<SearchResult> {
  const { locale, query, limit, offset = 0, now = new Date(), bounds } = options;
  const terms = searchTerms(query);
  if (terms.length === 0) return { items: [], total: 0, totalCapped: false };
  const start = Number.isFinite(offset) ? Math.min(MAX_SEARCH_OFFSET, Math.max(0, Math.floor(offset))) : 0;
  const { hits, total, totalCapped } = await searchArticleIds(database.db, database.engine, { locale, terms, limit: pageSize(limit), offset: start, now, ...(bounds ? { bounds } : {}) });
  const summaries = new Map(
    (
      await loadPublicSummaries(
        database.db,
        hits.map((hit) => hit.id),
        now,
      )
    ).map((summary) => [summary.id, summary]),
  );
  const items = hits.flatMap((hit) => {
    const summary = summaries.get(hit.id);
    return summary === undefined ? [] : [{ ...summary, highlight: { title: hit.title, snippet: hit.snippet } }];
  });
  return { items, total, totalCapped };
}

/** What {@link relatedArticles} needs of an article: its identity, section and tags, not its text. */
export interface RelatedQuery {
  id: string;
  locale: Locale;
  section: string;
  tags: readonly string[];
}

/** How many of a tag's newest articles are considered; keeps the work per page constant at any scale. */
export const RELATED_CANDIDATES_PER_TAG = 50;
/** Only an article's first tags count (they are in editorial order); bounds the number of index seeks. */
export const RELATED_MAX_TAGS = 8;

/**
 * Up to `limit` public articles to read next, never the article itself: first those of the same
 * locale sharing its tags (more shared tags first, then newest), then the newest of its section.
 *
 * Candidates are each tag's {@link RELATED_CANDIDATES_PER_TAG} newest public articles, read with the
 * tag listing's own query (a seek on its index, held in place by the query-plan test), and scored
 * in memory. Grouping over every row of a popular tag instead would read thousands of rows
 * per article page at 100,000 articles; this reads at most 8 × 50 index entries whatever the size.
 */
export async function relatedArticles(
  database: Database,
  article: RelatedQuery | Article,
  limit = 6,
  now: Date = new Date(),
): Promise<ArticleSummary[]> {
  const { db } = database;
  const query = toRelatedQuery(article);
  const wanted = pageSize(limit);
  const chosen: string[] = [];

  const tagSlugs = [...new Set(query.tags)].slice(0, RELATED_MAX_TAGS);
  if (tagSlugs.length > 0) {
    const perTag = await Promise.all(
      tagSlugs.map((tag) => listingSource(db, { locale: query.locale, tag }, now).page(null, RELATED_CANDIDATES_PER_TAG + 1).execute()),
    );
    const scores = new Map<string, { shared: number; newest: number }>();
    for (const rows of perTag) {
      for (const row of rows) {
        if (row.id === query.id) continue;
        const score = scores.get(row.id) ?? { shared: 0, newest: 0 };
        score.shared += 1;
        score.newest = Math.max(score.newest, row.published_at);
        scores.set(row.id, score);
      }
    }
    const ranked = [...scores].sort(
      ([idA, a], [idB, b]) => b.shared - a.shared || b.newest - a.newest || (idA < idB ? 1 : idA > idB ? -1 : 0),
    );
    chosen.push(...ranked.slice(0, wanted).map(([id]) => id));
  }

  if (chosen.length < wanted) {
    const exclude = new Set([query.id, ...chosen]);
    // Enough of the section's newest to fill up after dropping the ones already chosen.
    const newest = await listingSource(db, { locale: query.locale, section: query.section }, now)
      .page(null, wanted + exclude.size)
      .execute();
    for (const row of newest) {
      if (chosen.length >= wanted) break;
      if (!exclude.has(row.id)) chosen.push(row.id);
    }
  }
  return loadPublicSummaries(db, chosen, now);
}

function toRelatedQuery(article: RelatedQuery | Article): RelatedQuery {
  if (typeof article.section === 'string') return article as RelatedQuery;
  const whole = article as Article;
  return { id: whole.id, locale: whole.locale, section: whole.section.slug, tags: whole.tags.map((tag) => tag.slug) };
}

/** Every article of every status, in the export's stable order. Not for public pages. */
export function listAllArticles(database: Database): Promise<Article[]> {
  return loadAllArticles(database.db);
}

/** How many articles exist, of any status (e.g. "is this database empty?"). */
export async function countAllArticles(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}
