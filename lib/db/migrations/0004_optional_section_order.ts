import { sql, type Kysely, type Migration } from 'kysely';
import { engineTypes, type Engine } from './engine-types';

/**
 * A section's order becomes optional (issue "Real content is refused"): `sections.sort_order` may be
 * NULL, which readers sort after every ordered section (lib/content/sections.ts). Existing rows keep
 * their numbers.
 *
 * Intros and bios need no migration: they were already allowed to be empty and are stored as `''`
 * when absent, so the search indexes built on `articles.intro` stay as they are.
 *
 * - PostgreSQL drops the NOT NULL constraint in place.
 * - SQLite cannot alter a column's constraints, so the table is rebuilt with the same definition
 *   minus NOT NULL (STRICT, the same primary key). Migrations run inside BEGIN IMMEDIATE with
 *   foreign keys on, where `PRAGMA foreign_keys = OFF` does nothing; articles reference sections,
 *   so the rebuild defers foreign key checks to the commit instead. Dropping the old table counts
 *   every article as a violation, and putting each section back under the same key clears it
 *   again; should any section fail to come back, the commit refuses and nothing changes.
 */
export function optionalSectionOrder(engine: Engine): Migration {
  const { isPostgres, key, table: createTable } = engineTypes(engine);

  return {
    async up(db: Kysely<unknown>) {
      if (isPostgres) {
        await sql`alter table sections alter column sort_order drop not null`.execute(db);
        return;
      }
      await sql`pragma defer_foreign_keys = on`.execute(db);
      await sql`create temp table sections_0004 as select locale, slug, name, sort_order from main.sections`.execute(db);
      await sql`drop table main.sections`.execute(db);
      await createTable(db, 'sections')
        .addColumn('locale', 'text', (col) => col.notNull())
        .addColumn('slug', key, (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('sort_order', 'integer')
        .addPrimaryKeyConstraint('sections_pk', ['locale', 'slug'])
        .execute();
      await sql`insert into main.sections (locale, slug, name, sort_order)
        select locale, slug, name, sort_order from temp.sections_0004`.execute(db);
      await sql`drop table temp.sections_0004`.execute(db);
    },
  };
}
