/**
 * A site write behind another writer's SQLite lock (a large import holds it for its whole
 * transaction): it waits without freezing the server, for up to its write wait, and then gives up
 * with DatabaseBusyError, having written nothing. The other writer is a second connection to the
 * same file, as another process would be.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { DatabaseBusyError, isSqliteBusy, openDatabase, SQLITE_BUSY_TIMEOUT_MS, type Database } from '@/lib/db/connection';
import { withWriteTransaction } from '@/lib/db/transaction';

describe('a write transaction while another connection holds the SQLite write lock', () => {
  let directory: string;
  let filename: string;
  let database: Database;
  let other: BetterSqlite3.Database;

  beforeEach(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'sportnieuws-write-wait-'));
    filename = path.join(directory, 'site.db');
    database = await openDatabase({ engine: 'sqlite', filename }, { writeWaitMs: 3000 });
    other = new BetterSqlite3(filename);
    other.pragma('busy_timeout = 0');
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('rollback');
    other.close();
    await database.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** The other connection takes the lock (and writes, like an import) and keeps it for `ms`. */
  const holdLock = (ms: number) => {
    other.exec('begin immediate');
    other.prepare("insert into sign_in_attempts (key, window_start, failures) values ('import', 0, 0)").run();
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        other.exec('commit');
        resolve();
      }, ms),
    );
  };
  const insertRow = (key: string) => withWriteTransaction(database, (trx) => trx.insertInto('sign_in_attempts').values({ key, window_start: 0, failures: 1 }).execute());
  const keys = async () => (await database.db.selectFrom('sign_in_attempts').select('key').orderBy('key').execute()).map((row) => row.key);

  it('waits for the lock, keeps the event loop running meanwhile, and then writes', async () => {
    const released = holdLock(1000);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    try {
      await insertRow('desk-save');
    } finally {
      clearInterval(ticker);
    }
    await released;
    expect(await keys()).toEqual(['desk-save', 'import']);
    // A synchronous wait on busy_timeout would have let no timer run until the lock came free.
    expect(ticks).toBeGreaterThan(5);
  });

  it('gives up after its write wait with DatabaseBusyError, having written nothing', async () => {
    const released = holdLock(4500);
    const error = await insertRow('desk-save').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect(isSqliteBusy(error)).toBe(true);
    expect((error as DatabaseBusyError).waitedMs).toBeGreaterThanOrEqual(3000);
    expect((error as Error).message).toMatch(/nothing was written/);
    await released;
    expect(await keys()).toEqual(['import']);
    // The connection is fine afterwards, and still has its own busy timeout for single statements.
    await insertRow('second-try');
    expect(await keys()).toEqual(['import', 'second-try']);
    const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(database.db);
    expect(rows[0]?.timeout).toBe(SQLITE_BUSY_TIMEOUT_MS);
  });

  it('lets other queries use the connection between its attempts', async () => {
    const released = holdLock(800);
    const write = insertRow('desk-save');
    // A reader asking while the write waits is answered before the write is.
    const order: string[] = [];
    await Promise.all([write.then(() => order.push('write')), database.db.selectFrom('articles').select('id').limit(1).execute().then(() => order.push('read'))]);
    await released;
    expect(order).toEqual(['read', 'write']);
  });

  it('rolls back and rethrows when the work itself fails, without waiting', async () => {
    await expect(
      withWriteTransaction(database, async (trx) => {
        await trx.insertInto('sign_in_attempts').values({ key: 'half', window_start: 0, failures: 1 }).execute();
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await keys()).toEqual([]);
  });
});
