import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DatabaseConfig } from '@/lib/db/config';
import { countAllArticles } from '@/lib/data/articles';
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
