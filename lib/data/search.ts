/**
 * Full-text search, the one place where the two engines need different SQL.
 *
 * Both engines get the same input: the user's text reduced to words (letters, digits and their
 * combining marks), at most {@link MAX_TERMS} of them, all required. Nothing the user types is ever
 * read as query syntax: in FTS5 each word is a quoted string ("NEAR(" and "OR" are just words), and
 * PostgreSQL gets them through plainto_tsquery, which has no operators.
 *
 * - SQLite: FTS5 table `article_search` (unicode61, diacritics removed), ranked by bm25 with
 *   column weights 10 : 4 : 2 for title : intro : body (the ratio of PostgreSQL's default
 *   A : B : C weights), highlights from highlight() and snippet().
 * - PostgreSQL: the generated, GIN-indexed `articles.search` tsvector (title A, intro B, body C) in
 *   the locale's configuration (stemmer behind unaccent), ranked by length-normalized ts_rank, highlights from
 *   ts_headline on the page's rows only. A query the locale's configuration reduces to nothing
 *   (only stopwords, such as "the" or "de") falls back to matching the words as they are, see
 *   {@link postgresStopwordFallback}, so it finds what SQLite finds instead of nothing.
 *
 * Matches are marked with the sentinels of lib/data/highlight.ts, never HTML: the renderer escapes the text and turns the sentinels into <mark>. Sentinel characters in
 * the content itself are removed before indexing and highlighting, so they cannot fake a mark.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Locale } from '@/lib/i18n/locales';
import { POSTGRES_SEARCH_CONFIGS, type Engine } from '@/lib/db/migrations';
import type { DB, SqliteSearchTables } from '@/lib/db/schema';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './highlight';
import { isPublic } from './visibility';

const SENTINELS = /[\u0002\u0003]/g;

export const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 64;
/**
 * ts_rank normalization 1: divide by 1 + log(document length), so a long article does not outrank a
 * short one merely by repeating a word (bm25 normalizes for length too).
 */
const RANK_NORMALIZATION = 1;
/**
 * Ranking is bounded: only the newest {@link MAX_RANKED_MATCHES} matches (by insertion in SQLite's
 * FTS5 rowid order, by publication time in PostgreSQL) are scored. A common word matches tens of
 * thousands of articles at 100,000; scoring all of them costs hundreds of milliseconds per query on
 * the event loop, while a news reader wants the best of the recent ones.
 */
export const MAX_RANKED_MATCHES = 5000;
/** Counting stops here too: the page says "more than 1,000 results" rather than counting 40,000. */
export const MAX_COUNTED_MATCHES = 1000;
/** Words in a snippet, about two lines of a result card. */
const SNIPPET_WORDS = 24;

/** Removes highlight sentinels from content, so only the search engine can produce them. */
export function stripSentinels(text: string): string {
  return text.replace(SENTINELS, '');
}

/** The words of a user's query; empty when there is nothing to search for. */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  return words.slice(0, MAX_TERMS).map((word) => word.slice(0, MAX_TERM_LENGTH));
}

/** An FTS5 MATCH expression requiring every term, each a quoted string (terms hold no quotes). */
export function fts5Query(terms: readonly string[]): string {
  return terms.map((term) => `"${term}"`).join(' ');
}

export interface SearchHit {
  id: string;
  /** The whole title with matches marked. */
  title: string;
  /** An excerpt of the intro, or else of the body, with matches marked. */
  snippet: string;
}

export interface SearchPage {
  hits: SearchHit[];
  /**
   * The number of matches, at most {@link MAX_COUNTED_MATCHES} (and never more than are ranked): every
   * offset below it has a hit.
   */
  total: number;
  /** True when there are more matches than `total` says. */
  totalCapped: boolean;
}

/** `count` of a query limited to `counted + 1` rows, as the page reports it. */
function cappedTotal(count: number, counted: number): { total: number; totalCapped: boolean } {
  return count > counted ? { total: counted, totalCapped: true } : { total: count, totalCapped: false };
}

/**
 * How many matches are counted at most: never more than are ranked, so that every match the total
 * promises is one the ranked list can page to (a page within the count is never empty). With the
 * production bounds (5,000 ranked, 1,000 counted) this is the count bound; a deployment or test that
 * ranks fewer than it counts gets "more than <ranked>" instead of pages that list nothing.
 */
export function countBound(bounds: SearchBounds): number {
  return Math.min(bounds.counted, bounds.ranked);
}

/** How many matches are ranked and counted at most; the defaults are the constants above. */
export interface SearchBounds {
  ranked: number;
  counted: number;
}

export const DEFAULT_SEARCH_BOUNDS: SearchBounds = { ranked: MAX_RANKED_MATCHES, counted: MAX_COUNTED_MATCHES };

interface SearchArgs {
  locale: Locale;
  terms: string[];
  limit: number;
  offset: number;
  now: Date;
  bounds?: SearchBounds;
}

/** The intro's excerpt when it has a match, else the body's when it has one, else the intro (or body). */
function pickSnippet(intro: string, body: string): string {
  if (intro.includes(HIGHLIGHT_START)) return intro;
  if (body.includes(HIGHLIGHT_START)) return body;
  return intro.trim() !== '' ? intro : body;
}

async function searchSqlite(db: Kysely<DB>, { locale, terms, limit, offset, now, bounds = DEFAULT_SEARCH_BOUNDS }: SearchArgs): Promise<SearchPage> {
  const fts = db.withTables<SqliteSearchTables>();
  const match = fts5Query(terms);
  // CROSS JOIN keeps the FTS5 table as the outer loop: with an inner join SQLite's planner may walk
  // every public article of the locale and run the MATCH once per row (minutes at 100,000).
  const matches = () =>
    fts
      .selectFrom('article_search')
      .crossJoin('articles')
      .whereRef('articles.seq', '=', 'article_search.rowid')
      .where(sql<SqlBool>`article_search match ${match}`)
      .where('articles.locale', '=', locale)
      .where(isPublic('articles', now));

  const candidates = matches()
    .select([
      'articles.id',
      'articles.seq',
      'articles.published_at',
      sql<number>`bm25(article_search, 10.0, 4.0, 2.0)`.as('rank'),
    ])
    .orderBy('article_search.rowid', 'desc')
    .limit(bounds.ranked);
  const [ranked, counted] = await Promise.all([
    fts
      .selectFrom(candidates.as('candidate'))
      .select(['candidate.id', 'candidate.seq'])
      .orderBy('candidate.rank')
      .orderBy('candidate.published_at', 'desc')
      .orderBy('candidate.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    fts
      .selectFrom(matches().select('articles.id').limit(countBound(bounds) + 1).as('counted'))
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  if (ranked.length === 0) return { hits: [], ...cappedTotal(counted.count, countBound(bounds)) };

  // Highlights and snippets for this page's rows only.
  const marked = await fts
    .selectFrom('article_search')
    .select([
      'article_search.rowid',
      sql<string>`highlight(article_search, 0, ${HIGHLIGHT_START}, ${HIGHLIGHT_END})`.as('title'),
      sql<string>`snippet(article_search, 1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', ${SNIPPET_WORDS})`.as('intro'),
      sql<string>`snippet(article_search, 2, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', ${SNIPPET_WORDS})`.as('body'),
    ])
    .where(sql<SqlBool>`article_search match ${match}`)
    .where(
      'article_search.rowid',
      'in',
      ranked.map((row) => row.seq),
    )
    .execute();
  const bySeq = new Map(marked.map((row) => [row.rowid, row]));
  return {
    hits: ranked.flatMap(({ id, seq }) => {
      const row = bySeq.get(seq);
      return row === undefined ? [] : [{ id, title: row.title, snippet: pickSnippet(row.intro, row.body) }];
    }),
    ...cappedTotal(counted.count, countBound(bounds)),
  };
}

/** An article's text column without highlight sentinels, for PostgreSQL to index or mark on the fly. */
const cleanColumn = (column: 'title' | 'intro' | 'body_text') => sql`translate(${sql.ref(`articles.${column}`)}, ${'\u0002\u0003'}, '')`;

/**
 * How PostgreSQL matches a query: the indexed, stemmed `articles.search` column against the query
 * in the locale's configuration, or, for a query of stopwords only, the words as typed.
 */
interface PostgresMatch {
  /** The text search configuration the query and the headlines use. */
  config: RawBuilder<unknown>;
  query: RawBuilder<unknown>;
  /** The document vector matched and ranked. */
  vector: RawBuilder<unknown>;
  /** For the fallback: only the newest `ranked` public articles of the locale are looked at. */
  bounded: boolean;
}

/**
 * The fallback for a query that the locale's configuration reduces to nothing. PostgreSQL drops
 * stopwords ("the", "de", "and") from both the index and the query, so such a query is empty and
 * matches no article, while SQLite's FTS5 index (no stopwords, no stemming) finds every article
 * that has the word. A reader who searches "the" should get the same answer on both engines, so
 * the words are matched as they are ('simple' configuration: lower case, no stopwords, no stems),
 * weighted title : intro : body as the index is.
 *
 * That vector is not indexed (adding an index for the rare stopword query would double the
 * index's size), so it is computed per row, and only over the newest `ranked` public articles of
 * the locale, which the (locale, published_at) index hands over in order. That bounds the cost
 * whatever the archive's size; at that size the answer is "more than 1,000 results" anyway. Accents
 * are not folded here (no stopword of either language has one).
 */
function postgresStopwordFallback(text: string): PostgresMatch {
  const config = sql`'simple'::regconfig`;
  return {
    config,
    query: sql`plainto_tsquery(${config}, ${text})`,
    vector: sql`(setweight(to_tsvector(${config}, ${cleanColumn('title')}), 'A') ||
      setweight(to_tsvector(${config}, ${cleanColumn('intro')}), 'B') ||
      setweight(to_tsvector(${config}, ${cleanColumn('body_text')}), 'C'))`,
    bounded: true,
  };
}

/** The locale's stemmed match, or {@link postgresStopwordFallback} when it leaves no word to look for. */
async function postgresMatch(db: Kysely<DB>, locale: Locale, terms: readonly string[]): Promise<PostgresMatch> {
  const text = terms.join(' ');
  const config = sql`${POSTGRES_SEARCH_CONFIGS[locale]}::regconfig`;
  const query = sql`plainto_tsquery(${config}, ${text})`;
  const { rows } = await sql<{ words: number }>`select numnode(${query}) as words`.execute(db);
  if ((rows[0]?.words ?? 0) === 0) return postgresStopwordFallback(text);
  return { config, query, vector: sql`articles.search`, bounded: false };
}

async function searchPostgres(db: Kysely<DB>, { locale, terms, limit, offset, now, bounds = DEFAULT_SEARCH_BOUNDS }: SearchArgs): Promise<SearchPage> {
  const { config, query, vector, bounded } = await postgresMatch(db, locale, terms);
  const newestPublic = () =>
    db
      .selectFrom('articles')
      .select('articles.id')
      .where('articles.locale', '=', locale)
      .where(isPublic('articles', now))
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(bounds.ranked);
  const matches = () => {
    const matching = db
      .selectFrom('articles')
      .where(sql<SqlBool>`${vector} @@ ${query}`)
      .where('articles.locale', '=', locale)
      .where(isPublic('articles', now));
    return bounded ? matching.where('articles.id', 'in', newestPublic()) : matching;
  };

  // The newest matches (a top-N by publication time over the GIN index's matches), then the
  // costly ts_rank on those only.
  const candidates = matches()
    .select(['articles.id', 'articles.published_at', sql<unknown>`${vector}`.as('search')])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(bounds.ranked);
  const [ranked, counted] = await Promise.all([
    db
      .selectFrom(candidates.as('candidate'))
      .select('candidate.id')
      .orderBy(sql`ts_rank(candidate.search, ${query}, ${RANK_NORMALIZATION})`, 'desc')
      .orderBy('candidate.published_at', 'desc')
      .orderBy('candidate.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom(matches().select('articles.id').limit(countBound(bounds) + 1).as('counted'))
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  if (ranked.length === 0) return { hits: [], ...cappedTotal(counted.count, countBound(bounds)) };

  // ts_headline re-parses whole documents, so it runs on this page's rows only.
  const marks = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`;
  const whole = `${marks}, HighlightAll=true`;
  const excerpt = `${marks}, MaxWords=${SNIPPET_WORDS}, MinWords=${Math.floor(SNIPPET_WORDS / 2)}, ShortWord=2`;
  const headlines = await db
    .selectFrom('articles')
    .select([
      'articles.id',
      sql<string>`ts_headline(${config}, ${cleanColumn('title')}, ${query}, ${whole})`.as('title'),
      sql<string>`ts_headline(${config}, ${cleanColumn('intro')}, ${query}, ${excerpt})`.as('intro'),
      sql<string>`ts_headline(${config}, ${cleanColumn('body_text')}, ${query}, ${excerpt})`.as('body'),
    ])
    .where(
      'articles.id',
      'in',
      ranked.map((row) => row.id),
    )
    .execute();
  const byId = new Map(headlines.map((row) => [row.id, row]));
  return {
    hits: ranked.flatMap(({ id }) => {
      const row = byId.get(id);
      return row === undefined ? [] : [{ id, title: row.title, snippet: pickSnippet(row.intro, row.body) }];
    }),
    ...cappedTotal(counted.count, countBound(bounds)),
  };
}

/** One page of ranked hits for non-empty `terms`, and the total number of matches. */
export function searchArticleIds(db: Kysely<DB>, engine: Engine, args: SearchArgs): Promise<SearchPage> {
  return engine === 'sqlite' ? searchSqlite(db, args) : searchPostgres(db, args);
}
