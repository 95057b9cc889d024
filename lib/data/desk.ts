/**
 * The editor desk's data layer: the article list, reading and saving one article, publication
 * changes and revisions. Every status is visible here; nothing in this module may back a public page.
 *
 * Saves take the same road as an import. The editor's fields are checked by the import's validator
 * (lib/content/validate.ts: the content model's schemas plus the reference and slug rules, with
 * paths made relative to the article) and written by lib/data/write.ts, which keeps the slug
 * history, bylines, tags and search rows in step. On top of that every write here, in the SAME
 * transaction:
 *
 * - checks optimistic concurrency: a save based on an older revision than the latest is refused as
 *   a conflict, so two editors never silently overwrite each other;
 * - stores a revision: who, when, what (a snapshot of the whole article as the import shape), and a
 *   note for publication changes and restores;
 * - stamps the article's `edited_at` / `edited_by`, the desk list's order.
 *
 * `updatedAt` is the readers' "Laatste update": it moves only when the editor marks a save as a
 * substantive update, never for a typo fix, a publication change or a restore.
 *
 * Revision notes are stable English strings ("published", "scheduled for <ISO instant>",
 * "unpublished", "restored revision <n>", "published on schedule"); the desk translates them.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { recordAuditEvent } from '@/lib/auth/audit';
import { findUserById } from '@/lib/auth/users';
import { ArticleInputSchema, type Article, type ArticleInput, type AuthorRef, type SectionRef } from '@/lib/content/model';
import { slugify, SLUG_MAX_LENGTH } from '@/lib/content/slug';
import { FILE_PATH, validateContentFile, type KnownReferences, type Problem } from '@/lib/content/validate';
import { cacheTags, tagsForArticleChange } from '@/lib/cache/tags';
import { articleChanges } from '@/lib/data/article-changes';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import type { Database } from '@/lib/db/connection';
import type { Engine } from '@/lib/db/migrations';
import type { DB } from '@/lib/db/schema';
import { withWriteTransaction } from '@/lib/db/transaction';
import { decodeCursor, encodeCursor, type ListingKey } from './cursor';
import { loadArticle } from './load';
import { StoredDataError, toIso, toLocale } from './reshape';
import { instant } from './visibility';
import { canonicalJson } from './article-row';
import { articleToInput } from './export';
import { applyContentInTransaction, ContentWriteError } from './write';

export type DeskStatus = 'draft' | 'scheduled' | 'published';

/** The account making a change, as the desk's session knows it. */
export interface DeskUser {
  id: string;
  name: string;
}

export interface DeskListItem {
  id: string;
  locale: Locale;
  slug: string;
  title: string;
  /** 'published' with publishedAt still in the future is reported as 'scheduled': nobody sees it yet. */
  status: DeskStatus;
  section: SectionRef;
  authors: AuthorRef[];
  publishedAt: string | null;
  updatedAt: string;
  /** The last save of any kind. */
  editedAt: string;
  editedBy: string | null;
}

export interface DeskListOptions {
  status?: DeskStatus;
  /** A section slug (in any locale; combine with `locale` for one locale's section). */
  section?: string;
  locale?: Locale;
  /** Words in the title, or the slug or id; case-insensitive. */
  query?: string;
  cursor?: string | null;
  /** Default 25, clamped to 1…100. */
  limit?: number;
}

export interface DeskListPage {
  items: DeskListItem[];
  nextCursor: string | null;
  /** How many articles match the filters, over all pages. */
  total: number;
}

export interface DeskArticle {
  article: Article;
  /** The article in the import shape, as the form edits it. */
  input: ArticleInput;
  /** The latest revision's number; 0 for an article that was only ever imported. Send it back as `baseRevision`. */
  revision: number;
  editedAt: string;
  editedBy: string | null;
}

export interface SaveArticleRequest {
  /** Absent: create a new article. */
  id?: string;
  /** The form's fields in the import shape (ArticleInput); validated here, never trusted. */
  article: unknown;
  /** A substantive update moves `updatedAt` to now; any other save keeps it. */
  substantive: boolean;
  user: DeskUser;
  /** The revision the editor started from; an older one than the latest is a conflict. */
  baseRevision?: number;
  now?: Date;
}

export type SaveOutcome =
  | {
      ok: true;
      id: string;
      locale: Locale;
      slug: string;
      revision: number;
      /** Cache tags to hand to revalidateEverywhere (lib/publishing/revalidate.ts). */
      tags: string[];
    }
  /** `path` is relative to the article ("title", "body[2].text"); {@link ARTICLE_PATH} for the article as a whole. */
  | { ok: false; problems: Problem[]; conflict?: boolean };

export type PublicationAction = { kind: 'publish' } | { kind: 'schedule'; at: Date } | { kind: 'unpublish' };

export interface RevisionSummary {
  number: number;
  createdAt: string;
  userName: string | null;
  /** The article's status as of this revision (a publication time after the revision counts as scheduled). */
  status: DeskStatus;
  title: string;
  slug: string;
  substantive: boolean;
  note: string | null;
}

/** The path of a problem with the article as a whole (not found, conflict). */
export const ARTICLE_PATH = '(article)';

export const DESK_PAGE_SIZE = 25;
export const DESK_MAX_PAGE_SIZE = 100;
const QUERY_MAX_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Status.

/** The desk's status of a stored row at `now`. */
export function deskStatus(status: string, publishedAt: number | null, now: number): DeskStatus {
  if (status === 'draft') return 'draft';
  if (status === 'published' && publishedAt !== null && publishedAt <= now) return 'published';
  return 'scheduled';
}

/**
 * The SQL for one desk status. Written without OR/IN over `status`, so that the planner keeps
 * reading the desk index in (edited_at, id) order and filters as it goes, instead of merging
 * several ranges and sorting them.
 */
function statusCondition(status: DeskStatus, now: number): Expression<SqlBool> {
  const column = sql.ref('articles.status');
  const publishedAt = sql.ref('articles.published_at');
  switch (status) {
    case 'draft':
      return sql<SqlBool>`${column} = 'draft'`;
    case 'published':
      return sql<SqlBool>`(${column} = 'published' and ${publishedAt} <= ${now})`;
    case 'scheduled':
      return sql<SqlBool>`(${column} <> 'draft' and not (${column} = 'published' and ${publishedAt} <= ${now}))`;
  }
}

// ---------------------------------------------------------------------------------------------
// The list.

function deskPageSize(limit: number | undefined): number {
  if (limit === undefined) return DESK_PAGE_SIZE;
  if (!Number.isFinite(limit)) throw new RangeError(`limit must be a number, got ${limit}`);
  return Math.min(DESK_MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

/** `%`, `_` and the escape character itself match literally. */
function likePattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function filtered(db: Kysely<DB>, options: DeskListOptions, now: number) {
  let query = db.selectFrom('articles');
  if (options.locale !== undefined) query = query.where('articles.locale', '=', options.locale);
  if (options.section !== undefined) query = query.where('articles.section_slug', '=', options.section);
  if (options.status !== undefined) query = query.where(statusCondition(options.status, now));
  const text = options.query?.trim().slice(0, QUERY_MAX_LENGTH) ?? '';
  if (text !== '') {
    // A substring of the title (lower() folds ASCII in SQLite, all of Unicode in PostgreSQL), or
    // the exact slug or id someone pasted. The desk list is small enough to filter while it scans.
    const pattern = likePattern(text);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(${sql.ref('articles.title')})`, 'like', sql<string>`${pattern} escape '\\'`),
        eb('articles.slug', '=', text.toLowerCase()),
        eb('articles.id', '=', text.toLowerCase()),
      ]),
    );
  }
  return query;
}

/**
 * The query behind one page of the desk list: rows after `after` in (edited_at DESC, id DESC)
 * order, at most `limit`. Exported for the query-plan test.
 */
export function deskPageQuery(db: Kysely<DB>, options: DeskListOptions, now: number, after: ListingKey | null, limit: number) {
  // No join: with one, SQLite may loop over sections first and then sort the page; the page's
  // few section names are read afterwards instead.
  let page = filtered(db, options, now)
    .select([
      'articles.id',
      'articles.locale',
      'articles.slug',
      'articles.title',
      'articles.status',
      'articles.section_slug',
      'articles.published_at',
      'articles.updated_at',
      'articles.edited_at',
      'articles.edited_by',
    ])
    .orderBy('articles.edited_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit);
  if (after !== null) {
    page = page.where(sql<SqlBool>`(${sql.ref('articles.edited_at')}, ${sql.ref('articles.id')}) < (${after.publishedAt}, ${after.id})`);
  }
  return page;
}

/**
 * One page of the desk's article list, every status, the most recently edited first
 * (edited_at DESC, id DESC), filtered by status, section, locale and a search. Keyset-paginated:
 * pass `nextCursor` back as `cursor`; a cursor not made here throws InvalidCursorError
 * (lib/data/cursor.ts). Each filter has an index that starts with it and continues in the list's
 * order (migration 0003_desk), so a page reads about `limit` rows however long the list is.
 */
export async function listDeskArticles(database: Database, options: DeskListOptions, now: Date = new Date()): Promise<DeskListPage> {
  const { db } = database;
  const at = instant(now);
  const size = deskPageSize(options.limit);
  // The listing cursor's format carries (edited_at, id) here in place of (published_at, id).
  const after = options.cursor === undefined || options.cursor === null ? null : decodeCursor(options.cursor);

  const page = deskPageQuery(db, options, at, after, size + 1);

  const [rows, countRow] = await Promise.all([
    page.execute(),
    filtered(db, options, at)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirst(),
  ]);
  const pageRows = rows.slice(0, size);
  const [authors, sectionNames] = await Promise.all([
    loadAuthors(
      db,
      pageRows.map((row) => row.id),
    ),
    loadSectionNames(db, pageRows),
  ]);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((row) => ({
      id: row.id,
      locale: toLocale(row.locale, `article ${row.id}`),
      slug: row.slug,
      title: row.title,
      status: deskStatus(row.status, row.published_at, at),
      section: { slug: row.section_slug, name: sectionNames.get(`${row.locale}/${row.section_slug}`) ?? row.section_slug },
      authors: authors.get(row.id) ?? [],
      publishedAt: row.published_at === null ? null : toIso(row.published_at),
      updatedAt: toIso(row.updated_at),
      editedAt: toIso(row.edited_at),
      editedBy: row.edited_by,
    })),
    nextCursor: rows.length > size && last !== undefined ? encodeCursor({ publishedAt: last.edited_at, id: last.id }) : null,
    total: Number(countRow?.count ?? 0),
  };
}

/** `"locale/slug"` → name, for the sections of these rows. */
async function loadSectionNames(db: Kysely<DB>, rows: ReadonlyArray<{ section_slug: string }>): Promise<Map<string, string>> {
  const slugs = [...new Set(rows.map((row) => row.section_slug))];
  if (slugs.length === 0) return new Map();
  const sections = await db.selectFrom('sections').select(['locale', 'slug', 'name']).where('slug', 'in', slugs).execute();
  return new Map(sections.map((section) => [`${section.locale}/${section.slug}`, section.name]));
}

async function loadAuthors(db: Kysely<DB>, ids: string[]): Promise<Map<string, AuthorRef[]>> {
  const byArticle = new Map<string, AuthorRef[]>();
  if (ids.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.slug', 'article_authors.author_slug')
    .select(['article_authors.article_id', 'authors.slug', 'authors.name'])
    .where('article_authors.article_id', 'in', ids)
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position')
    .execute();
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push({ slug: row.slug, name: row.name });
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

// ---------------------------------------------------------------------------------------------
// One article.

async function latestRevision(db: Kysely<DB>, id: string): Promise<number> {
  const row = await db
    .selectFrom('article_revisions')
    .select((eb) => eb.fn.max('number').as('latest'))
    .where('article_id', '=', id)
    .executeTakeFirst();
  return row?.latest == null ? 0 : Number(row.latest);
}

/** Any article by id, whatever its status, with what the editing form needs; null when there is none. */
export async function getDeskArticle(database: Database, id: string): Promise<DeskArticle | null> {
  const { db } = database;
  const [article, stamp, revision] = await Promise.all([
    loadArticle(db, id, null),
    db.selectFrom('articles').select(['edited_at', 'edited_by']).where('id', '=', id).executeTakeFirst(),
    latestRevision(db, id),
  ]);
  if (article === null || stamp === undefined) return null;
  return { article, input: articleToInput(article), revision, editedAt: toIso(stamp.edited_at), editedBy: stamp.edited_by };
}

/**
 * A free slug for `title` in `locale`: its slugify form, or that with the lowest "-2", "-3", …
 * suffix that no other article has as its current or an earlier slug (slugs redirect, so old ones
 * stay taken). `excludeId`'s own slugs count as free. "" when the title has no letters or digits.
 */
export async function suggestSlug(database: Database, locale: Locale, title: string, excludeId?: string): Promise<string> {
  const base = slugify(title);
  if (base === '') return '';
  // Room for a suffix of up to 7 characters ("-999999") within the slug's maximum length.
  const stem = base.slice(0, SLUG_MAX_LENGTH - 7).replace(/-+$/, '');
  let query = database.db
    .selectFrom('article_slugs')
    .select('slug')
    .where('locale', '=', locale)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${stem}-%`)]));
  if (excludeId !== undefined) query = query.where('article_id', '<>', excludeId);
  const taken = new Set((await query.execute()).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${stem}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing.

/** `articles[0].body[2].text` → `body[2].text`; the article itself → {@link ARTICLE_PATH}. */
function relativePath(path: string): string {
  if (path.startsWith('articles[0].')) return path.slice('articles[0].'.length);
  if (path.startsWith('articles[0]')) return path.slice('articles[0]'.length) || ARTICLE_PATH;
  return path === FILE_PATH ? ARTICLE_PATH : path;
}

function rejected(problems: Problem[], conflict = false): SaveOutcome {
  return conflict ? { ok: false, problems, conflict: true } : { ok: false, problems };
}

/** Thrown inside a write transaction to roll it back with an outcome for the editor. */
class Rejection extends Error {
  constructor(readonly outcome: SaveOutcome) {
    super('rejected');
  }
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What the database holds that this one article may refer to: every section and author (a few
 * hundred rows at most) and the owners of the slugs it claims, not the whole slug history.
 */
async function knownReferencesFor(db: Kysely<DB>, candidate: JsonObject): Promise<KnownReferences> {
  const locale = candidate.locale;
  const claims = [candidate.slug, ...(Array.isArray(candidate.previousSlugs) ? candidate.previousSlugs : [])].filter(
    (slug): slug is string => typeof slug === 'string' && slug !== '',
  );
  const [sections, authors, slugs] = await Promise.all([
    db.selectFrom('sections').select(['locale', 'slug']).execute(),
    db.selectFrom('authors').select('slug').execute(),
    isLocale(locale) && claims.length > 0
      ? db.selectFrom('article_slugs').select(['slug', 'article_id']).where('locale', '=', locale).where('slug', 'in', claims).execute()
      : Promise.resolve([]),
  ]);
  return {
    sections: new Set(sections.map((row) => `${row.locale}/${row.slug}`)),
    authors: new Set(authors.map((row) => row.slug)),
    articleSlugs: new Map(slugs.map((row) => [`${String(locale)}/${row.slug}`, row.article_id])),
  };
}

/** Validates one article exactly as an import would; problems relative to the article. */
async function validateArticle(db: Kysely<DB>, candidate: JsonObject): Promise<{ ok: true; input: ArticleInput } | { ok: false; problems: Problem[] }> {
  const result = validateContentFile({ articles: [candidate] }, await knownReferencesFor(db, candidate));
  if (!result.ok) return { ok: false, problems: result.problems.map((problem) => ({ path: relativePath(problem.path), message: problem.message })) };
  const input = result.content.articles?.[0];
  if (input === undefined) throw new Error('validated content lost its article');
  return { ok: true, input };
}

interface StoredState {
  locale: string;
  status: string;
  published_at: number | null;
  updated_at: number;
}

/** The article's row, locked against concurrent writers until the transaction ends (PostgreSQL; SQLite's BEGIN IMMEDIATE already is). */
async function lockArticle(trx: Kysely<DB>, engine: Engine, id: string): Promise<StoredState | undefined> {
  return trx
    .selectFrom('articles')
    .select(['locale', 'status', 'published_at', 'updated_at'])
    .where('id', '=', id)
    .$if(engine === 'postgres', (query) => query.forUpdate())
    .executeTakeFirst();
}

/**
 * The cache tags a write touches. While an article is and was a draft or scheduled, no public
 * page can show it, so only its own tag goes. Once it is or was published: its locale's listings
 * and slugs, and the taxonomy too, since tag pages look their tag up under that tag and a tag that
 * only this article carries starts (or stops) having a public page.
 */
async function tagsFor(trx: Kysely<DB>, id: string, locale: Locale, before: StoredState | undefined, afterStatus: string): Promise<string[]> {
  const visible = before?.status === 'published' || afterStatus === 'published';
  return visible ? [...tagsForArticleChange(await articleChanges(trx, [{ id, locale }])), cacheTags.taxonomy()] : [cacheTags.article(id)];
}

interface WriteRequest {
  id: string;
  input: ArticleInput;
  /** Present for an existing article: what the write replaces, read under the lock. */
  expectExisting: boolean;
  baseRevision?: number;
  substantive: boolean;
  note: string | null;
  user: DeskUser | null;
  now: Date;
  /** Computes the final input from the locked stored state (publication times depend on it). */
  finalize?: (stored: StoredState | undefined, input: ArticleInput) => ArticleInput | SaveOutcome;
}

/**
 * The one write path: lock, check the revision, write through applyContent, store the revision,
 * all in one transaction. An unchanged article writes nothing, not even a revision.
 */
async function writeArticle(database: Database, request: WriteRequest): Promise<SaveOutcome> {
  const { id, now, user } = request;
  try {
    return await withWriteTransaction(database, async (trx) => {
      const stored = await lockArticle(trx, database.engine, id);
      if (request.expectExisting && stored === undefined) throw new Rejection(rejected([{ path: ARTICLE_PATH, message: `no article with id "${id}"` }]));
      if (!request.expectExisting && stored !== undefined) throw new Rejection(rejected([{ path: ARTICLE_PATH, message: `an article with id "${id}" exists already` }]));
      const latest = await latestRevision(trx, id);
      if (request.baseRevision !== undefined && request.baseRevision < latest) {
        throw new Rejection(
          rejected(
            [{ path: ARTICLE_PATH, message: `the article was changed by someone else since revision ${request.baseRevision} (now at revision ${latest}); reload it and make your change again` }],
            true,
          ),
        );
      }
      const finalized = request.finalize ? request.finalize(stored, request.input) : request.input;
      if ('ok' in finalized) throw new Rejection(finalized);
      const input = finalized;

      const [applied] = (
        await applyContentInTransaction(trx, database.engine, { articles: [input] }, { now, editedBy: user?.name ?? null })
      ).articles;
      if (applied === undefined) throw new Error('applyContent returned no article');
      const locale = applied.locale;
      if (applied.action === 'unchanged') {
        return { ok: true, id, locale, slug: applied.slug, revision: latest, tags: [] } satisfies SaveOutcome;
      }
      const saved = await loadArticle(trx, id, null);
      if (saved === null) throw new Error(`article ${id} vanished while it was written`);
      const revision = latest + 1;
      await trx
        .insertInto('article_revisions')
        .values({
          article_id: id,
          number: revision,
          created_at: instant(now),
          user_id: user?.id ?? null,
          user_name: user?.name ?? null,
          substantive: request.substantive ? 1 : 0,
          note: request.note,
          snapshot: canonicalJson(articleToInput(saved)),
        })
        .execute();
      return { ok: true, id, locale, slug: applied.slug, revision, tags: await tagsFor(trx, id, locale, stored, saved.status) } satisfies SaveOutcome;
    });
  } catch (error) {
    if (error instanceof Rejection) return error.outcome;
    // Someone else took a slug between validation and the write: the writer's own check caught it.
    if (error instanceof ContentWriteError) return rejected([{ path: relativePath(error.path), message: error.message.slice(error.path.length + 2) }]);
    throw error;
  }
}

/**
 * The input with the server's times. `updatedAt` is kept as it is, even before `publishedAt`: an edit
 * made before a (scheduled) publication is part of what readers first see, and readers are shown an
 * update only when it is after publication (lib/content/updates.ts). Lifting it to the publication
 * time instead would show a stale or even future "Laatste update" after a reschedule to earlier.
 */
function withTimes(input: ArticleInput, publishedAt: number | null, updatedAt: number): ArticleInput {
  const { publishedAt: _published, updatedAt: _updated, ...rest } = input;
  return {
    ...rest,
    ...(publishedAt === null ? {} : { publishedAt: toIso(publishedAt) }),
    updatedAt: toIso(updatedAt),
  };
}

/** The slug history to send along: every slug the article had, minus the one it (again) has now. */
async function previousSlugsOf(db: Kysely<DB>, id: string, slug: unknown): Promise<string[]> {
  const rows = await db.selectFrom('article_slugs').select('slug').where('article_id', '=', id).orderBy('slug').execute();
  return rows.map((row) => row.slug).filter((existing) => existing !== slug);
}

/**
 * Creates (no `id`) or updates an article from the editor's form. The article's status stays what
 * it is (a new article is a draft): publication goes through {@link changePublication}. Its
 * publication time is the form's. `updatedAt` becomes now for a substantive save and stays
 * otherwise (a new article: its publication time, or now). A changed slug keeps the old one
 * redirecting. Returns every problem, with paths relative to the article, and writes nothing
 * when there is one; a `baseRevision` older than the latest revision is a conflict.
 */
export async function saveArticle(database: Database, request: SaveArticleRequest): Promise<SaveOutcome> {
  const { db } = database;
  const now = request.now ?? new Date();
  const at = instant(now);
  if (!isObject(request.article)) return rejected([{ path: ARTICLE_PATH, message: 'expected the article as an object' }]);

  const existing = request.id === undefined ? null : await getDeskArticle(database, request.id);
  if (request.id !== undefined && existing === null) return rejected([{ path: ARTICLE_PATH, message: `no article with id "${request.id}"` }]);
  const id = existing?.article.id ?? randomUUID();

  // The server decides these; whatever the form sent for them is replaced.
  const { id: _id, status: _status, updatedAt: _updatedAt, previousSlugs: _previous, ...fields } = request.article;
  const candidate: JsonObject = { ...fields, id, status: existing?.article.status ?? 'draft' };
  if (existing !== null) {
    if (candidate.locale === undefined) candidate.locale = existing.article.locale;
    else if (candidate.locale !== existing.article.locale) {
      return rejected([{ path: 'locale', message: `the article is ${existing.article.locale}; an article cannot change locale` }]);
    }
    const previousSlugs = await previousSlugsOf(db, id, candidate.slug);
    if (previousSlugs.length > 0) candidate.previousSlugs = previousSlugs;
  }

  const validation = await validateArticle(db, candidate);
  if (!validation.ok) return rejected(validation.problems);

  return writeArticle(database, {
    id,
    input: validation.input,
    expectExisting: existing !== null,
    ...(request.baseRevision === undefined ? {} : { baseRevision: request.baseRevision }),
    substantive: request.substantive,
    note: existing === null ? 'created' : null,
    user: request.user,
    now,
    finalize: (stored, input) => {
      const publishedAt = input.publishedAt === undefined ? null : Date.parse(input.publishedAt);
      const updatedAt = request.substantive || stored === undefined ? (stored === undefined ? (publishedAt ?? at) : at) : stored.updated_at;
      // The status is the stored one, read again under the lock (a publication may have happened since validation).
      const status = stored === undefined ? 'draft' : stored.status;
      if (status !== input.status) {
        const reread = ArticleInputSchema.safeParse({ ...input, status });
        if (!reread.success) return rejected([{ path: 'publishedAt', message: `is required for a ${status} article` }]);
        return withTimes(reread.data, publishedAt, updatedAt);
      }
      return withTimes(input, publishedAt, updatedAt);
    },
  });
}

/**
 * Publishes, schedules or unpublishes an article, keeping its content and `updatedAt` (which may
 * stay before the publication time; readers then see no update):
 * - publish: published now, or at its stored publication time when that has passed;
 * - schedule: 'scheduled' at `at`, which must be in the future (problem at "publishedAt");
 * - unpublish: back to draft, the publication time kept for a later republication.
 */
export async function changePublication(
  database: Database,
  request: { id: string; action: PublicationAction; user: DeskUser; now?: Date },
): Promise<SaveOutcome> {
  const now = request.now ?? new Date();
  const at = instant(now);
  const current = await getDeskArticle(database, request.id);
  if (current === null) return rejected([{ path: ARTICLE_PATH, message: `no article with id "${request.id}"` }]);
  const { action } = request;
  let note: string;
  if (action.kind === 'schedule') {
    const time = action.at.getTime();
    if (Number.isNaN(time)) return rejected([{ path: 'publishedAt', message: 'is not a valid date-time' }]);
    if (time <= at) return rejected([{ path: 'publishedAt', message: 'must be in the future to schedule the article' }]);
    note = `scheduled for ${toIso(time)}`;
  } else {
    note = action.kind === 'publish' ? 'published' : 'unpublished';
  }
  const wasPublished = current.input.status === 'published';
  const outcome = await writeArticle(database, {
    id: request.id,
    input: current.input,
    expectExisting: true,
    substantive: false,
    note,
    user: request.user,
    now,
    finalize: (stored, input) => {
      if (stored === undefined) return input;
      const storedAt = stored.published_at;
      switch (action.kind) {
        case 'publish':
          return withTimes({ ...input, status: 'published' }, storedAt !== null && storedAt <= at ? storedAt : at, stored.updated_at);
        case 'schedule':
          return withTimes({ ...input, status: 'scheduled' }, action.at.getTime(), stored.updated_at);
        case 'unpublish':
          return withTimes({ ...input, status: 'draft' }, storedAt, stored.updated_at);
      }
    },
  });
  // The audit trail (lib/auth/audit.ts) keeps publications and take-downs of public articles;
  // scheduling and unpublishing a draft or a scheduled article change nothing readers could see.
  if (outcome.ok && (action.kind === 'publish' || (action.kind === 'unpublish' && wasPublished))) {
    const actor = await findUserById(database, request.user.id);
    await recordAuditEvent(
      database,
      {
        type: action.kind === 'publish' ? 'article.published' : 'article.taken-down',
        actor: actor ?? { id: request.user.id, email: '' },
        articleId: request.id,
        details: { locale: outcome.locale, slug: outcome.slug, via: 'desk' },
      },
      now,
    );
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// Revisions.

function parseSnapshot(text: string, where: string): ArticleInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoredDataError(`${where}: snapshot does not parse`);
  }
  const result = ArticleInputSchema.safeParse(value);
  if (!result.success) throw new StoredDataError(`${where}: snapshot does not match the content model: ${result.error.message}`);
  return result.data;
}

interface RevisionRow {
  number: number;
  created_at: number;
  user_name: string | null;
  substantive: number;
  note: string | null;
  snapshot: string;
}

function toRevision(id: string, row: RevisionRow): RevisionSummary & { input: ArticleInput } {
  const input = parseSnapshot(row.snapshot, `article ${id} revision ${row.number}`);
  return {
    number: row.number,
    createdAt: toIso(row.created_at),
    userName: row.user_name,
    status: deskStatus(input.status, input.publishedAt === undefined ? null : Date.parse(input.publishedAt), row.created_at),
    title: input.title,
    slug: input.slug,
    substantive: row.substantive === 1,
    note: row.note,
    input,
  };
}

const REVISION_COLUMNS = ['number', 'created_at', 'user_name', 'substantive', 'note', 'snapshot'] as const;

/** An article's revisions, newest first; empty for an unknown id or an article never saved at the desk. */
export async function listRevisions(database: Database, id: string): Promise<RevisionSummary[]> {
  const rows = await database.db
    .selectFrom('article_revisions')
    .select(REVISION_COLUMNS)
    .where('article_id', '=', id)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => {
    const { input: _input, ...summary } = toRevision(id, row);
    return summary;
  });
}

/** One revision with its whole content, or null. */
export async function getRevision(database: Database, id: string, number: number): Promise<(RevisionSummary & { input: ArticleInput }) | null> {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const row = await database.db
    .selectFrom('article_revisions')
    .select(REVISION_COLUMNS)
    .where('article_id', '=', id)
    .where('number', '=', number)
    .executeTakeFirst();
  return row === undefined ? null : toRevision(id, row);
}

/**
 * Brings back a revision's content (title, slug, intro, section, authors, tags, lead image, body)
 * as a new revision, keeping the article's current status, publication time and `updatedAt`.
 * Validated like a save, against today's sections, authors and slugs.
 */
export async function restoreRevision(database: Database, request: { id: string; number: number; user: DeskUser; now?: Date }): Promise<SaveOutcome> {
  const revision = await getRevision(database, request.id, request.number);
  if (revision === null) return rejected([{ path: ARTICLE_PATH, message: `article "${request.id}" has no revision ${request.number}` }]);
  const current = await getDeskArticle(database, request.id);
  if (current === null) return rejected([{ path: ARTICLE_PATH, message: `no article with id "${request.id}"` }]);

  const { input: old } = revision;
  const candidate: JsonObject = {
    id: request.id,
    locale: current.article.locale,
    slug: old.slug,
    status: current.article.status,
    title: old.title,
    intro: old.intro,
    section: old.section,
    authors: old.authors,
    ...(old.tags === undefined ? {} : { tags: old.tags }),
    ...(current.input.publishedAt === undefined ? {} : { publishedAt: current.input.publishedAt }),
    ...(old.leadImage === undefined ? {} : { leadImage: old.leadImage }),
    body: old.body,
  };
  const previousSlugs = await previousSlugsOf(database.db, request.id, old.slug);
  if (previousSlugs.length > 0) candidate.previousSlugs = previousSlugs;
  const validation = await validateArticle(database.db, candidate);
  if (!validation.ok) return rejected(validation.problems);

  return writeArticle(database, {
    id: request.id,
    input: validation.input,
    expectExisting: true,
    substantive: false,
    note: `restored revision ${request.number}`,
    user: request.user,
    now: request.now ?? new Date(),
    finalize: (stored, input) => {
      if (stored === undefined) return input;
      // Status and times as they are now, under the lock.
      const status = stored.status === 'draft' || stored.status === 'scheduled' || stored.status === 'published' ? stored.status : input.status;
      return withTimes({ ...input, status }, stored.published_at, stored.updated_at);
    },
  });
}
