/**
 * Versioned schema migrations, defined in code.
 *
 * The list is handed to Kysely's Migrator through a custom provider, so nothing globs the file
 * system and the migrations work bundled inside Next. Migrations are append-only: never edit one
 * that has shipped, add the next `NNNN_name` instead. Where the dialects differ (full-text search,
 * identity columns, STRICT tables) a migration branches on the engine.
 *
 * Index design: every public listing is a keyset scan in (published_at DESC, id DESC) order over
 * rows with status = 'published' AND published_at <= now. Each listing has its own composite
 * index whose leading columns are the listing's equality filters, then status, then the sort key,
 * so the engine seeks to the cursor and reads rows already in order, stopping after `limit`:
 *
 *   home / latest   articles(locale, status, published_at, id)
 *   all locales     articles(status, published_at, id)           (sitemaps, feeds across locales)
 *   section         articles(locale, section_slug, status, published_at, id)
 *   video hub       articles(locale, has_video, status, published_at, id)
 *   tag             article_tags(tag_slug, locale, status, published_at, article_id)
 *   author          article_authors(author_slug, locale, status, published_at, article_id)
 *
 * The tag and author indexes need the article's locale, status and published_at on the link rows;
 * lib/data/write.ts keeps those copies in step in the same transaction as the article.
 * The indexes are covering for (published_at, id), so counts and page-start seeks read the index only.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DB } from './schema';

export type Engine = 'sqlite' | 'postgres';

/** Anything that has a Kysely instance and knows its engine (a `Database`, without the cycle). */
interface MigratableDatabase {
  db: Kysely<DB>;
  engine: Engine;
}

/** The PostgreSQL text search configuration per locale: the language's stemmer behind `unaccent`. */
export const POSTGRES_SEARCH_CONFIGS = { nl: 'article_search_nl', en: 'article_search_en' } as const;

/**
 * Makes sure the `unaccent` dictionary exists and returns the schema it lives in, or null when the
 * server does not offer it (search is then accent-sensitive; a warning says so).
 * If another schema of this database already has the extension, that one is used: an extension is
 * per database, and creating it inside a throw-away schema would drop it with that schema.
 */
async function ensureUnaccent(db: Kysely<unknown>): Promise<string | null> {
  const findSchema = async () => {
    const { rows } = await sql<{ schema: string }>`
      select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
      where e.extname = 'unaccent'`.execute(db);
    return rows[0]?.schema ?? null;
  };
  const existing = await findSchema();
  if (existing !== null) return existing;
  await sql`savepoint ensure_unaccent`.execute(db);
  try {
    await sql`create extension if not exists unaccent`.execute(db);
    await sql`release savepoint ensure_unaccent`.execute(db);
  } catch (error) {
    await sql`rollback to savepoint ensure_unaccent`.execute(db);
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`PostgreSQL: the unaccent extension is not available (${message}); search will be accent-sensitive.`);
  }
  return findSchema();
}

async function createPostgresSearch(db: Kysely<unknown>): Promise<void> {
  const unaccentSchema = await ensureUnaccent(db);
  const languages = [
    { config: POSTGRES_SEARCH_CONFIGS.nl, base: 'dutch', stem: 'dutch_stem' },
    { config: POSTGRES_SEARCH_CONFIGS.en, base: 'english', stem: 'english_stem' },
  ];
  for (const { config, base, stem } of languages) {
    await sql`create text search configuration ${sql.id(config)} (copy = ${sql.id('pg_catalog', base)})`.execute(db);
    if (unaccentSchema !== null) {
      // Fold accents before stemming, so "Atletico" finds "Atlético" and the headline marks it.
      await sql`alter text search configuration ${sql.id(config)}
        alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part
        with ${sql.id(unaccentSchema, 'unaccent')}, ${sql.id('pg_catalog', stem)}`.execute(db);
    }
  }
  // The configuration follows the row's locale. Casting literals to regconfig resolves them once,
  // when the column is created, so the expression is immutable as a generated column requires.
  const config = sql`(case locale
      when 'nl' then ${sql.lit(POSTGRES_SEARCH_CONFIGS.nl)}::regconfig
      when 'en' then ${sql.lit(POSTGRES_SEARCH_CONFIGS.en)}::regconfig
      else 'simple'::regconfig end)`;
  await sql`alter table articles add column search tsvector generated always as (
      setweight(to_tsvector(${config}, title), 'A') ||
      setweight(to_tsvector(${config}, intro), 'B') ||
      setweight(to_tsvector(${config}, body_text), 'C')
    ) stored`.execute(db);
  await sql`create index articles_search_idx on articles using gin (search)`.execute(db);
}

async function createSqliteSearch(db: Kysely<unknown>): Promise<void> {
  // Its own copy of the text (snippet() needs it), keyed by rowid = articles.seq; lib/data/write.ts
  // maintains it. remove_diacritics 2 folds accents on both the index and the query side.
  await sql`create virtual table article_search using fts5(
      title, intro, body_text,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
}

/**
 * The column types and table builder every migration shares, per engine:
 * - `timestamp`: epoch milliseconds (`bigint` in PostgreSQL, `integer` in SQLite);
 * - `key`: ids and slugs, compared byte-wise in both engines (SQLite's default) whatever collation
 *   the PostgreSQL database was created with, so ties on published_at break identically everywhere;
 * - `table(db, name)`: a CREATE TABLE that is STRICT in SQLite, so SQLite enforces the declared
 *   column types as PostgreSQL does.
 */
function engineTypes(engine: Engine) {
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

function initialSchema(engine: Engine): Migration {
  const { isPostgres, timestamp, key, table: createTable } = engineTypes(engine);

  return {
    async up(db: Kysely<unknown>) {
      const table = (name: string) => createTable(db, name);

      await table('sections')
        .addColumn('locale', 'text', (col) => col.notNull())
        .addColumn('slug', key, (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('sort_order', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('sections_pk', ['locale', 'slug'])
        .execute();

      await table('authors')
        .addColumn('slug', key, (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('bio', 'text', (col) => col.notNull())
        .addColumn('image', 'text')
        .execute();

      await table('tags')
        .addColumn('slug', key, (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull())
        .execute();

      let articles = table('articles');
      articles = isPostgres
        ? articles
            .addColumn('id', key, (col) => col.primaryKey())
            .addColumn('seq', 'integer', (col) => col.generatedAlwaysAsIdentity().notNull().unique())
        : articles
            // An INTEGER PRIMARY KEY is SQLite's rowid under a name, stable across VACUUM.
            .addColumn('seq', 'integer', (col) => col.primaryKey())
            .addColumn('id', key, (col) => col.notNull().unique());
      await articles
        .addColumn('locale', 'text', (col) => col.notNull())
        .addColumn('slug', key, (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('draft', 'scheduled', 'published')`))
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('intro', 'text', (col) => col.notNull())
        .addColumn('section_slug', key, (col) => col.notNull())
        .addColumn('published_at', timestamp)
        .addColumn('updated_at', timestamp, (col) => col.notNull())
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('lead_image', 'text')
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('body_text', 'text', (col) => col.notNull())
        .addColumn('has_video', 'integer', (col) => col.notNull().check(sql`has_video in (0, 1)`))
        .addUniqueConstraint('articles_locale_slug_key', ['locale', 'slug'])
        .addCheckConstraint('articles_public_has_time', sql`status = 'draft' or published_at is not null`)
        .addForeignKeyConstraint('articles_section_fk', ['locale', 'section_slug'], 'sections', ['locale', 'slug'], (fk) =>
          fk.onUpdate('cascade'),
        )
        .execute();

      for (const [name, column, target] of [
        ['article_authors', 'author_slug', 'authors'],
        ['article_tags', 'tag_slug', 'tags'],
      ] as const) {
        await table(name)
          .addColumn('article_id', key, (col) => col.notNull().references('articles.id').onDelete('cascade'))
          .addColumn(column, key, (col) => col.notNull().references(`${target}.slug`).onUpdate('cascade'))
          .addColumn('position', 'integer', (col) => col.notNull())
          .addColumn('locale', 'text', (col) => col.notNull())
          .addColumn('status', 'text', (col) => col.notNull())
          .addColumn('published_at', timestamp)
          .addPrimaryKeyConstraint(`${name}_pk`, ['article_id', column])
          .execute();
      }

      await table('article_slugs')
        .addColumn('locale', 'text', (col) => col.notNull())
        .addColumn('slug', key, (col) => col.notNull())
        .addColumn('article_id', key, (col) => col.notNull().references('articles.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('article_slugs_pk', ['locale', 'slug'])
        .execute();

      const indexes: Array<[name: string, table: string, columns: string[]]> = [
        ['articles_latest_idx', 'articles', ['locale', 'status', 'published_at', 'id']],
        ['articles_all_locales_idx', 'articles', ['status', 'published_at', 'id']],
        ['articles_section_idx', 'articles', ['locale', 'section_slug', 'status', 'published_at', 'id']],
        ['articles_video_idx', 'articles', ['locale', 'has_video', 'status', 'published_at', 'id']],
        ['article_tags_listing_idx', 'article_tags', ['tag_slug', 'locale', 'status', 'published_at', 'article_id']],
        ['article_authors_listing_idx', 'article_authors', ['author_slug', 'locale', 'status', 'published_at', 'article_id']],
        ['article_slugs_article_idx', 'article_slugs', ['article_id']],
      ];
      for (const [name, on, columns] of indexes) {
        await db.schema.createIndex(name).on(on).columns(columns).execute();
      }

      if (isPostgres) await createPostgresSearch(db);
      else await createSqliteSearch(db);
    },
  };
}

/**
 * The editor desk's accounts (lib/auth/): users, server-side sessions and sign-in throttling.
 *
 * - `users.email` is stored lowercased by lib/auth/users.ts, so the unique constraint is
 *   case-insensitive in effect on both engines without engine-specific collations.
 * - `sessions.id` is the SHA-256 (hex) of the cookie's token; the token itself is never stored, so
 *   a leaked table or backup cannot be replayed as cookies. Sessions go with their user (cascade).
 * - `sign_in_attempts` holds one fixed-window failure counter per key (`account:<email>`,
 *   `address:<ip>`), in the database so that every instance sees the same counts.
 */
function accounts(engine: Engine): Migration {
  const { timestamp, key, table: createTable } = engineTypes(engine);

  return {
    async up(db: Kysely<unknown>) {
      const table = (name: string) => createTable(db, name);

      await table('users')
        .addColumn('id', key, (col) => col.primaryKey())
        .addColumn('email', key, (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('editor', 'admin')`))
        .addColumn('password_hash', 'text', (col) => col.notNull())
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('updated_at', timestamp, (col) => col.notNull())
        .addUniqueConstraint('users_email_key', ['email'])
        .execute();

      await table('sessions')
        .addColumn('id', key, (col) => col.primaryKey())
        .addColumn('user_id', key, (col) => col.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('last_seen_at', timestamp, (col) => col.notNull())
        .addColumn('expires_at', timestamp, (col) => col.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['user_id']).execute();
      await db.schema.createIndex('sessions_expires_idx').on('sessions').columns(['expires_at']).execute();

      await table('sign_in_attempts')
        .addColumn('key', key, (col) => col.primaryKey())
        .addColumn('window_start', timestamp, (col) => col.notNull())
        .addColumn('failures', 'integer', (col) => col.notNull())
        .execute();
    },
  };
}

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
function desk(engine: Engine): Migration {
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
function optionalSectionOrder(engine: Engine): Migration {
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

/**
 * Revocable share links (issue 22): `share_links` records every link the desk or the CLI makes,
 * by the SHA-256 of its token (never the token), with who made it and when it expires. A signed
 * link opens only while its row is there and not revoked, so a link can be withdrawn one by one,
 * all at once, and automatically when its article is taken down. Rows go with their article.
 * The desk lists an article's active links through `share_links_article_idx`.
 */
function shareLinks(engine: Engine): Migration {
  const { timestamp, key, table: createTable } = engineTypes(engine);

  return {
    async up(db: Kysely<unknown>) {
      await createTable(db, 'share_links')
        .addColumn('token_hash', key, (col) => col.primaryKey().check(sql`length(token_hash) = 64`))
        .addColumn('article_id', key, (col) => col.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('expires_at', timestamp, (col) => col.notNull())
        .addColumn('created_by_id', 'text')
        .addColumn('created_by_name', 'text')
        .addColumn('revoked_at', timestamp)
        .addColumn('revoked_by_name', 'text')
        .addColumn('revoke_reason', 'text', (col) => col.check(sql`revoke_reason in ('revoked', 'taken-down')`))
        .execute();
      await db.schema.createIndex('share_links_article_idx').on('share_links').columns(['article_id', 'expires_at']).execute();
    },
  };
}

/**
 * The audit trail and account recovery (issue 22).
 *
 * - `audit_events`: one row per security event (lib/auth/audit.ts). Append-only. The admin screen
 *   reads it newest first, by key on `id` (never OFFSET), optionally filtered by event type or by
 *   an account's email, as actor or as subject; each filter has an index whose leading column is
 *   its equality, then `id`. Emails are copied, not referenced: the trail must outlive the
 *   accounts it names. `id` is AUTOINCREMENT in SQLite, an identity in PostgreSQL.
 * - `users.password_change_required`: 1 after an admin reset, until the user picks their own
 *   password; such a session can do nothing but change it (lib/auth/request-session.ts).
 * - `users.password_expires_at`: when a one-time password stops working (null: never).
 */
function audit(engine: Engine): Migration {
  const { isPostgres, timestamp } = engineTypes(engine);

  return {
    async up(db: Kysely<unknown>) {
      if (isPostgres) {
        await sql`create table audit_events (
            id bigint generated always as identity primary key,
            created_at bigint not null,
            type text not null,
            actor_id text,
            actor_email text collate "C",
            subject_id text,
            subject_email text collate "C",
            article_id text,
            address text,
            details text not null
          )`.execute(db);
      } else {
        await sql`create table audit_events (
            id integer primary key autoincrement,
            created_at integer not null,
            type text not null,
            actor_id text,
            actor_email text,
            subject_id text,
            subject_email text,
            article_id text,
            address text,
            details text not null
          ) strict`.execute(db);
      }
      const indexes: Array<[name: string, columns: string[]]> = [
        ['audit_events_type_idx', ['type', 'id']],
        ['audit_events_actor_idx', ['actor_email', 'id']],
        ['audit_events_subject_idx', ['subject_email', 'id']],
      ];
      for (const [name, columns] of indexes) {
        await db.schema.createIndex(name).on('audit_events').columns(columns).execute();
      }

      await db.schema
        .alterTable('users')
        .addColumn('password_change_required', 'integer', (col) =>
          col.notNull().defaultTo(0).check(sql`password_change_required in (0, 1)`),
        )
        .execute();
      await db.schema.alterTable('users').addColumn('password_expires_at', timestamp).execute();
    },
  };
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
