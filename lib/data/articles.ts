/**
 * Article reads, and the reshape of their rows into the content model, in one module.
 *
 * Every public function (getPublicArticle, searchPublicArticles, loadPublicSummaries, and the
 * listings and related articles built on them in ./listing.ts and ./related.ts) only ever returns
 * articles that are published with published_at <= `now` (./visibility.ts); `now` defaults to the
 * current instant and exists so tests can pin the clock. Where a function takes `now: Date | null`,
 * null means any status: the editor, Draft Mode, shared previews, the export and scripts, never a
 * page another visitor could be served from the cache.
 *
 * Rows are trusted: everything stored was validated on the way in (lib/content/validate.ts), so the
 * JSON columns are parsed, not re-validated. The one check left is the cheap one that matters for
 * rows older than the code reading them: a body block of a type this version cannot render.
 */
import type { Kysely } from 'kysely';
import { BLOCK_TYPES, type Article, type ArticleSummary, type AuthorRef, type Block, type Image, type Tag } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import type { Database } from '@/lib/db/connection';
import type { DB } from '@/lib/db/schema';
import { optionalText, StoredDataError, toIso, toLocale, toStatus } from './reshape';
import { searchArticleIds, searchTerms, type SearchBounds } from './search';
import { isPublic } from './visibility';

export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 100;
/** Search pages deeper than this are not served (nobody reads them; bots would make them costly). */
export const MAX_SEARCH_OFFSET = 1000;

/** A page size within [MIN_PAGE_SIZE, MAX_PAGE_SIZE]. */
export function pageSize(limit: number): number {
  if (!Number.isFinite(limit)) throw new RangeError(`limit must be a number, got ${limit}`);
  return Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, Math.floor(limit)));
}

// ---------------------------------------------------------------------------------------------
// One article

export type PublicArticleResult = { kind: 'article'; article: Article } | { kind: 'moved'; slug: string } | null;

/**
 * The article at `slug` in `locale`: public at `now`, or in any status when `now` is null. When
 * `slug` is one of its earlier slugs the result is `{ kind: 'moved', slug }` with the current slug,
 * for a redirect. Null when no such article has (or had) that slug.
 */
export async function findArticleBySlug(database: Database, locale: Locale, slug: string, now: Date | null): Promise<PublicArticleResult> {
  const { db } = database;
  let query = db
    .selectFrom('article_slugs')
    .innerJoin('articles', 'articles.id', 'article_slugs.article_id')
    .select(['articles.id', 'articles.slug'])
    .where('article_slugs.locale', '=', locale)
    .where('article_slugs.slug', '=', slug);
  if (now !== null) query = query.where(isPublic('articles', now));
  const hit = await query.executeTakeFirst();
  if (hit === undefined) return null;
  if (hit.slug !== slug) return { kind: 'moved', slug: hit.slug };
  const article = await loadArticle(db, hit.id, now);
  return article === null ? null : { kind: 'article', article };
}

/** The public article at `slug` in `locale` (see {@link findArticleBySlug}). */
export function getPublicArticle(database: Database, locale: Locale, slug: string, now: Date = new Date()): Promise<PublicArticleResult> {
  return findArticleBySlug(database, locale, slug, now);
}

/** The article at `slug` whatever its status, for Draft Mode and scripts: never for a cached page. */
export function getArticleForPreview(database: Database, locale: Locale, slug: string): Promise<PublicArticleResult> {
  return findArticleBySlug(database, locale, slug, null);
}

/** Any article by id, whatever its status: for the editor and previews, never for public pages. */
export function getArticleById(database: Database, id: string): Promise<Article | null> {
  return loadArticle(database.db, id, null);
}

/** One whole article by id; with `now`, only when it is public at that instant. */
export async function loadArticle(db: Kysely<DB>, id: string, now: Date | null): Promise<Article | null> {
  let query = articleQuery(db).where('articles.id', '=', id);
  if (now !== null) query = query.where(isPublic('articles', now));
  const row = await query.executeTakeFirst();
  if (row === undefined) return null;
  const relations = await loadArticleRelations(db, [id], ['authors', 'tags', 'slugs']);
  return toArticle(row, relations.get(id) ?? NO_RELATIONS);
}

/** Every article of every status, in the export's stable order. Not for public pages. */
export async function listAllArticles(database: Database): Promise<Article[]> {
  const { db } = database;
  const [rows, relations] = await Promise.all([
    // Locale, then published time (undated drafts last), then id.
    articleQuery(db)
      .orderBy('articles.locale')
      .orderBy((eb) => eb('articles.published_at', 'is', null))
      .orderBy('articles.published_at')
      .orderBy('articles.id')
      .execute(),
    loadArticleRelations(db, 'all', ['authors', 'tags', 'slugs']),
  ]);
  return rows.map((row) => toArticle(row, relations.get(row.id) ?? NO_RELATIONS));
}

/** How many articles exist, of any status (e.g. "is this database empty?"). */
export async function countAllArticles(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

// ---------------------------------------------------------------------------------------------
// Bylines, tags and slug history

export interface ArticleRelations {
  /** In byline order. */
  authors: AuthorRef[];
  /** In editorial order. */
  tags: Tag[];
  /** Every slug the article has had, the current one included. */
  slugs: string[];
}

const NO_RELATIONS: ArticleRelations = { authors: [], tags: [], slugs: [] };

/**
 * The authors, tags and slugs of the articles with `ids` (or of every article), keyed by article
 * id; only the relations named in `include` are read, the others stay empty. An article with none
 * of them is absent from the map.
 */
export async function loadArticleRelations(
  db: Kysely<DB>,
  ids: readonly string[] | 'all',
  include: ReadonlyArray<keyof ArticleRelations>,
): Promise<Map<string, ArticleRelations>> {
  const relations = new Map<string, ArticleRelations>();
  if (ids !== 'all' && ids.length === 0) return relations;
  const only = ids === 'all' ? null : [...ids];
  const authors = db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.slug', 'article_authors.author_slug')
    .select(['article_authors.article_id', 'authors.slug', 'authors.name'])
    .$if(only !== null, (query) => query.where('article_authors.article_id', 'in', only ?? []))
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position');
  const tags = db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.slug', 'article_tags.tag_slug')
    .select(['article_tags.article_id', 'tags.slug', 'tags.name'])
    .$if(only !== null, (query) => query.where('article_tags.article_id', 'in', only ?? []))
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position');
  const slugs = db
    .selectFrom('article_slugs')
    .select(['article_id', 'slug'])
    .$if(only !== null, (query) => query.where('article_slugs.article_id', 'in', only ?? []))
    .orderBy('article_id')
    .orderBy('slug');
  const [authorRows, tagRows, slugRows] = await Promise.all([
    include.includes('authors') ? authors.execute() : [],
    include.includes('tags') ? tags.execute() : [],
    include.includes('slugs') ? slugs.execute() : [],
  ]);
  const of = (id: string): ArticleRelations => {
    let found = relations.get(id);
    if (found === undefined) {
      found = { authors: [], tags: [], slugs: [] };
      relations.set(id, found);
    }
    return found;
  };
  for (const row of authorRows) of(row.article_id).authors.push({ slug: row.slug, name: row.name });
  for (const row of tagRows) of(row.article_id).tags.push({ slug: row.slug, name: row.name });
  for (const row of slugRows) of(row.article_id).slugs.push(row.slug);
  return relations;
}

// ---------------------------------------------------------------------------------------------
// Search, and the summaries every listing loads: ids first (in index order), then their summaries

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
  const summaries = new Map((await loadPublicSummaries(database.db, hits.map((hit) => hit.id), now)).map((summary) => [summary.id, summary]));
  const items = hits.flatMap((hit) => {
    const summary = summaries.get(hit.id);
    return summary === undefined ? [] : [{ ...summary, highlight: { title: hit.title, snippet: hit.snippet } }];
  });
  return { items, total, totalCapped };
}

/**
 * Summaries of the public articles among `ids`, in the order of `ids`. Ids that are not (or no
 * longer) public are left out: the public rule is applied again on the articles rows themselves.
 */
export async function loadPublicSummaries(db: Kysely<DB>, ids: readonly string[], now: Date): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await summaryQuery(db).where('articles.id', 'in', [...ids]).where(isPublic('articles', now)).execute();
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// ---------------------------------------------------------------------------------------------
// Rows → the content model

/** The columns a listing card needs: articles.* plus the section's name. */
function summaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', (join) => join.onRef('sections.locale', '=', 'articles.locale').onRef('sections.slug', '=', 'articles.section_slug'))
    .select([
      'articles.id',
      'articles.locale',
      'articles.slug',
      'articles.title',
      'articles.intro',
      'articles.section_slug',
      'sections.name as section_name',
      'articles.published_at',
      'articles.updated_at',
      'articles.lead_image',
      'articles.has_video',
    ]);
}

function articleQuery(db: Kysely<DB>) {
  return summaryQuery(db).select(['articles.status', 'articles.body']);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;
type ArticleRow = Awaited<ReturnType<ReturnType<typeof articleQuery>['executeTakeFirstOrThrow']>>;

/** A summary of a public article; public articles always have a published time. */
function toSummary(row: SummaryRow): ArticleSummary {
  if (row.published_at === null) throw new StoredDataError(`article ${row.id}: public article without published_at`);
  return {
    id: row.id,
    locale: toLocale(row.locale, `article ${row.id}`),
    slug: row.slug,
    title: row.title,
    intro: optionalText(row.intro),
    section: { slug: row.section_slug, name: row.section_name },
    publishedAt: toIso(row.published_at),
    updatedAt: toIso(row.updated_at),
    leadImage: parseLeadImage(row.lead_image, row.id),
    hasVideo: row.has_video === 1,
  };
}

function toArticle(row: ArticleRow, relations: ArticleRelations): Article {
  return {
    id: row.id,
    locale: toLocale(row.locale, `article ${row.id}`),
    slug: row.slug,
    // Alphabetical: deterministic, so an export → import → export round trip is byte-identical.
    previousSlugs: relations.slugs.filter((slug) => slug !== row.slug).sort(),
    status: toStatus(row.status, `article ${row.id}`),
    title: row.title,
    intro: optionalText(row.intro),
    section: { slug: row.section_slug, name: row.section_name },
    authors: relations.authors,
    tags: relations.tags,
    publishedAt: row.published_at === null ? null : toIso(row.published_at),
    updatedAt: toIso(row.updated_at),
    leadImage: parseLeadImage(row.lead_image, row.id),
    body: parseBody(row.body, row.id),
  };
}

/** Every key a value of the union `U` may have. */
type KeysOf<U> = U extends unknown ? keyof U : never;

/**
 * The content model's key order (its schemas' order) per block type. Stored JSON has its keys
 * sorted (lib/content/canonical-json.ts); putting them back in model order keeps what pages and the
 * export show byte-for-byte as it was when rows were parsed with the schemas.
 */
const BLOCK_KEYS: { [Type in Block['type']]: ReadonlyArray<KeysOf<Extract<Block, { type: Type }>>> } = {
  paragraph: ['type', 'text'],
  heading: ['type', 'text'],
  quote: ['type', 'text', 'source'],
  image: ['src', 'alt', 'caption', 'credit', 'type'],
  video: ['type', 'title', 'poster', 'duration', 'provider', 'id', 'src'],
};
const IMAGE_KEYS: ReadonlyArray<keyof Image> = ['src', 'alt', 'caption', 'credit'];

function inOrder<T>(value: Record<string, unknown>, keys: readonly PropertyKey[]): T {
  const ordered: Record<string, unknown> = {};
  for (const key of keys) if (typeof key === 'string' && key in value) ordered[key] = value[key];
  return ordered as T;
}

function parseStored(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new StoredDataError(`${where}: stored JSON does not parse`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isBlockType = (value: unknown): value is Block['type'] => BLOCK_TYPES.some((type) => type === value);

/** A stored lead image, trusted as validated on the way in. */
export function parseLeadImage(json: string | null, articleId: string): Image | null {
  if (json === null) return null;
  const value = parseStored(json, `article ${articleId} lead image`);
  if (!isRecord(value)) throw new StoredDataError(`article ${articleId} lead image: not an object`);
  return inOrder<Image>(value, IMAGE_KEYS);
}

/**
 * A stored body, trusted as validated on the way in, except for the one thing an older row can
 * get wrong for this code: a block type it does not know, which would otherwise fail deep inside
 * the render. That fails here, with the article's id.
 */
export function parseBody(json: string, articleId: string): Block[] {
  const where = `article ${articleId} body`;
  const value = parseStored(json, where);
  if (!Array.isArray(value)) throw new StoredDataError(`${where}: not a list of blocks`);
  return value.map((block: unknown, index) => {
    if (!isRecord(block) || !isBlockType(block.type)) throw new StoredDataError(`${where}: block ${index} has an unknown type`);
    return inOrder<Block>(block, BLOCK_KEYS[block.type]);
  });
}
