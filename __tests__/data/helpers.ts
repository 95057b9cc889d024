/**
 * Shared steps of the data-layer contract suites.
 */
import { sql } from 'kysely';
import type { ArticleSummary, ContentFile } from '@/lib/content/model';
import type { Database } from '@/lib/db/connection';
import { listPublicArticles, type ListingFilter } from '@/lib/data/listing';
import { applyContent } from '@/lib/data/write';
import { contentFixture, FIXTURE_NOW } from '../fixtures/content';
import type { EngineHarness } from './engines';

/** A fresh database holding `content` (the fixture by default), opened before the block's tests. */
export function useContentDatabase(harness: EngineHarness, content: ContentFile = contentFixture): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await harness.fresh();
    await applyContent(database, content, { now: FIXTURE_NOW });
  });
  return () => {
    if (database === undefined) throw new Error('the fixture database did not open (see the beforeAll failure)');
    return database;
  };
}

/** Every page of a listing, following nextCursor from the first page to the last. */
export async function walkListing(database: Database, filter: ListingFilter, limit: number, now: Date = FIXTURE_NOW): Promise<ArticleSummary[][]> {
  const pages: ArticleSummary[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listPublicArticles(database, { ...filter, cursor, limit, now });
    pages.push(page.items);
    cursor = page.nextCursor;
    if (pages.length > 1000) throw new Error('the listing does not end');
  } while (cursor !== null);
  return pages;
}

export const ids = (items: ReadonlyArray<{ id: string }>) => items.map((item) => item.id);

const TABLES = ['sections', 'authors', 'tags', 'articles', 'article_authors', 'article_tags', 'article_slugs'] as const;

/**
 * A fingerprint that changes whenever any row is written, even with the same values. SQLite: the
 * connection's total_changes() (inserts, updates and deletes, FTS rows included; rolled-back ones
 * count too). PostgreSQL: every row's physical position and creating transaction (ctid, xmin),
 * which any committed insert, update or delete changes.
 */
export async function writeFingerprint(database: Database): Promise<string> {
  if (database.engine === 'sqlite') {
    const { rows } = await sql<{ changes: number }>`select total_changes() as changes`.execute(database.db);
    return String(rows[0]?.changes);
  }
  const parts: string[] = [];
  for (const table of TABLES) {
    const { rows } = await sql<{ version: string }>`select ctid::text || '@' || xmin::text as version from ${sql.table(table)} order by 1`.execute(
      database.db,
    );
    parts.push(`${table}:${rows.map((row) => row.version).join(',')}`);
  }
  return parts.join('\n');
}

/** Every stored row of every table (SQLite's FTS rows too), as text: equal snapshots, equal contents. */
export async function contentSnapshot(database: Database): Promise<string> {
  const tables: string[] = [...TABLES, ...(database.engine === 'sqlite' ? ['article_search'] : [])];
  const parts: string[] = [];
  for (const table of tables) {
    const rowid = table === 'article_search' ? sql`rowid, ` : sql``;
    const { rows } = await sql<Record<string, unknown>>`select ${rowid}* from ${sql.table(table)}`.execute(database.db);
    parts.push(`${table}: ${rows.map((row) => JSON.stringify(row)).sort().join('\n')}`);
  }
  return parts.join('\n');
}
