import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Migrator, sql, type Migration } from 'kysely';
import type { DatabaseConfig } from '@/lib/db/config';
import type { Database } from '@/lib/db/connection';
import { countAllArticles } from '@/lib/data/articles';
import { listSections } from '@/lib/data/taxonomy';
import { exportContent } from '@/lib/data/export';
import { applyContent } from '@/lib/data/write';
import { migrateToLatest, migrationsFor } from '@/lib/db/migrations';
import { contentFixture, FIXTURE_NOW } from '../fixtures/content';
import { describeEachEngine } from './engines';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

function databaseUrl(config: DatabaseConfig): string {
  if (config.engine === 'sqlite') return `file:${config.filename}`;
  const url = new URL(config.url);
  if (config.schema !== undefined) url.searchParams.set('schema', config.schema);
  return url.toString();
}

/** Migrates `config` in a separate Node process; resolves to the migrations that process applied. */
async function migrateInChildProcess(config: DatabaseConfig): Promise<unknown> {
  const { stdout } = await run(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'migrate-child.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl(config), DATABASE_SCHEMA: '' },
  });
  return JSON.parse(stdout);
}

describeEachEngine('migrations', (harness) => {
  const allMigrations = Object.keys(migrationsFor(harness.engine));

  it('applies every migration to a new database, in order', async () => {
    const database = await harness.open(harness.freshConfig(), { migrate: false });
    await expect(migrateToLatest(database)).resolves.toEqual(allMigrations);
  });

  it('is idempotent: migrating again applies nothing and keeps the data', async () => {
    const config = harness.freshConfig();
    const first = await harness.open(config);
    await applyContent(first, contentFixture, { now: FIXTURE_NOW });
    await expect(migrateToLatest(first)).resolves.toEqual([]);
    await first.close();

    const reopened = await harness.open(config);
    await expect(migrateToLatest(reopened)).resolves.toEqual([]);
    await expect(countAllArticles(reopened)).resolves.toBe(contentFixture.articles.length);
  });

  it('lets several processes migrate the same new database at once: one applies, the others wait and find nothing to do', async () => {
    const config = harness.freshConfig();
    const applied = await Promise.all([1, 2, 3].map(() => migrateInChildProcess(config)));
    expect(applied.filter((names) => JSON.stringify(names) === JSON.stringify(allMigrations))).toHaveLength(1);
    expect(applied.filter((names) => JSON.stringify(names) === '[]')).toHaveLength(2);
    const database = await harness.open(config);
    await expect(countAllArticles(database)).resolves.toBe(0);
  }, 60_000);
});

describeEachEngine('migration 0004: a section’s order becomes optional', (harness) => {
  /** A database migrated up to and including `last`, as a site that has not upgraded yet has it. */
  async function migratedUpTo(last: string): Promise<Database> {
    const database = await harness.open(harness.freshConfig(), { migrate: false });
    const all = Object.entries(migrationsFor(database.engine));
    const upTo: Record<string, Migration> = Object.fromEntries(all.slice(0, all.findIndex(([name]) => name === last) + 1));
    const schema =
      database.engine === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema : undefined;
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => upTo }, ...(schema === undefined ? {} : { migrationTableSchema: schema }) });
    const { error } = await migrator.migrateToLatest();
    if (error !== undefined) throw error;
    return database;
  }

  it('keeps every section, article and reference of an existing database, and then accepts sections without an order', async () => {
    const database = await migratedUpTo('0003_desk');
    await applyContent(database, contentFixture, { now: FIXTURE_NOW });
    const before = await exportContent(database);

    // Later migrations follow it; this one is applied first.
    expect((await migrateToLatest(database))[0]).toBe('0004_optional_section_order');
    expect(await exportContent(database)).toEqual(before);
    await expect(countAllArticles(database)).resolves.toBe(contentFixture.articles.length);

    await applyContent(database, { sections: [{ slug: 'zwemmen', locale: 'nl', name: 'Zwemmen' }] }, { now: FIXTURE_NOW });
    const sections = await listSections(database, 'nl');
    expect(sections.at(-1)).toEqual({ slug: 'zwemmen', locale: 'nl', name: 'Zwemmen', order: null });

    // Articles still reference their section: a renamed slug cascades, an unknown one is refused.
    // (Driver errors are matched by message: better-sqlite3's errors come from another realm when a
    // Jest worker runs several files, and fail toThrow's instanceof check.)
    await sql`update sections set slug = 'voetbal-nieuw' where locale = 'nl' and slug = 'voetbal'`.execute(database.db);
    const moved = await database.db.selectFrom('articles').select('id').where('section_slug', '=', 'voetbal-nieuw').execute();
    expect(moved.length).toBeGreaterThan(0);
    await expect(sql`update articles set section_slug = 'bestaat-niet' where id = ${moved[0]?.id ?? ''}`.execute(database.db)).rejects.toMatchObject({ message: expect.stringMatching(/foreign key/i) });
  });

  it('makes sort_order nullable and changes nothing else (on SQLite: still STRICT, same primary key, no copy left behind)', async () => {
    const database = await migratedUpTo('0003_desk');
    await migrateToLatest(database);
    if (database.engine !== 'sqlite') {
      const { rows } = await sql<{ nullable: string }>`
        select is_nullable as nullable from information_schema.columns
        where table_schema = current_schema() and table_name = 'sections' and column_name = 'sort_order'`.execute(database.db);
      expect(rows).toEqual([{ nullable: 'YES' }]);
      return;
    }
    await expect(sql`insert into sections (locale, slug, name, sort_order) values ('nl', 'x', 'X', 'eerste')`.execute(database.db)).rejects.toMatchObject({ message: expect.stringMatching(/cannot store TEXT/i) });
    await sql`insert into sections (locale, slug, name, sort_order) values ('nl', 'y', 'Y', null)`.execute(database.db);
    await expect(sql`insert into sections (locale, slug, name, sort_order) values ('nl', 'y', 'Y2', 1)`.execute(database.db)).rejects.toMatchObject({ message: expect.stringMatching(/UNIQUE|PRIMARY/i) });
    const { rows } = await sql<{ name: string }>`select name from sqlite_temp_master`.execute(database.db);
    expect(rows).toEqual([]);
  });
});
