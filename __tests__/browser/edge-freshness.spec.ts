/**
 * Freshness as an operator runs the site: two instances on one database, without Redis, behind one
 * edge cache. A change made through the content CLI on one instance must show through the edge and
 * on both instances within the freshness bound; an instance that (re)starts must never serve what
 * it cached before writes it did not see; and a server on another database must never serve the
 * build's prerendered pages or data.
 *
 * The bound asserted here is a contract, not a benchmark: the edge keeps a copy until the end of
 * its second (1 s), the other instance reads the invalidation log every SCHEDULER_INTERVAL_MS
 * (500 ms), and a render takes what it takes on a busy test machine. `npm run bench` measures the
 * delays themselves.
 *
 * The instances run the browser suite's build. Desktop project only: the servers are the subject.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { RunningEdge } from '../../scripts/edge';
import { freePort, launchEdge, NGINX, rawRequest, REQUIRE_EDGE, shutDown, SUFFIX } from './edge-server';
import { instanceEnv, root, startInstance } from './instances';

/** The edge's second, the log's poll interval, and a render on a busy 2-core machine. */
const FRESHNESS_BOUND_MS = 2500;

interface ArticleFields {
  id: string;
  slug: string;
  title: string;
  status?: 'published' | 'draft' | 'scheduled';
  publishedAt?: string;
}

function contentFile(articles: ArticleFields[]) {
  return {
    articles: articles.map((article) => ({
      locale: 'nl',
      status: 'published',
      intro: 'Een artikel dat alleen in deze test bestaat, om te zien hoe snel het overal staat.',
      section: 'voetbal',
      authors: ['rian-rosendaal'],
      tags: ['Eredivisie'],
      // Now: the newest story, so the front lists it among its latest.
      publishedAt: new Date(Date.now() - 1000).toISOString(),
      body: [{ type: 'paragraph', text: 'Dijkstad speelt vanavond, en de redactie kijkt hoe snel dit bericht de lezer bereikt.' }],
      ...article,
    })),
  };
}

test.describe(`freshness behind the edge, two instances on one database${SUFFIX}`, () => {
  test.skip(!NGINX && !REQUIRE_EDGE, 'nginx is not installed (apt-get install nginx); set REQUIRE_EDGE=1 to fail instead');
  test.describe.configure({ mode: 'serial' });

  const servers = new Map<number, ChildProcess>();
  const ports = { a: 0, b: 0 };
  let dataDir = '';
  let env: NodeJS.ProcessEnv = { ...process.env };
  let edge: RunningEdge | undefined;
  let runtimeDir = '';

  function content(args: string[], extra: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/content.ts', ...args], {
      cwd: root,
      env: { ...env, REVALIDATE_URL: `http://127.0.0.1:${ports.a}`, ...extra },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout + result.stderr;
  }

  function importArticles(articles: ArticleFields[], extra: Record<string, string> = {}) {
    const file = path.join(dataDir, `import-${randomBytes(4).toString('hex')}.json`);
    writeFileSync(file, JSON.stringify(contentFile(articles)));
    return content(['import', file], extra);
  }

  async function start(port: number, serverEnv: NodeJS.ProcessEnv = env) {
    servers.set(port, await startInstance(port, serverEnv));
  }

  async function stop(port: number) {
    const server = servers.get(port);
    servers.delete(port);
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }

  /** Polls `check` until it holds; fails with what was last seen after the freshness bound. */
  async function seenWithin(what: string, check: () => Promise<boolean>) {
    const started = Date.now();
    await expect.poll(check, { message: what, timeout: FRESHNESS_BOUND_MS, intervals: [50] }).toBe(true);
    return Date.now() - started;
  }

  const body = async (url: string) => (await rawRequest(url, { headers: { 'accept-encoding': 'identity' } })).text;
  const status = async (url: string) => (await rawRequest(url)).status;
  const everywhere = () => [`http://127.0.0.1:${ports.a}`, `http://127.0.0.1:${ports.b}`, edge!.url];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dataDir = mkdtempSync(path.join(tmpdir(), 'sportnieuws-freshness-'));
    ports.a = await freePort();
    ports.b = await freePort();
    const edgePort = await freePort();
    // The instances and the CLI refresh the edge after a write (EDGE_URLS), with the shared secret.
    env = instanceEnv(dataDir, { REDIS_URL: '', EDGE_URLS: `http://127.0.0.1:${edgePort}` });
    content(['seed']);
    await Promise.all([start(ports.a), start(ports.b)]);
    ({ edge, runtimeDir } = await launchEdge(`http://127.0.0.1:${ports.a},http://127.0.0.1:${ports.b}`, { port: edgePort, revalidateSecret: env.REVALIDATE_SECRET }));
  });

  test.afterAll(async () => {
    await shutDown(edge, runtimeDir);
    await Promise.all([...servers.keys()].map(stop));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('a publish on one instance shows through the edge and on both instances', async () => {
    const article = { id: 'e2e-fresh-publish', slug: 'dijkstad-haalt-spits-binnen', title: 'Dijkstad haalt een nieuwe spits binnen' };
    // Every cache holds the front without it, and the article's 404.
    for (const base of everywhere()) {
      expect(await body(`${base}/`)).not.toContain(article.title);
      expect(await status(`${base}/nieuws/${article.slug}`)).toBe(404);
      expect(await status(`${base}/nieuws/${article.slug}`)).toBe(404);
    }
    expect(importArticles([article])).toContain('Refreshed the running site');
    for (const base of everywhere()) {
      await seenWithin(`${base}: the article page`, async () => (await status(`${base}/nieuws/${article.slug}`)) === 200);
      await seenWithin(`${base}: the front lists it`, async () => (await body(`${base}/`)).includes(article.title));
    }
  });

  test('a publish refreshes the edge’s copies itself: the next reader sees it at once, whichever instance the edge asks', async () => {
    // Several publishes, so that the edge's refreshes reach both instances (it takes turns), and
    // the one that did not make the write must catch up with the log before it renders.
    for (const n of [1, 2, 3, 4]) {
      const article = { id: `e2e-fresh-refresh-${n}`, slug: `dijkstad-wint-oefenduel-${n}`, title: `Dijkstad wint oefenduel nummer ${n}` };
      // The edge holds a front without it and the article's 404, fresh or not: without a refresh
      // the next reader would get those.
      expect(await body(`${edge!.url}/`)).not.toContain(article.title);
      expect(await status(`${edge!.url}/nieuws/${article.slug}`)).toBe(404);
      const output = importArticles([article]);
      expect(output).toMatch(/Refreshed \d+ cached pages on the edge/);
      expect(output).not.toContain('failed');
      // No waiting: right after the CLI returns.
      expect(await status(`${edge!.url}/nieuws/${article.slug}`)).toBe(200);
      expect(await body(`${edge!.url}/`)).toContain(article.title);
      expect((await rawRequest(`${edge!.url}/feed.xml`, { headers: { 'accept-encoding': 'identity' } })).text).toContain(article.title);
    }
  });

  test('an unpublish takes the page and its listings down everywhere', async () => {
    const article = { id: 'e2e-fresh-unpublish', slug: 'transfer-gaat-toch-niet-door', title: 'Transfer van de aanvoerder gaat toch niet door' };
    importArticles([article]);
    for (const base of everywhere()) {
      await seenWithin(`${base}: published first`, async () => (await status(`${base}/nieuws/${article.slug}`)) === 200);
    }
    importArticles([{ ...article, status: 'draft' }]);
    for (const base of everywhere()) {
      await seenWithin(`${base}: the page is gone`, async () => (await status(`${base}/nieuws/${article.slug}`)) === 404);
      await seenWithin(`${base}: the feed no longer lists it`, async () => !(await body(`${base}/feed.xml`)).includes(article.slug));
    }
  });

  test('a scheduled article appears everywhere at its time, with nobody acting', async () => {
    const due = new Date(Date.now() + 3000);
    const article = { id: 'e2e-fresh-scheduled', slug: 'opstelling-voor-de-derby-bekend', title: 'Opstelling voor de derby bekend', status: 'scheduled' as const, publishedAt: due.toISOString() };
    importArticles([article]);
    for (const base of everywhere()) expect(await status(`${base}/nieuws/${article.slug}`)).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due.getTime() - Date.now())));
    for (const base of everywhere()) {
      await seenWithin(`${base}: on time`, async () => (await status(`${base}/nieuws/${article.slug}`)) === 200);
    }
  });

  test('an instance restarted after writes it did not see serves the new state, not its old cache', async () => {
    const article = { id: 'e2e-fresh-restart', slug: 'trainer-verlengt-contract', title: 'Trainer verlengt zijn contract' };
    importArticles([article]);
    const onB = `http://127.0.0.1:${ports.b}/nieuws/${article.slug}`;
    await seenWithin('B has the page', async () => (await body(onB)).includes(article.title));
    await stop(ports.b);
    // Written while B is down, and nobody told it: A is not running the request either.
    importArticles([{ ...article, title: 'Trainer verlengt zijn contract tot 2030' }], { REVALIDATE_URL: 'http://127.0.0.1:1' });
    await start(ports.b);
    expect(await body(onB)).toContain('Trainer verlengt zijn contract tot 2030');
  });

  test('a server on another database never serves the build’s pages or data', async () => {
    // An empty database with one article of its own, on the same build as the others.
    const otherDir = mkdtempSync(path.join(tmpdir(), 'sportnieuws-other-db-'));
    const otherEnv = { ...env, DATABASE_URL: `file:${path.join(otherDir, 'site.db')}`, SEED_DEMO: 'false' };
    const port = await freePort();
    try {
      const file = path.join(otherDir, 'one.json');
      writeFileSync(
        file,
        JSON.stringify({
          ...contentFile([{ id: 'e2e-other-db', slug: 'enige-artikel-op-deze-database', title: 'Het enige artikel op deze database' }]),
          sections: [{ locale: 'nl', slug: 'voetbal', name: 'Voetbal', order: 1 }],
          authors: [{ slug: 'rian-rosendaal', name: 'Rian Rosendaal', bio: 'Verslaggever.' }],
        }),
      );
      const imported = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/content.ts', 'import', file], { cwd: root, env: { ...otherEnv, REVALIDATE_URL: 'http://127.0.0.1:1' }, encoding: 'utf8' });
      expect(imported.status, imported.stderr).toBe(0);
      await start(port, otherEnv);
      const front = await body(`http://127.0.0.1:${port}/`);
      expect(front).toContain('Het enige artikel op deze database');
      // The build's database had the demo content; none of it may show here.
      expect(front).not.toContain('Trainer van FC Dijkstad blijft kalm na nederlaag');
      expect(await status(`http://127.0.0.1:${port}/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag`)).toBe(404);
    } finally {
      await stop(port);
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
