/**
 * Runs one contract suite against both engines, each in databases of its own.
 *
 * - SQLite: a new file in a new temporary directory per database, removed afterwards.
 * - PostgreSQL: when TEST_DATABASE_URL is set, a new schema with a random name per database,
 *   dropped afterwards. An unreachable server fails the suite (the first open throws in a hook);
 *   it never turns into a skip. Without TEST_DATABASE_URL the PostgreSQL block is registered as
 *   skipped, with the reason in its title, unless REQUIRE_POSTGRES is set (CI), which fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import type { DatabaseConfig } from '@/lib/db/config';
import { openDatabase, type Database, type OpenOptions } from '@/lib/db/connection';
import type { Engine } from '@/lib/db/migrations';

export interface EngineHarness {
  engine: Engine;
  /** A configuration for a database nobody has used yet. */
  freshConfig(): DatabaseConfig;
  /** Opens (and by default migrates) a database; it is closed and removed after the block. */
  open(config: DatabaseConfig, options?: OpenOptions): Promise<Database>;
  /** `open(freshConfig())`. */
  fresh(): Promise<Database>;
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
const REQUIRE_POSTGRES = Boolean(process.env.REQUIRE_POSTGRES);

function tracked(engine: Engine, freshConfig: () => DatabaseConfig, cleanUp: () => Promise<void>): EngineHarness {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close().catch(() => undefined);
    await cleanUp();
  });
  const open = async (config: DatabaseConfig, options?: OpenOptions) => {
    const database = await openDatabase(config, options);
    opened.push(database);
    return database;
  };
  return { engine, freshConfig, open, fresh: () => open(freshConfig()) };
}

function sqliteHarness(): EngineHarness {
  const directories: string[] = [];
  return tracked(
    'sqlite',
    () => {
      const directory = mkdtempSync(path.join(tmpdir(), 'sportnieuws-data-'));
      directories.push(directory);
      return { engine: 'sqlite', filename: path.join(directory, 'test.db') };
    },
    async () => {
      for (const directory of directories) rmSync(directory, { recursive: true, force: true });
    },
  );
}

function postgresHarness(url: string): EngineHarness {
  const schemas: string[] = [];
  let admin: Pool | undefined;
  const adminPool = () => (admin ??= new Pool({ connectionString: url, max: 1 }));

  beforeAll(async () => {
    // The unaccent extension is per database. Install it once in `public`, so the migration of a
    // throw-away schema finds it there instead of creating it inside that schema (dropping the
    // schema would then drop it for every concurrent run). Races between runs are harmless.
    await adminPool()
      .query('create extension if not exists unaccent schema public')
      .catch(async (error: unknown) => {
        const { rows } = await adminPool().query<{ found: number }>("select count(*)::int as found from pg_extension where extname = 'unaccent'");
        if (rows[0]?.found !== 1) throw error;
      });
  });

  return tracked(
    'postgres',
    () => {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      return { engine: 'postgres', url, schema };
    },
    async () => {
      if (admin === undefined) return;
      for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  );
}

/** Defines `suite` once per engine: `<title> [sqlite]` and `<title> [postgres]`. */
export function describeEachEngine(title: string, suite: (harness: EngineHarness) => void): void {
  describe(`${title} [sqlite]`, () => suite(sqliteHarness()));
  describePostgres(title, suite);
}

/** Defines `suite` for PostgreSQL only (a feature SQLite has no counterpart of), as `<title> [postgres]`. */
export function describePostgres(title: string, suite: (harness: EngineHarness) => void): void {
  if (TEST_DATABASE_URL !== undefined) {
    describe(`${title} [postgres]`, () => suite(postgresHarness(TEST_DATABASE_URL)));
  } else if (REQUIRE_POSTGRES) {
    describe(`${title} [postgres]`, () => {
      it('needs TEST_DATABASE_URL (REQUIRE_POSTGRES is set)', () => {
        throw new Error('REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not: the PostgreSQL contract suite cannot run');
      });
    });
  } else {
    // Registered but skipped, so the run reports the PostgreSQL tests as skipped and says why.
    describe.skip(`${title} [postgres] (skipped: TEST_DATABASE_URL is not set)`, () => suite(postgresHarness('postgres://unset')));
  }
}
