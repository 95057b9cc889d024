/**
 * Transactions, the same way on both engines.
 *
 * SQLite: BEGIN IMMEDIATE takes the write lock up front. A plain (deferred) BEGIN that reads first
 * and writes later fails at once with SQLITE_BUSY when another process (the site, an import) got
 * the write lock in between, and busy_timeout cannot help it. With IMMEDIATE, writers queue on
 * busy_timeout instead. Kysely's SQLite driver has a single connection, held for the whole callback.
 * PostgreSQL: Kysely's transaction on one pooled connection.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './connection';
import type { DB } from './schema';

/** One write transaction: all of `work` or none of it. */
export async function withWriteTransaction<T>(database: Database, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (database.engine === 'postgres') return database.db.transaction().execute(work);
  return database.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
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
