/**
 * The origin with its database gone, as an operator meets it: one instance on PostgreSQL, reached
 * through a TCP relay the suite can cut and restore, so the server really loses its connections
 * (the PostgreSQL server itself stays up for everyone else). While the database is unreachable,
 * every page answers the localized 503 page with Retry-After, rendered on the server, and feeds,
 * sitemaps and the JSON API their own 503; nothing is a 500 for long, and the site recovers by
 * itself when the database is back.
 *
 * Desktop project only: the server is the subject. Without TEST_DATABASE_URL the suite is skipped
 * with the reason in its title, unless REQUIRE_POSTGRES is set (CI), which fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Pool } from 'pg';
import { freePort, rawRequest } from './edge-server';
import { instanceEnv, root, startInstance } from './instances';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
const REQUIRE_POSTGRES = Boolean(process.env.REQUIRE_POSTGRES);

/** A TCP relay to the PostgreSQL server that can be cut (every connection dropped) and restored. */
function relay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  return {
    async open(port: number) {
      server = net.createServer((client) => {
        const upstream = net.connect(target);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    async cut() {
      const closing = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const socket of sockets) socket.destroy();
      await closing;
      server = undefined;
    },
  };
}

test.describe(TEST_DATABASE_URL || REQUIRE_POSTGRES ? 'the origin with its database unreachable' : 'the origin with its database unreachable (skipped: set TEST_DATABASE_URL)', () => {
  test.skip(!TEST_DATABASE_URL && !REQUIRE_POSTGRES, 'TEST_DATABASE_URL is not set');
  test.describe.configure({ mode: 'serial' });

  const schema = `e2e_down_${randomBytes(5).toString('hex')}`;
  let server: ChildProcess | undefined;
  let base = '';
  let relayPort = 0;
  let dataDir = '';
  let database: ReturnType<typeof relay> | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    if (!TEST_DATABASE_URL) throw new Error('REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not');
    const target = new URL(TEST_DATABASE_URL);
    database = relay({ host: target.hostname, port: Number(target.port || 5432) });
    relayPort = await freePort();
    await database.open(relayPort);
    const url = new URL(TEST_DATABASE_URL);
    url.hostname = '127.0.0.1';
    url.port = String(relayPort);
    url.searchParams.set('schema', schema);
    dataDir = mkdtempSync(path.join(tmpdir(), 'sportnieuws-down-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = instanceEnv(dataDir, { DATABASE_URL: url.toString(), REDIS_URL: '' });
    // Not spawnSync: the relay runs in this process, and must pass the seed's queries along.
    const seeding = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/content.ts', 'seed'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    seeding.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => seeding.once('close', resolve));
    expect(code, errors).toBe(0);
    server = await startInstance(port, env);
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database?.cut();
    if (TEST_DATABASE_URL) {
      const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
      await admin.query(`drop schema if exists ${schema} cascade`).finally(() => admin.end());
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  // As a browser asks for a document.
  const get = (target: string) => rawRequest(`${base}${target}`, { headers: { 'accept-encoding': 'identity', accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });

  test('pages answer the localized 503 page while it is gone, route handlers their own 503, and all recover', async () => {
    test.setTimeout(90_000);
    const front = await get('/');
    expect(front.status).toBe(200);
    const article = /href="(\/nieuws\/[a-z0-9-]+)"/.exec(front.text)?.[1];
    expect(article).toBeTruthy();

    await database!.cut();
    // The scheduler's next tick (500 ms) finds the database gone, whatever readers do meanwhile.
    await expect.poll(async () => (await get(article!)).status, { timeout: 10_000, intervals: [200] }).toBe(503);

    for (const [target, lang] of [
      [article!, 'nl'],
      ['/rubriek/voetbal', 'nl'],
      ['/zoeken?q=derby', 'nl'],
      ['/redactie/inloggen', 'nl'],
      ['/en', 'en'],
      ['/en/search?q=derby', 'en'],
    ] as const) {
      const answer = await get(target);
      expect(answer.status, target).toBe(503);
      expect(answer.headers['retry-after'], target).toBe('30');
      expect(answer.headers['cache-control'], target).toBe('no-store');
      expect(answer.headers['content-type'], target).toContain('text/html');
      expect(answer.text, target).toContain(`<html lang="${lang}">`);
      // The site's own security headers, as on every answer.
      expect(answer.headers['content-security-policy'], target).toBeTruthy();
    }
    for (const [target, type] of [
      ['/feed.xml', 'xml'],
      ['/news-sitemap.xml', 'xml'],
      ['/api/listings?locale=nl&section=voetbal', 'json'],
    ] as const) {
      const answer = await get(target);
      expect(answer.status, target).toBe(503);
      expect(answer.headers['content-type'], target).toContain(type);
      expect(answer.headers['retry-after'], target).toBe('30');
    }
    // An address that cannot name anything is still a 404, database or not.
    expect((await get('/nieuws/%FF')).status).toBe(404);

    await database!.open(relayPort);
    await expect.poll(async () => (await get(article!)).status, { timeout: 15_000, intervals: [200] }).toBe(200);
    expect((await get('/')).status).toBe(200);
    expect((await get('/feed.xml')).status).toBe(200);
  });
});
