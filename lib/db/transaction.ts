/**
 * Transactions, the same way on both engines.
 *
 * SQLite: BEGIN IMMEDIATE takes the write lock up front. A plain (deferred) BEGIN that reads first
 * and writes later fails at once with SQLITE_BUSY when another process (the site, an import) got
 * the write lock in between, and busy_timeout cannot help it. With IMMEDIATE, a writer waits for
 * the lock before it has done anything: in short attempts with pauses between them, for up to the
 * database's `writeWaitMs` in all, then DatabaseBusyError. Kysely's SQLite driver has a single
 * connection, held for the whole callback, and given back between attempts.
 * PostgreSQL: Kysely's transaction on one pooled connection.
 */
import { sql, type Kysely } from 'kysely';
import { DatabaseBusyError, isSqliteBusy, SQLITE_BUSY_TIMEOUT_MS, SQLITE_WRITE_WAIT_MS, type Database } from './connection';
import type { DB } from './schema';

/**
 * How long one attempt at SQLite's write lock may block the process. better-sqlite3 waits on
 * busy_timeout synchronously, so a server that waited its whole 20 s in one attempt would answer
 * no reader meanwhile. Between attempts the event loop runs (and other queries use the connection).
 */
const LOCK_ATTEMPT_MS = 50;
const LOCK_PAUSE_MS = { first: 25, max: 250 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** BEGIN IMMEDIATE found the lock taken; the connection was given back, so another attempt can follow. */
class LockTaken extends Error {}

/** One write transaction: all of `work` or none of it. */
export async function withWriteTransaction<T>(database: Database, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (database.engine === 'postgres') return database.db.transaction().execute(work);
  const waitMs = database.writeWaitMs ?? SQLITE_WRITE_WAIT_MS;
  const started = Date.now();
  for (let pause = LOCK_PAUSE_MS.first; ; pause = Math.min(pause * 2, LOCK_PAUSE_MS.max)) {
    try {
      return await attemptWriteTransaction(database, work, Math.min(LOCK_ATTEMPT_MS, waitMs));
    } catch (error) {
      if (!(error instanceof LockTaken)) throw error;
      const waited = Date.now() - started;
      if (waited >= waitMs) throw new DatabaseBusyError(waited);
      await sleep(Math.min(pause, waitMs - waited));
    }
  }
}

/**
 * Takes the write lock, waiting at most `attemptMs` in SQLite, and runs `work` under it. The
 * connection's own busy_timeout (which single statements outside a transaction use) is put back
 * right after BEGIN.
 */
async function attemptWriteTransaction<T>(database: Database, work: (trx: Kysely<DB>) => Promise<T>, attemptMs: number): Promise<T> {
  return database.db.connection().execute(async (connection) => {
    const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection);
    const ownTimeout = rows[0]?.timeout ?? SQLITE_BUSY_TIMEOUT_MS;
    await sql.raw(`pragma busy_timeout = ${Math.floor(attemptMs)}`).execute(connection);
    try {
      await sql`begin immediate`.execute(connection);
    } catch (error) {
      throw isSqliteBusy(error) ? new LockTaken() : error;
    } finally {
      await sql.raw(`pragma busy_timeout = ${Math.floor(ownTimeout)}`).execute(connection);
    }
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      try {
        await sql`rollback`.execute(connection);
      } catch {
        // SQLite already rolled back on its own (e.g. SQLITE_FULL); the original error is what matters.
      }
      throw error;
    }
  });
}

/**
 * Several reads that must see one consistent state (the export: articles must not refer to a
 * section written after the sections were read). PostgreSQL: a REPEATABLE READ, READ ONLY
 * transaction. SQLite: a deferred transaction, whose WAL snapshot is fixed at its first read and
 * which takes no write lock. `work` gets a Database bound to that transaction; do not close it.
 */
export async function withReadSnapshot<T>(database: Database, work: (snapshot: Database) => Promise<T>): Promise<T> {
  const bound = (db: Kysely<DB>): Database => ({ db, engine: database.engine, close: async () => undefined });
  if (database.engine === 'postgres') {
    return database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => work(bound(trx)));
  }
  return database.db.connection().execute(async (connection) => {
    await sql`begin`.execute(connection);
    try {
      const result = await work(bound(connection));
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}
