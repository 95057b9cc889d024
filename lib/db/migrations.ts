/**
 * Versioned schema migrations, defined in code: one file per migration under ./migrations/, listed
 * here in order.
 *
 * The list is handed to Kysely's Migrator through a custom provider, so nothing globs the file
 * system and the migrations work bundled inside Next. Migrations are append-only: never edit one
 * that has shipped, add the next `NNNN_name` instead. Where the dialects differ (full-text search,
 * identity columns, STRICT tables) a migration branches on the engine (./migrations/engine-types.ts).
 * The listing indexes, and why they look as they do, are in ./migrations/0001_initial_schema.ts.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DB } from './schema';
import { initialSchema } from './migrations/0001_initial_schema';
import { accounts } from './migrations/0002_accounts';
import { desk } from './migrations/0003_desk';
import { optionalSectionOrder } from './migrations/0004_optional_section_order';
import { shareLinks } from './migrations/0005_share_links';
import { audit } from './migrations/0006_audit';
import type { Engine } from './migrations/engine-types';

export type { Engine } from './migrations/engine-types';
export { POSTGRES_SEARCH_CONFIGS } from './migrations/search';

/** Anything that has a Kysely instance and knows its engine (a `Database`, without the cycle). */
interface MigratableDatabase {
  db: Kysely<DB>;
  engine: Engine;
}

/** Every migration, in order. Names sort lexicographically; never reorder or edit shipped ones. */
export function migrationsFor(engine: Engine): Record<string, Migration> {
  return {
    '0001_initial_schema': initialSchema(engine),
    '0002_accounts': accounts(engine),
    '0003_desk': desk(engine),
    '0004_optional_section_order': optionalSectionOrder(engine),
    '0005_share_links': shareLinks(engine),
    '0006_audit': audit(engine),
  };
}

class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor(this.engine);
  }
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

async function runMigrator(db: Kysely<DB>, engine: Engine, migrationTableSchema: string | undefined): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new InCodeMigrationProvider(engine),
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const message = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed ?? '(setup)'} failed: ${message}`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}

/**
 * Brings the schema up to date and returns the names of the migrations it applied (empty when
 * there was nothing to do). Safe to call from several processes at once:
 * - PostgreSQL: Kysely's migrator takes an advisory lock and runs in a transaction. The migration
 *   bookkeeping tables live in the connection's current schema, so runs in different schemas of
 *   one database never see each other's.
 * - SQLite: the migrator takes no lock and runs outside a transaction, so it runs here inside
 *   BEGIN IMMEDIATE: one process migrates, the others wait (busy_timeout) and then find nothing to do,
 *   and a failing migration leaves no half-made schema.
 */
export async function migrateToLatest(database: MigratableDatabase): Promise<string[]> {
  const { db, engine } = database;
  if (engine === 'postgres') {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    const schema = rows[0]?.schema;
    if (!schema) throw new MigrationError('PostgreSQL has no current schema (check search_path and the schema setting)');
    return runMigrator(db, engine, schema);
  }
  await sql`begin immediate`.execute(db);
  try {
    const applied = await runMigrator(db, engine, undefined);
    await sql`commit`.execute(db);
    return applied;
  } catch (error) {
    await sql`rollback`.execute(db);
    throw error;
  }
}
