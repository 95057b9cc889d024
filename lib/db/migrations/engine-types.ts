import { sql, type Kysely } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/**
 * The column types and table builder every migration shares, per engine:
 * - `timestamp`: epoch milliseconds (`bigint` in PostgreSQL, `integer` in SQLite);
 * - `key`: ids and slugs, compared byte-wise in both engines (SQLite's default) whatever collation
 *   the PostgreSQL database was created with, so ties on published_at break identically everywhere;
 * - `table(db, name)`: a CREATE TABLE that is STRICT in SQLite, so SQLite enforces the declared
 *   column types as PostgreSQL does.
 */
export function engineTypes(engine: Engine) {
  const isPostgres = engine === 'postgres';
  return {
    isPostgres,
    timestamp: isPostgres ? 'bigint' : 'integer',
    key: isPostgres ? sql`text collate "C"` : 'text',
    table(db: Kysely<unknown>, name: string) {
      const builder = db.schema.createTable(name);
      return isPostgres ? builder : builder.modifyEnd(sql`strict`);
    },
  } as const;
}
