/**
 * The desk's article list: every status, the most recently edited first, filtered and
 * keyset-paginated.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { AuthorRef, SectionRef } from '@/lib/content/model';
import { decodeCursor, encodeCursor, type ListingKey } from '@/lib/data/cursor';
import { toIso, toLocale } from '@/lib/data/reshape';
import { instant } from '@/lib/data/visibility';
import type { Database } from '@/lib/db/connection';
import type { DB } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import { deskStatus, statusCondition, type DeskStatus } from './status';
import { loadArticleRelations } from '@/lib/data/articles';

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

export const DESK_PAGE_SIZE = 25;
export const DESK_MAX_PAGE_SIZE = 100;
const QUERY_MAX_LENGTH = 200;

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
    loadArticleRelations(
      db,
      pageRows.map((row) => row.id),
      ['authors'],
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
      authors: authors.get(row.id)?.authors ?? [],
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
