/**
 * Opening the database: one Kysely instance over SQLite (better-sqlite3) or PostgreSQL (pg Pool),
 * migrated before it is handed out.
 *
 * Pages reach it through {@link getDatabase}, a process-wide singleton kept on globalThis because
 * Next's dev server re-evaluates modules on every edit and would otherwise open a new pool (and
 * re-run the migration check) each time. Scripts and tests call {@link openDatabase} and close
 * what they open.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type SqliteDatabase } from 'kysely';
import { Pool, TypeOverrides } from 'pg';
import { databaseConfigFromEnv, type DatabaseConfig } from './config';
import { migrateToLatest, type Engine } from './migrations';
import type { DB } from './schema';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Closes the connection (SQLite) or ends the pool (PostgreSQL). */
  close(): Promise<void>;
  /**
   * SQLite: how long a write transaction waits, in all, for another process's write lock
   * (lib/db/transaction.ts). Unset on PostgreSQL, whose writers lock rows, not the file.
   */
  writeWaitMs?: number;
}

/**
 * How long an SQLite writer of the site waits for another process's write lock before SQLITE_BUSY.
 * Scripts that may wait longer (the content CLI behind a large import) pass their own
 * {@link OpenOptions.busyTimeoutMs}.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * How long the site's write transactions (a desk save, a publication, the scheduler) wait for
 * another process's write lock, a long import above all, before they give up with
 * {@link DatabaseBusyError}. They wait without blocking the server (lib/db/transaction.ts), and
 * below the edge's 30 s read timeout, so the editor gets the desk's own answer, not a gateway error.
 */
export const SQLITE_WRITE_WAIT_MS = 20_000;
const POSTGRES_POOL_SIZE = 10;
const PG_INT8_OID = 20;

/**
 * The database holds password and session hashes and unpublished drafts, so only its owner may
 * read it. SQLite creates a file with the process's umask (0644 on most systems) and gives the
 * WAL and shared-memory files the main file's permissions, so the main file is created first, 0600,
 * and a directory made for it 0700. A file an earlier version created readable by others (and its
 * WAL and SHM) is narrowed to 0600 on open; when that is not ours to change, a warning says so.
 */
export function prepareOwnerOnlyFile(filename: string): void {
  const file = path.resolve(filename);
  makeDirectories(path.dirname(file));
  if (!existsSync(file)) {
    try {
      closeSync(openSync(file, 'wx', 0o600));
    } catch (error) {
      // Another process created it first: narrowed below like any existing file.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  for (const candidate of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((statSync(candidate).mode & 0o077) !== 0) chmodSync(candidate, 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      console.warn(`SQLite: could not make ${candidate} readable by its owner only (${code ?? String(error)}); it holds password hashes and drafts.`);
    }
  }
}

/**
 * `mkdir -p`, each new directory 0700. Not `mkdirSync(…, { recursive: true })`: on a path no
 * directory can be made in (`/proc/nope`, where mkdir says ENOENT although the parent exists) Node's
 * recursive mkdir retries for ever, and the CLI hung instead of saying why.
 */
function makeDirectories(directory: string): void {
  if (existsSync(directory)) return;
  const parent = path.dirname(directory);
  if (parent !== directory) makeDirectories(parent);
  try {
    mkdirSync(directory, { mode: 0o700 });
  } catch (error) {
    // Made meanwhile by another process: that is what was wanted.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * One connection per process and file: better-sqlite3 is synchronous, so a second connection in
 * the same process waiting on busy_timeout for the first one's lock would block the very event loop
 * the first needs to finish. getDatabase() gives each process one; other processes (the CLI, other
 * server workers) queue on busy_timeout as SQLite intends.
 */
function openSqlite(filename: string, busyTimeoutMs: number, writeWaitMs: number): Database {
  if (filename !== ':memory:') prepareOwnerOnlyFile(filename);
  const connection = new BetterSqlite3(filename);
  connection.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return {
    db,
    engine: 'sqlite',
    writeWaitMs,
    async close() {
      // SQLite's advice for long-lived connections: let it refresh planner statistics on the way out.
      if (connection.open) connection.pragma('optimize');
      await db.destroy();
    },
  };
}

/** How many distinct SQL texts stay prepared per SQLite connection (least recently used go first). */
export const SQLITE_STATEMENT_CACHE_SIZE = 256;

/**
 * The connection as Kysely sees it, with prepared statements kept for reuse. Kysely asks
 * better-sqlite3 to prepare every query it runs, and a page render runs the same few dozen SQL
 * texts (with different parameters) each time; preparing is a parse and plan in SQLite, so reuse
 * saves that on every query. SQLite re-prepares a kept statement by itself after a schema change.
 * A statement still busy in an open iteration is never handed out twice.
 */
export function withStatementCache(connection: BetterSqlite3.Database, size = SQLITE_STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => connection.close(),
    prepare(sql: string) {
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        // Map order is insertion order: move it to the back, the most recently used end.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = connection.prepare(sql);
      if (!kept) {
        statements.set(sql, statement);
        if (statements.size > size) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}

/** int8 (counts, epoch-millisecond timestamps) as a JS number; refuses values a number cannot hold exactly. */
function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`PostgreSQL int8 value ${value} does not fit in a JS number`);
  return parsed;
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  const types = new TypeOverrides();
  types.setTypeParser(PG_INT8_OID, parseInt8);
  const pool = new Pool({
    connectionString: url,
    types,
    max: POSTGRES_POOL_SIZE,
    // Every connection starts with the schema first on its search_path: tables, the migration
    // bookkeeping and the text search configurations are all found there. (The config only
    // accepts plain lowercase identifiers, so no quoting is needed.)
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error(`PostgreSQL pool: ${error.message}`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const database: Database = { db, engine: 'postgres', close: () => db.destroy() };
  if (schema !== undefined) {
    try {
      await db.schema.createSchema(schema).ifNotExists().execute();
    } catch (error) {
      // Two processes creating the same schema at once can collide even with IF NOT EXISTS.
      const schemas = await db.introspection.getSchemas().catch(() => []);
      if (!schemas.some((found) => found.name === schema)) {
        await database.close();
        throw error;
      }
    }
  }
  return database;
}

export interface OpenOptions {
  /** Run pending migrations before returning (default true). `npm run db:migrate` opens without, to report what it applies. */
  migrate?: boolean;
  /**
   * SQLite only: how long a write waits for another process's write lock before it fails with
   * SQLITE_BUSY ("database is locked"). Default {@link SQLITE_BUSY_TIMEOUT_MS}. The wait blocks
   * the process's event loop (better-sqlite3 is synchronous), so only scripts should raise it.
   */
  busyTimeoutMs?: number;
  /**
   * SQLite only: how long a write transaction waits for the write lock in all, yielding between
   * short attempts. Default: `busyTimeoutMs` when given (a script's chosen wait), else
   * {@link SQLITE_WRITE_WAIT_MS}.
   */
  writeWaitMs?: number;
}

/** Connects to the configured database and, unless told otherwise, migrates it to the latest schema. */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const busyTimeoutMs = options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS;
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) throw new RangeError(`busyTimeoutMs must be a whole number of milliseconds, got ${busyTimeoutMs}`);
  const writeWaitMs = options.writeWaitMs ?? options.busyTimeoutMs ?? SQLITE_WRITE_WAIT_MS;
  if (!Number.isSafeInteger(writeWaitMs) || writeWaitMs < 0) throw new RangeError(`writeWaitMs must be a whole number of milliseconds, got ${writeWaitMs}`);
  const database = config.engine === 'sqlite' ? openSqlite(config.filename, busyTimeoutMs, writeWaitMs) : await openPostgres(config.url, config.schema);
  if (options.migrate === false) return database;
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** True for SQLite's "database is locked" (SQLITE_BUSY and its extended codes) from better-sqlite3, and {@link DatabaseBusyError}. */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * A write transaction that waited its whole {@link Database.writeWaitMs} for another process's
 * SQLite write lock (an import, as a rule) without getting it. Nothing of it was written. Its code
 * is SQLITE_BUSY, so everything that already recognizes a busy database recognizes it too.
 */
export class DatabaseBusyError extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor(readonly waitedMs: number) {
    super(`another process held the database's write lock for longer than this write waits (${Math.round(waitedMs / 1000)} s); nothing was written`);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * Whether another process holds the SQLite file's write lock right now (an import's transaction, a
 * desk save, a migration): a `BEGIN IMMEDIATE` that does not wait. For a script to say why it is
 * about to wait; the answer can be stale a moment later. Always false on PostgreSQL, whose writers
 * lock rows, not the database.
 */
export async function isWriteLockHeldElsewhere(database: Database): Promise<boolean> {
  if (database.engine !== 'sqlite') return false;
  return database.db.connection().execute(async (connection) => {
    const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection);
    const timeout = rows[0]?.timeout ?? SQLITE_BUSY_TIMEOUT_MS;
    await sql`pragma busy_timeout = 0`.execute(connection);
    try {
      await sql`begin immediate`.execute(connection);
      await sql`rollback`.execute(connection);
      return false;
    } catch (error) {
      if (isSqliteBusy(error)) return true;
      throw error;
    } finally {
      await sql.raw(`pragma busy_timeout = ${Math.floor(timeout)}`).execute(connection);
    }
  });
}

/** The tables a content import fills in bulk. */
const CONTENT_TABLES = ['articles', 'article_slugs', 'article_tags', 'article_authors', 'tags', 'sections', 'authors'] as const;

/**
 * Refreshes the query planner's statistics after a bulk write (a large import, a benchmark seed).
 * PostgreSQL otherwise plans from what autovacuum last saw, or from nothing where autovacuum is
 * off: at 100,000 freshly imported articles it estimated 420 published rows instead of 100,000 and
 * fetched a page of 20 articles by id through a bitmap of every published row (11 ms instead of
 * 0.4; the load-more endpoint ran at a third of its speed). SQLite gets `PRAGMA optimize`, which
 * analyses only the tables that need it.
 */
export async function refreshPlannerStatistics(database: Database): Promise<void> {
  if (database.engine === 'postgres') {
    await sql`analyze ${sql.join(CONTENT_TABLES.map((table) => sql.table(table)))}`.execute(database.db);
  } else {
    await sql`pragma optimize`.execute(database.db);
  }
}

const SINGLETON = Symbol.for('sportnieuws.database');
type GlobalWithDatabase = typeof globalThis & { [SINGLETON]?: Promise<Database> };

/**
 * The process-wide database from the environment (DATABASE_URL), opened and migrated once.
 * A failed open is not cached, so the next request tries again.
 */
export function getDatabase(): Promise<Database> {
  const holder: GlobalWithDatabase = globalThis;
  let pending = holder[SINGLETON];
  if (pending === undefined) {
    pending = openDatabase(databaseConfigFromEnv()).catch((error: unknown) => {
      holder[SINGLETON] = undefined;
      throw error;
    });
    holder[SINGLETON] = pending;
  }
  return pending;
}
