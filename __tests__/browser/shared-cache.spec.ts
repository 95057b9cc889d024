/**
 * Two instances of the site behind one Redis (REDIS_URL) and one database, as a newsroom runs
 * them behind a proxy: a page one instance rendered is served by the other from the shared cache,
 * and a change revalidated on one instance shows on the other at once. Their schedulers tick once
 * an hour here, so the cross-instance invalidation table cannot be what refreshes them.
 *
 * Both run the browser suite's build on a database of their own. Desktop project only (see
 * playwright.config.ts): the servers are the subject, not the viewport. Without TEST_REDIS_URL the
 * suite is skipped with the reason in its title, unless REQUIRE_REDIS is set (CI), which fails.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { deleteRedisPrefix, redisKeys, REQUIRE_REDIS, TEST_REDIS_URL } from '../setup/redis';
import { instanceEnv, root, startInstance } from './instances';

const PORTS = { a: 3201, b: 3202 };
const SLUG = 'gedeelde-cache-twee-servers-een-pagina';
const PATH = `/nieuws/${SLUG}`;

function article(title: string) {
  return {
    articles: [
      {
        id: 'e2e-shared-cache',
        locale: 'nl',
        slug: SLUG,
        status: 'published',
        title,
        intro: 'Twee servers, één cache: wat de ene maakt, serveert de andere.',
        section: 'voetbal',
        authors: ['rian-rosendaal'],
        tags: ['Eredivisie'],
        publishedAt: '2026-11-20T10:00:00Z',
        body: [{ type: 'paragraph', text: 'Een artikel dat alleen in deze test bestaat.' }],
      },
    ],
  };
}

test.describe(TEST_REDIS_URL || REQUIRE_REDIS ? 'several instances sharing Redis' : 'several instances sharing Redis (skipped: set TEST_REDIS_URL)', () => {
  test.skip(!TEST_REDIS_URL && !REQUIRE_REDIS, 'TEST_REDIS_URL is not set');
  test.describe.configure({ mode: 'serial' });

  const prefix = `e2e-${randomBytes(6).toString('hex')}`;
  const servers: ChildProcess[] = [];
  let dataDir = '';
  let env: NodeJS.ProcessEnv = { ...process.env };
  const environment = (): NodeJS.ProcessEnv =>
    instanceEnv(dataDir, { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, SCHEDULER_INTERVAL_MS: String(60 * 60 * 1000) });

  function content(args: string[]) {
    const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/content.ts', ...args], {
      cwd: root,
      env: { ...env, REVALIDATE_URL: `http://127.0.0.1:${PORTS.a}` },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout + result.stderr;
  }

  function importTitle(title: string) {
    const file = path.join(dataDir, `article-${randomBytes(4).toString('hex')}.json`);
    writeFileSync(file, JSON.stringify(article(title)));
    return content(['import', file]);
  }

  async function start(port: number) {
    servers.push(await startInstance(port, env));
  }

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    if (!TEST_REDIS_URL) throw new Error('REQUIRE_REDIS is set but TEST_REDIS_URL is not: the shared-cache suite cannot run.');
    dataDir = mkdtempSync(path.join(tmpdir(), 'sportnieuws-shared-'));
    env = environment();
    content(['seed']);
    importTitle('Twee servers delen één cache');
    await Promise.all([start(PORTS.a), start(PORTS.b)]);
  });

  test.afterAll(async () => {
    for (const server of servers) server.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (TEST_REDIS_URL) await deleteRedisPrefix(TEST_REDIS_URL, prefix);
  });

  test('a page one instance rendered is served by the other from Redis', async ({ request }) => {
    const first = await request.get(`http://127.0.0.1:${PORTS.a}${PATH}`);
    expect(first.status()).toBe(200);
    expect(first.headers()['x-nextjs-cache']).toBe('MISS');

    expect((await redisKeys(TEST_REDIS_URL!, `${prefix}:page:*${SLUG}*`)).length).toBeGreaterThan(0);

    // B has never rendered this page, and it was not in the build.
    const second = await request.get(`http://127.0.0.1:${PORTS.b}${PATH}`);
    expect(second.status()).toBe(200);
    expect(second.headers()['x-nextjs-cache']).toBe('HIT');
    expect(await second.text()).toContain('Twee servers delen één cache');
  });

  test('a change revalidated on one instance shows on the other at once', async ({ page }) => {
    await page.goto(`http://127.0.0.1:${PORTS.b}${PATH}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Twee servers delen één cache');

    const output = importTitle('Eén cache, en de wijziging staat overal');
    expect(output).toContain(`Refreshed the running site at http://127.0.0.1:${PORTS.a}/api/revalidate.`);

    await page.goto(`http://127.0.0.1:${PORTS.b}${PATH}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eén cache, en de wijziging staat overal');
    // And A, which rendered the first version, is not left behind either.
    await page.goto(`http://127.0.0.1:${PORTS.a}${PATH}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eén cache, en de wijziging staat overal');
  });

  test('a made-up URL gets its 404 but leaves nothing in Redis', async ({ request }) => {
    const missing = await request.get(`http://127.0.0.1:${PORTS.a}/nieuws/bestaat-echt-niet-${prefix}`);
    expect(missing.status()).toBe(404);
    expect(await redisKeys(TEST_REDIS_URL!, `${prefix}:page:*bestaat-echt-niet*`)).toEqual([]);
  });
});
