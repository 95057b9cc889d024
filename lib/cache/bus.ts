/**
 * The cross-instance invalidation bus: a table of cache tags that one instance revalidated, which
 * every other instance reads and follows (lib/publishing/scheduler.ts polls it, and on PostgreSQL
 * also wakes up on a notification, lib/cache/bus-listener.ts).
 *
 * Next's cache is per instance. Revalidating a tag in a Server Action refreshes the instance that
 * ran it; the others would go on serving the old page until PAGE_REVALIDATE_SECONDS. Writing the
 * tags here as well lets them catch up within one scheduler tick, with nothing to configure: the
 * database is the one thing every instance already shares.
 *
 * Readers keep a watermark (the highest id they have handled) and ask for ids above it, so ids must
 * become visible in increasing order. SQLite serializes writers, so they do. In PostgreSQL an
 * identity value is taken when the row is inserted, not when it commits: a transaction that took
 * id 7 could commit after one that took id 8, and a reader that already saw 8 would skip 7 for
 * good. Every insert therefore first takes a transaction-scoped advisory lock, which makes
 * inserting and committing one step in id order.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@/lib/db/connection';
import type { Engine } from '@/lib/db/migrations';
import type { DB } from '@/lib/db/schema';
import { withWriteTransaction } from '@/lib/db/transaction';
import { instant } from '@/lib/data/visibility';
import { BUS_CHANNEL } from './bus-listener';
import { isCacheTag } from './tags';

/** An arbitrary, fixed key for the advisory lock that orders bus inserts in PostgreSQL. */
const BUS_LOCK_KEY = 6_061_001;

/** How long entries are kept: far longer than any instance may go without polling. */
export const BUS_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface Invalidation {
  id: number;
  tags: string[];
  /** Epoch ms, by the clock of the instance that wrote it. */
  createdAt: number;
}

function checkTags(tags: readonly string[]): string[] {
  const unique = [...new Set(tags)];
  for (const tag of unique) {
    if (!isCacheTag(tag)) throw new RangeError(`not a cache tag of this site: ${JSON.stringify(tag)}`);
  }
  return unique;
}

/**
 * Adds an entry inside a write transaction the caller holds (the scheduler's flip writes it with
 * the articles it published, so other instances hear of exactly the committed change). Insert it
 * last in the transaction: in PostgreSQL the lock it takes is held until commit.
 */
export async function announceInTransaction(trx: Kysely<DB>, engine: Engine, tags: readonly string[], now: Date = new Date()): Promise<number | null> {
  const unique = checkTags(tags);
  if (unique.length === 0) return null;
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${BUS_LOCK_KEY})`.execute(trx);
  const { id } = await trx
    .insertInto('cache_invalidations')
    .values({ tags: JSON.stringify(unique), created_at: instant(now) })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Delivered when the transaction commits: listening instances tick at once (lib/cache/bus-listener.ts).
  if (engine === 'postgres') await sql`select pg_notify(${BUS_CHANNEL}, ${String(id)})`.execute(trx);
  return id;
}

/**
 * Adds an entry for `tags` in a transaction of its own. Returns its id, or null for no tags.
 * Every instance revalidates the entry on its next tick, the writing one included: a render that
 * was already running when the write committed may store the old content after the writer's own
 * revalidation, and this second pass, a tick later, clears it.
 */
export async function announce(database: Database, tags: readonly string[], options: { now?: Date } = {}): Promise<number | null> {
  return withWriteTransaction(database, (trx) => announceInTransaction(trx, database.engine, tags, options.now));
}

/** The highest id on the bus, or 0 when it is empty: where a new instance starts to listen. */
export async function latestInvalidationId(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('cache_invalidations')
    .select((eb) => eb.fn.max('id').as('latest'))
    .executeTakeFirst();
  return row?.latest == null ? 0 : Number(row.latest);
}

/**
 * Entries after `watermark`, oldest first, at most `limit`. Tags a row holds that this version of
 * the site does not know are dropped (a newer instance may write new kinds of tags during a rolling
 * deploy); a row that does not parse at all is returned with no tags, so the watermark still moves on.
 */
export async function readInvalidationsAfter(database: Database, watermark: number, limit = 500): Promise<Invalidation[]> {
  const rows = await database.db
    .selectFrom('cache_invalidations')
    .select(['id', 'tags', 'created_at'])
    .where('id', '>', watermark)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    let tags: string[] = [];
    try {
      const parsed: unknown = JSON.parse(row.tags);
      if (Array.isArray(parsed)) tags = parsed.filter(isCacheTag);
    } catch {
      // Left empty: see above.
    }
    return { id: Number(row.id), tags, createdAt: row.created_at };
  });
}

/** Deletes entries older than {@link BUS_RETENTION_MS}; returns how many. */
export async function pruneInvalidations(database: Database, now: Date = new Date()): Promise<number> {
  const result = await database.db
    .deleteFrom('cache_invalidations')
    .where('created_at', '<', instant(now) - BUS_RETENTION_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
