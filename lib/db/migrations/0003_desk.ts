import { sql, type Kysely, type Migration } from 'kysely';
import { engineTypes, type Engine } from './engine-types';

/**
 * The editor desk (issue 6): revisions, the desk list's order, the cross-instance cache bus, media.
 *
 * - `article_revisions`: one row per save, publication change or restore, numbered per article from 1.
 *   `snapshot` is the canonical JSON of the ArticleInput as saved, so any revision can be shown
 *   and restored without the tables it came from. Who is copied by name as well as id: a revision
 *   must still say who wrote it after that account is removed (hence no foreign key to users).
 * - `articles.edited_at` / `edited_by`: the last save of any kind (a typo fix too), which the desk
 *   sorts by, unlike `updated_at`, which only substantive updates move. Existing rows start from
 *   `updated_at`. The desk list is a keyset scan in (edited_at DESC, id DESC): one index for the
 *   unfiltered list and one per filter whose leading column is that filter's equality, so every
 *   variant reads rows already in order and stops after its page (the query-plan test holds this).
 * - `cache_invalidations`: tags revalidated on one instance, for the others to follow
 *   (lib/cache/bus.ts). Readers keep a watermark on `id`, so ids must never be reused or go
 *   backwards: AUTOINCREMENT in SQLite (a plain rowid reuses the highest id once it is pruned),
 *   an identity in PostgreSQL.
 * - `media`: uploaded images, in the database so instances stay stateless. `file_name` is content
 *   addressed (first 32 hex of the SHA-256 + extension), so the same bytes are stored once.
 */
export function desk(engine: Engine): Migration {
  const { isPostgres, timestamp, key, table: createTable } = engineTypes(engine);

  return {
    async up(db: Kysely<unknown>) {
      const table = (name: string) => createTable(db, name);

      await table('article_revisions')
        .addColumn('article_id', key, (col) => col.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('number', 'integer', (col) => col.notNull().check(sql`number >= 1`))
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('user_id', 'text')
        .addColumn('user_name', 'text')
        .addColumn('substantive', 'integer', (col) => col.notNull().check(sql`substantive in (0, 1)`))
        .addColumn('note', 'text')
        .addColumn('snapshot', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('article_revisions_pk', ['article_id', 'number'])
        .execute();

      // SQLite cannot add a NOT NULL column without a default; the backfill replaces the 0 at once,
      // and lib/data/write.ts always writes the column, so the default is never what a row keeps.
      await db.schema
        .alterTable('articles')
        .addColumn('edited_at', timestamp, (col) => col.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('articles').addColumn('edited_by', 'text').execute();
      await sql`update articles set edited_at = updated_at`.execute(db);

      const indexes: Array<[name: string, columns: string[]]> = [
        ['articles_desk_idx', ['edited_at', 'id']],
        ['articles_desk_locale_idx', ['locale', 'edited_at', 'id']],
        ['articles_desk_status_idx', ['status', 'edited_at', 'id']],
        ['articles_desk_section_idx', ['section_slug', 'edited_at', 'id']],
      ];
      for (const [name, columns] of indexes) {
        await db.schema.createIndex(name).on('articles').columns(columns).execute();
      }

      if (isPostgres) {
        await sql`create table cache_invalidations (
            id bigint generated always as identity primary key,
            tags text not null,
            created_at bigint not null
          )`.execute(db);
      } else {
        await sql`create table cache_invalidations (
            id integer primary key autoincrement,
            tags text not null,
            created_at integer not null
          ) strict`.execute(db);
      }
      await db.schema.createIndex('cache_invalidations_created_idx').on('cache_invalidations').column('created_at').execute();

      await table('media')
        .addColumn('file_name', key, (col) => col.primaryKey())
        .addColumn('content_type', 'text', (col) => col.notNull())
        .addColumn('bytes', 'integer', (col) => col.notNull().check(sql`bytes > 0`))
        .addColumn('width', 'integer', (col) => col.notNull().check(sql`width > 0`))
        .addColumn('height', 'integer', (col) => col.notNull().check(sql`height > 0`))
        .addColumn('data', isPostgres ? 'bytea' : 'blob', (col) => col.notNull())
        .addColumn('uploaded_by', 'text')
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .execute();
      await sql`create index media_library_idx on media (created_at desc, file_name)`.execute(db);
    },
  };
}
