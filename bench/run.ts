/**
 * `npm run bench`: throughput, latency, bytes, memory and Lighthouse of a production build, against
 * budgets. See bench/README.md for what each figure means and how it is taken.
 *
 *   npm run bench                                  # 1,000 and 100,000 articles, 50 connections × 10 s
 *   npm run bench -- --quick                       # 1,000 only, 5 s runs, no Lighthouse
 *   npm run bench -- --scale 1000,20000 --duration 5 --connections 20 --no-lighthouse
 *
 * Phases, each bounded: seed fresh databases → build into .next-bench → per database: next start,
 * load every route, memory → ceiling, bytes, Lighthouse once → the edge cache in front of the
 * smallest SQLite database, and the pages one publish invalidates at every scale (bench/edge.ts)
 * → table + bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createClient } from 'redis';
import { sharedCacheConfig } from '@/lib/cache/shared-config';
import { openDatabase, type Database } from '@/lib/db/connection';
import { databaseConfigFromEnv, type DatabaseConfig } from '@/lib/db/config';
import { countPublicArticles } from '@/lib/data/listing';
import { LISTING_PAGE_SIZE } from '@/lib/site/pagination';
import { createGenerator, MAIN_SECTION, seedSynthetic, type Generator } from './content';
import { loadEachOnce, loadUrl, timeOne, waitIdle, type LoadResult, type LoadSettings } from './load';
import { bestCeiling, CEILING_RUNS, measureCeiling, type Ceiling } from './ceiling';
import { measureFrameworkFloor } from './floor';
import { withServerHeapLimit } from '../scripts/server-heap';
import { MemorySampler, type MemoryPeak } from './memory';
import { startCpuAccount, startStealAccount } from './cpu';
import { freePort, startNext, type RunningServer } from './server';
import {
  allNamespaces,
  bareBaseline,
  bareHtmlGzipBytes,
  breakDownHtml,
  clientNamespaces,
  firstLoadJs,
  namespacesIn,
  pageContent,
  staticChunks,
  visibleTextBytes,
  type HtmlBreakdown,
  type PageContent,
  type RouteJs,
} from './bytes';
import { runLighthouse, type LighthouseScores } from './lighthouse';
import { measureNextAb, PREVIOUS_NEXT, type AbResult } from './next-ab';
import { edgeRows, measureEdge, measureInvalidationScope, type EdgeContext, type EdgeResult, type EdgeTarget, type PhaseError, type ScopeRun } from './edge';
import { fmt, loadSummary, markdownTable, verdict, writeResults, type Row } from './report';

const root = path.resolve(__dirname, '..');
const DIST_DIR = '.next-bench';
const outDir = path.join(root, 'bench', 'out');
const resultsFile = path.join(root, 'bench', 'results.json');

/** Lighthouse runs per page; the run with the median Performance score is reported. */
const LIGHTHOUSE_RUNS = 3;

function medianRun(runs: LighthouseScores[]): LighthouseScores {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new Error('no Lighthouse run');
  return { ...median, performanceRuns: runs.map((run) => run.performance) };
}

/** Above this share of the CPU used by other processes during a run, its row carries a warning. */
const NOISY_FOREIGN_CPU = 0.05;

const BUDGET = {
  cachedArticleOfCeiling: 0.1,
  uncachedOfCached: 0.15,
  latencyGrowth: 1.2,
  articleJsOverBareKb: 25,
  /** The article's HTML, gzip, against a bare Next page carrying the same text and images. */
  htmlOverBare: 1.25,
  lighthouse: { performance: 95, accessibility: 100, bestPractices: 100, seo: 100, cls: 0.02 },
  memoryMb: 400,
  /** Server CPU per uncached render against the release before the upgrade; 5% is the A/B's noise. */
  uncachedCpuOverPrevious: 1.05,
};

interface Settings {
  scales: number[];
  load: LoadSettings;
  lighthouse: boolean;
  quick: boolean;
  /** The Next release to A/B the uncached render against (bench/next-ab.ts), or null for none. */
  abNext: string | null;
}

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scale: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      'ab-next': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run bench -- [--quick] [--scale 1000,100000] [--duration 10] [--connections 50] [--warmup 3] [--no-lighthouse] [--ab-next <version>|none]');
    process.exit(0);
  }
  const positive = (raw: string | undefined, fallback: number, name: string) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name}: expected a whole number, got "${raw}"`);
    return value;
  };
  const quick = values.quick;
  const scales = (values.scale ?? (quick ? '1000' : '1000,100000')).split(',').map((part) => positive(part.trim(), 0, 'scale'));
  if (scales.some((scale) => scale < 100 || scale > 1_000_000)) throw new Error('--scale: each scale must be 100…1,000,000 articles');
  return {
    scales: [...new Set(scales)].sort((a, b) => a - b),
    load: {
      connections: Math.max(1, positive(values.connections, 50, 'connections')),
      duration: Math.max(1, positive(values.duration, quick ? 5 : 10, 'duration')),
      warmup: positive(values.warmup, quick ? 2 : 3, 'warmup'),
    },
    lighthouse: !quick && !values['no-lighthouse'],
    quick,
    abNext: abNextVersion(values['ab-next'], quick),
  };
}

/** `--ab-next`: a release such as 16.4.6, or "none"; by default the previous release in full runs only. */
function abNextVersion(raw: string | undefined, quick: boolean): string | null {
  if (raw === undefined) return quick ? null : PREVIOUS_NEXT;
  if (raw === 'none') return null;
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(raw)) throw new Error(`--ab-next: expected a Next version such as ${PREVIOUS_NEXT}, or "none"; got "${raw}"`);
  return raw;
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (message: string) => console.log(`[bench ${elapsed().padStart(5)}] ${message}`);

// ---------------------------------------------------------------------------------------------
// Databases

interface Target {
  engine: 'sqlite' | 'postgres';
  scale: number;
  config: DatabaseConfig;
  /** The DATABASE_URL the server gets. */
  url: string;
  /** Drops what was created (PostgreSQL schema); SQLite files stay in bench/out for inspection. */
  cleanup(): Promise<void>;
  seedSeconds: number;
  /** Public articles in the main Dutch section, for the deepest listing page. */
  mainSectionCount: number;
}

async function seedTarget(engine: 'sqlite' | 'postgres', scale: number, generator: Generator): Promise<Target> {
  let config: DatabaseConfig;
  let url: string;
  let cleanup = async () => undefined;
  if (engine === 'sqlite') {
    const filename = path.join(outDir, `db-sqlite-${scale}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${filename}${suffix}`, { force: true });
    config = { engine: 'sqlite', filename };
    url = `file:${filename}`;
  } else {
    const base = databaseConfigFromEnv();
    if (base.engine !== 'postgres') throw new Error('DATABASE_URL is not a PostgreSQL URL');
    const schema = `bench_${Date.now().toString(36)}_${scale}`;
    config = { engine: 'postgres', url: base.url, schema };
    const withSchema = new URL(base.url);
    withSchema.searchParams.set('schema', schema);
    url = withSchema.toString();
    cleanup = async () => {
      const database = await openDatabase({ engine: 'postgres', url: base.url }, { migrate: false });
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
      } finally {
        await database.close();
      }
    };
  }
  const database: Database = await openDatabase(config);
  try {
    let reported = 0;
    const timing = await seedSynthetic(database, generator, scale, (done) => {
      if (done - reported >= 20_000 || done === scale) {
        log(`  ${engine} ${scale}: ${done.toLocaleString('en-US')} articles written`);
        reported = done;
      }
    });
    const mainSectionCount = await countPublicArticles(database, { locale: 'nl', section: MAIN_SECTION.nl });
    log(`seeded ${engine} with ${scale.toLocaleString('en-US')} articles in ${timing.seconds.toFixed(1)} s`);
    return { engine, scale, config, url, cleanup, seedSeconds: timing.seconds, mainSectionCount };
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Build, and a clean page cache for every server

/** The shared cache is off unless a run asks for it (see `sharedCacheRun`). */
function baseEnv(origin: string, databaseUrl: string): NodeJS.ProcessEnv {
  const { REDIS_URL: _redisUrl, REDIS_KEY_PREFIX: _redisPrefix, ...inherited } = process.env;
  return {
    ...inherited,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: databaseUrl,
    SITE_URL: origin,
    SEED_DEMO: 'false',
  };
}

function build(origin: string, databaseUrl: string): number {
  const begin = Date.now();
  const nextBin = require.resolve('next/dist/bin/next', { paths: [root] });
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env: baseEnv(origin, databaseUrl), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(path.join(outDir, 'build.log'), `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) throw new Error(`next build failed (see bench/out/build.log):\n${(result.stdout + result.stderr).slice(-3000)}`);
  return (Date.now() - begin) / 1000;
}

/**
 * The parts of the build that a running server writes to: prerendered pages (`server/app`), the
 * ISR cache of pages rendered on demand (`server/route-cache`, Next ≥ 16.4) and the data cache.
 */
const MUTABLE = [path.join('server', 'app'), path.join('server', 'route-cache'), path.join('cache', 'fetch-cache')];

function snapshotBuild(): void {
  const pristine = path.join(outDir, 'pristine');
  rmSync(pristine, { recursive: true, force: true });
  for (const part of MUTABLE) {
    const from = path.join(root, DIST_DIR, part);
    if (existsSync(from)) cpSync(from, path.join(pristine, part), { recursive: true });
  }
}

/** Puts the page and data caches back to how the build left them, so every database starts cold. */
function restoreBuild(): void {
  const pristine = path.join(outDir, 'pristine');
  for (const part of MUTABLE) {
    const to = path.join(root, DIST_DIR, part);
    rmSync(to, { recursive: true, force: true });
    if (existsSync(path.join(pristine, part))) cpSync(path.join(pristine, part), to, { recursive: true });
  }
  rmSync(path.join(root, DIST_DIR, 'cache', 'images'), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// The edge phase's view of a database (bench/edge.ts)

/**
 * The shared secret of POST /api/revalidate for the edge phase's servers, the content CLI and
 * this process (which publishes like the CLI does). Set explicitly, so PostgreSQL (which has no
 * secret file) works the same, and no secret file beside a database is needed.
 */
const EDGE_REVALIDATE_SECRET = `bench-${randomBytes(16).toString('hex')}`;

/**
 * `copy`: work on a fresh copy of a SQLite database (bench/out/db-sqlite-<scale>-edge.sqlite).
 * Steps 1–4 always do (they publish ~60 articles, which would change the home front of the
 * database that step 5 and the Redis run load afterwards); step 5 does for a database a later run
 * loads again (the smallest, with Redis). Otherwise step 5's one publish stays in the database,
 * which nothing reads afterwards (a PostgreSQL schema is dropped at the end anyway).
 */
function edgeTarget(target: Target, copy: boolean): EdgeTarget {
  let database = target.config;
  let url = target.url;
  if (copy && database.engine === 'sqlite') {
    const filename = path.join(outDir, `db-sqlite-${target.scale}-edge.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) {
      rmSync(`${filename}${suffix}`, { force: true });
      if (existsSync(`${database.filename}${suffix}`)) cpSync(`${database.filename}${suffix}`, `${filename}${suffix}`);
    }
    database = { engine: 'sqlite', filename };
    url = `file:${filename}`;
  }
  const envFor = (origin: string) => withServerHeapLimit({ ...baseEnv(origin, url), REVALIDATE_SECRET: EDGE_REVALIDATE_SECRET });
  return {
    engine: target.engine,
    scale: target.scale,
    database,
    env: envFor('http://127.0.0.1'),
    startServer: (port) => startNext(root, port, envFor(`http://127.0.0.1:${port}`)),
  };
}

// ---------------------------------------------------------------------------------------------
// Load per database

interface RouteCase {
  key: string;
  label: string;
  path: string;
}

interface RouteResult extends LoadResult {
  path: string;
  /** The first request to a page nobody had asked for yet (a render, not a cache hit). */
  coldMs: number;
  /** Peak server RSS during this case's warm-up and run, in MB. */
  peakRssMb: number;
  /** Share of the machine's CPU that other processes used during the run (0…1): noise warning. */
  foreignCpu: number;
}

interface TargetResult {
  engine: string;
  scale: number;
  seedSeconds: number;
  deepPage: number;
  routes: Record<string, RouteResult>;
  uncachedArticle: LoadResult & { pages: number; exhausted: boolean; method: string; peakRssMb: number; foreignCpu: number };
  memory: MemoryPeak;
}

const articlePath = (generator: Generator, index: number) => {
  const article = generator.article(index);
  return article.locale === 'nl' ? `/nieuws/${article.slug}` : `/en/news/${article.slug}`;
};

/** The newest Dutch article with a video: the heaviest ordinary article page (player leaf, poster). */
function benchArticleIndex(generator: Generator): number {
  for (let index = 0; index < 100; index++) {
    const article = generator.article(index);
    if (article.locale === 'nl' && article.body.some((block) => block.type === 'video')) return index;
  }
  return 0;
}

/** `engine` names the run in the log and the results: the database engine, and "+ Redis" for the shared-cache run. */
async function loadTarget(target: Target, server: RunningServer, sampler: MemorySampler, generator: Generator, settings: Settings, engine: string = target.engine): Promise<{ result: TargetResult; articleHtml: Buffer }> {
  const { origin } = server;
  const articleIndex = benchArticleIndex(generator);
  const deepPage = Math.min(200, Math.max(1, Math.ceil(target.mainSectionCount / LISTING_PAGE_SIZE)));
  const section = MAIN_SECTION.nl;

  const firstPage = (await (await fetch(`${origin}/api/listings?locale=nl&section=${section}`)).json()) as { nextCursor?: unknown };
  if (typeof firstPage.nextCursor !== 'string') throw new Error('/api/listings gave no nextCursor for the main section');

  const cases: RouteCase[] = [
    { key: 'article', label: 'cached article', path: articlePath(generator, articleIndex) },
    { key: 'home', label: 'home front', path: '/' },
    { key: 'listing1', label: `section listing p1`, path: `/rubriek/${section}` },
    { key: 'listingDeep', label: `section listing p${deepPage}`, path: `/rubriek/${section}?pagina=${deepPage}` },
    { key: 'search', label: 'search', path: '/zoeken?q=Jorrit%20Bakels' },
    { key: 'status', label: 'API status', path: `/api/articles/bench-${articleIndex}/status` },
    { key: 'loadMore', label: 'API load more', path: `/api/listings?locale=nl&section=${section}&cursor=${encodeURIComponent(firstPage.nextCursor)}` },
  ];

  const routes: Record<string, RouteResult> = {};
  sampler.phasePeak();
  let articleHtml = Buffer.alloc(0);
  for (const route of cases) {
    const url = `${origin}${route.path}`;
    await waitIdle(origin);
    const cold = await timeOne(url);
    if (cold.status !== 200) throw new Error(`${route.path} answered ${cold.status}; expected 200`);
    if (route.key === 'article') articleHtml = Buffer.from(await (await fetch(url)).arrayBuffer());
    const cpu = startCpuAccount(() => [server.pid]);
    const result = await loadUrl(url, settings.load);
    const foreignCpu = cpu().foreign;
    const peakRssMb = sampler.phasePeak();
    routes[route.key] = { path: route.path, coldMs: cold.ms, peakRssMb, foreignCpu, ...result };
    log(`  ${engine} ${target.scale} ${route.label}: ${loadSummary(result)}, cold ${fmt.ms(cold.ms)}, peak RSS ${peakRssMb.toFixed(0)} MB, foreign CPU ${fmt.pct(foreignCpu)}`);
  }

  // Uncached: every request asks for an article page nobody has asked for, oldest first (far from
  // anything the other cases touched), so each one is a full render plus an ISR cache write.
  await waitIdle(origin);
  const warm = Array.from({ length: 20 }, (_, i) => articlePath(generator, articleIndex + 1 + i));
  for (const warmPath of warm) await timeOne(`${origin}${warmPath}`);
  const available = Math.min(target.scale - articleIndex - 30, 40_000);
  const fresh = Array.from({ length: available }, (_, i) => articlePath(generator, target.scale - 1 - i));
  const uncachedCpu = startCpuAccount(() => [server.pid]);
  const uncached = await loadEachOnce(origin, fresh, { ...settings.load, warmup: 0, expectedRps: 400 });
  const uncachedForeign = uncachedCpu().foreign;
  const uncachedPeak = sampler.phasePeak();
  log(`  ${engine} ${target.scale} uncached article render: ${loadSummary(uncached)}${uncached.exhausted ? ' (ran out of fresh pages)' : ''}, peak RSS ${uncachedPeak.toFixed(0)} MB`);

  return {
    articleHtml,
    result: {
      engine,
      scale: target.scale,
      seedSeconds: target.seedSeconds,
      deepPage,
      routes,
      uncachedArticle: {
        method: 'each request a different, never-requested article slug (autocannon setupRequest)',
        pages: Math.min(uncached.requests, fresh.length),
        peakRssMb: uncachedPeak,
        foreignCpu: uncachedForeign,
        ...uncached,
      },
      memory: { peakRssMb: 0, hwmMb: 0, samples: 0 },
    },
  };
}

/** Removes what the Redis run wrote (its keys all carry the run's own prefix). */
async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 })) if (keys.length > 0) await client.del(keys);
  } finally {
    await client.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Bytes, messages and Lighthouse (once, against one running server)

interface BytesResult {
  article: HtmlBreakdown & { path: string };
  /** The article's visible text and images, for the bare like-for-like page. */
  articleContent: PageContent;
  /** That bare page's HTML (filled in after the bare app is built). */
  bareSame?: { htmlBytes: number; htmlGzipBytes: number };
  pages: Record<string, HtmlBreakdown & { path: string }>;
  firstLoadJs: { bare: RouteJs; routes: RouteJs[] };
  messages: { clientNamespaces: string[]; serverOnlyNamespaces: string[]; leaks: Array<{ where: string; namespaces: string[] }>; shippedPerPage: Record<string, string[]> };
}

async function measureBytes(server: RunningServer, paths: Record<string, string>): Promise<Omit<BytesResult, 'firstLoadJs'>> {
  const urls = Object.fromEntries(Object.entries(paths).map(([key, p]) => [key, `${server.origin}${p}`]));
  const text = await visibleTextBytes(Object.values(urls));
  const namespaces = allNamespaces(root);
  const client = clientNamespaces(root);
  const serverOnly = namespaces.filter((name) => !client.has(name));
  const pages: Record<string, HtmlBreakdown & { path: string }> = {};
  const leaks: Array<{ where: string; namespaces: string[] }> = [];
  const shippedPerPage: Record<string, string[]> = {};
  for (const [key, url] of Object.entries(urls)) {
    const html = await (await fetch(url)).text();
    const rsc = await (await fetch(url, { headers: { RSC: '1' } })).text();
    pages[key] = { path: paths[key] ?? '', ...breakDownHtml(html, text.get(url) ?? 0) };
    shippedPerPage[key] = namespacesIn(html + rsc, namespaces);
    const leaked = namespacesIn(html + rsc, serverOnly);
    if (leaked.length > 0) leaks.push({ where: `${paths[key]} (HTML/RSC)`, namespaces: leaked });
  }
  for (const chunk of staticChunks(root, DIST_DIR)) {
    const leaked = namespacesIn(chunk.text, serverOnly);
    if (leaked.length > 0) leaks.push({ where: chunk.file, namespaces: leaked });
  }
  const article = pages.article;
  if (!article || !urls.article) throw new Error('no article page measured');
  return { article, articleContent: await pageContent(urls.article), pages, messages: { clientNamespaces: [...client].sort(), serverOnlyNamespaces: serverOnly, leaks, shippedPerPage } };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const steal = startStealAccount();
  mkdirSync(outDir, { recursive: true });
  const now = new Date();
  const generator = createGenerator(root, now);
  const engines: Array<'sqlite' | 'postgres'> = ['sqlite'];
  if (/^postgres(?:ql)?:\/\//i.test(process.env.DATABASE_URL ?? '')) engines.push('postgres');
  // With REDIS_URL, the smallest SQLite database is loaded once more with the page cache in Redis.
  const sharedCache = sharedCacheConfig(process.env);
  const redisPrefix = `bench-${randomBytes(6).toString('hex')}`;
  log(`scales ${settings.scales.join(', ')} on ${engines.join(' and ')}${sharedCache ? ', and the smallest with the page cache in Redis' : ''}; ${settings.load.connections} connections × ${settings.load.duration} s after ${settings.load.warmup} s warm-up`);

  // 1. Databases.
  const targets: Target[] = [];
  for (const engine of engines) for (const scale of settings.scales) targets.push(await seedTarget(engine, scale, generator));

  // 2. Build, against the smallest SQLite database (the home front is prerendered from it; the
  //    newest articles are the same at every scale, so it is right for all of them).
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const smallest = targets[0];
  if (!smallest) throw new Error('no scale to run');
  log('building into .next-bench…');
  const buildSeconds = build(origin, smallest.url);
  snapshotBuild();
  log(`built in ${buildSeconds.toFixed(0)} s`);

  // 3. Load, memory; and once: ceiling, bytes, Lighthouse.
  const results: TargetResult[] = [];
  let ceiling: Ceiling | undefined;
  let ceilingHtml: Buffer | undefined;
  let bytes: Omit<BytesResult, 'firstLoadJs'> | undefined;
  const lighthouse: Record<string, LighthouseScores & { path: string }> = {};
  const lighthouseErrors: string[] = [];
  const lastSqlite = targets.filter((target) => target.engine === 'sqlite').at(-1);
  const smallestSqlite = targets.find((target) => target.engine === 'sqlite');
  let edge: EdgeResult | undefined;
  let nextAb: AbResult | { error: string } | undefined;
  const scopes: ScopeRun[] = [];
  const runs: Array<{ target: Target; redis: boolean }> = targets.map((target) => ({ target, redis: false }));
  if (sharedCache) runs.push({ target: smallest, redis: true });
  try {
    for (const { target, redis } of runs) {
      let articlePathUsed: string | undefined;
      restoreBuild();
      // With the same heap limit as `npm start`: the bench measures the server as it runs in production.
      const env = baseEnv(origin, target.url);
      if (redis && sharedCache) Object.assign(env, { REDIS_URL: sharedCache.url, REDIS_KEY_PREFIX: redisPrefix });
      const server = await startNext(root, port, withServerHeapLimit(env));
      const sampler = new MemorySampler(server.pid);
      sampler.start();
      try {
        log(`${target.engine}${redis ? ' + Redis' : ''} ${target.scale}: next start on ${origin} (pid ${server.pid})`);
        const { result, articleHtml } = await loadTarget(target, server, sampler, generator, settings, redis ? `${target.engine} + Redis` : target.engine);
        result.memory = sampler.stop();
        log(`  peak server memory ${result.memory.peakRssMb.toFixed(0)} MB (VmHWM sum ${result.memory.hwmMb.toFixed(0)} MB)`);
        results.push(result);
        articlePathUsed = result.routes.article?.path ?? '/';
        if (ceilingHtml === undefined) ceilingHtml = articleHtml;
        if (!bytes) {
          bytes = await measureBytes(server, { article: articlePathUsed, home: '/', listing: result.routes.listing1?.path ?? '/', search: result.routes.search?.path ?? '/' });
          log(`bytes: article HTML ${fmt.kb(bytes.article.htmlBytes)} for ${fmt.kb(bytes.article.textBytes)} of visible text`);
        }
        if (settings.lighthouse && target === lastSqlite && !redis) {
          for (const [key, pagePath] of [
            ['home', '/'],
            ['article', articlePathUsed],
            ['section', result.routes.listing1?.path ?? '/'],
          ] as const) {
            let scores: LighthouseScores;
            try {
              // Lighthouse's own advice: take the median of several runs. The first run also warms
              // the image optimizer's cache, as the first readers after a deploy would.
              const runs: LighthouseScores[] = [];
              for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
                await waitIdle(origin);
                runs.push(await runLighthouse(root, `${origin}${pagePath}`, path.join(outDir, `lighthouse-${key}-${run + 1}.json`)));
              }
              scores = medianRun(runs);
            } catch (error) {
              log(`lighthouse ${key} failed: ${error instanceof Error ? error.message : String(error)}`);
              lighthouseErrors.push(`${key}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
              continue;
            }
            lighthouse[key] = { path: pagePath, ...scores };
            log(`lighthouse ${key} (median of ${scores.performanceRuns?.join('/') ?? '?'}): P ${scores.performance} A ${scores.accessibility} BP ${scores.bestPractices} SEO ${scores.seo}, LCP ${fmt.ms(scores.lcpMs)}, TBT ${fmt.ms(scores.tbtMs)}, CLS ${scores.cls.toFixed(3)}`);
          }
        }
      } catch (error) {
        console.error(server.output().split('\n').slice(-40).join('\n'));
        throw error;
      } finally {
        sampler.stop();
        await server.stop();
      }
      // Measured with the app's server stopped, so the two never share the CPU: three runs after
      // the first target and one after each later one, the best of all (see bench/ceiling.ts).
      if (ceilingHtml !== undefined) {
        const measured = await measureCeiling(root, outDir, ceilingHtml, settings.load, ceiling ? 1 : CEILING_RUNS);
        ceiling = ceiling ? bestCeiling(ceiling, measured) : measured;
        log(`plain-Node ceiling (same ${ceilingHtml.byteLength} bytes, runs so far ${ceiling.runs.map((rps) => fmt.rps(rps)).join(', ')}): best ${loadSummary(ceiling)}`);
      }
      // The edge cache, with the load server stopped: steps 1–4 on the smallest SQLite database,
      // then, at every scale, the pages one publish invalidates (step 5), on fresh servers.
      if (!redis && articlePathUsed !== undefined) {
        const edgeContext: EdgeContext = { root, outDir, generator, articlePath: articlePathUsed, duration: settings.load.duration, log };
        if (target === smallestSqlite && edge === undefined) {
          restoreBuild();
          log(`edge phase on ${target.engine} ${target.scale}…`);
          edge = await measureEdge(edgeContext, edgeTarget(target, true));
        }
        restoreBuild();
        let scope: ScopeRun['scope'];
        try {
          scope = await measureInvalidationScope(edgeContext, edgeTarget(target, target === smallestSqlite && Boolean(sharedCache)));
          log(`  ${target.engine} ${target.scale}: one publish invalidated ${scope.invalidated.length} of ${scope.urls} pages (${scope.invalidatedArticlePages} article pages): ${scope.invalidated.map((entry) => entry.path).join(', ')}`);
        } catch (error) {
          const failure: PhaseError = { error: error instanceof Error ? error.message : String(error) };
          log(`  ${target.engine} ${target.scale}: invalidation scope failed: ${failure.error.split('\n')[0] ?? ''}`);
          scope = failure;
        }
        scopes.push({ engine: target.engine, scale: target.scale, scope });
      }
      // The uncached render against the previous Next release, on the largest SQLite database
      // (the most pages nobody has asked for), with every other server stopped.
      if (settings.abNext && target === lastSqlite && !redis) {
        log(`A/B of the uncached render: next ${settings.abNext} against this build, on ${target.engine} ${target.scale}…`);
        try {
          const pool = Math.min(target.scale, 16_000);
          nextAb = await measureNextAb({
            root,
            outDir,
            version: settings.abNext,
            distDir: DIST_DIR,
            env: (abOrigin) => withServerHeapLimit(baseEnv(abOrigin, target.url)),
            restoreCurrent: restoreBuild,
            freshPaths: Array.from({ length: pool }, (_, i) => articlePath(generator, target.scale - 1 - i)),
            load: settings.load,
            log,
          });
          log(`  A/B: ${fmt.x(nextAb.ratio)} the CPU per uncached render of next ${nextAb.previous.next} (${nextAb.current.cpuMsPerRender.toFixed(1)} vs ${nextAb.previous.cpuMsPerRender.toFixed(1)} ms)`);
        } catch (error) {
          nextAb = { error: error instanceof Error ? error.message : String(error) };
          log(`  A/B failed: ${nextAb.error.split('\n')[0] ?? ''}`);
        }
      }
    }
  } finally {
    for (const target of targets) await target.cleanup().catch((error: unknown) => console.error(error));
    if (sharedCache) await dropRedisKeys(sharedCache.url, redisPrefix).catch((error: unknown) => console.error(error));
  }

  // 4. First-load JS against the bare framework.
  log('building the bare Next baseline…');
  const { dir: bareDir, ...bare } = bareBaseline(root, outDir);
  const routeJs = firstLoadJs(root, DIST_DIR);
  if (!ceiling || !bytes) throw new Error('nothing was measured');

  // 4b. The framework's own floor for an uncached render, on the same bare app.
  const floor = await measureFrameworkFloor(root, bareDir, settings.load);
  log(`bare Next ISR page: cached ${loadSummary(floor.cached)}; uncached ${loadSummary(floor.uncached)} = ${fmt.pct(floor.ratio)} of cached; peak RSS ${floor.peakRssMb.toFixed(0)} MB`);
  // 4c. The same text and images on a bare Next page: the HTML budget, like for like.
  let lighthouseBare: LighthouseScores | undefined;
  try {
    // Lighthouse on that page too, on this machine in this run: what the framework alone scores
    // here (a slower host lowers Performance for any page, through Total Blocking Time).
    const lighthouseBareRuns: LighthouseScores[] = [];
    bytes.bareSame = await bareHtmlGzipBytes(root, bareDir, bytes.articleContent, async (url) => {
      if (!settings.lighthouse) return;
      for (let run = 0; run < LIGHTHOUSE_RUNS; run++) lighthouseBareRuns.push(await runLighthouse(root, url, path.join(outDir, `lighthouse-bare-${run + 1}.json`)));
    });
    if (lighthouseBareRuns.length > 0) {
      lighthouseBare = medianRun(lighthouseBareRuns);
      log(`lighthouse bare like-for-like page (median of ${lighthouseBare.performanceRuns?.join('/') ?? '?'}): P ${lighthouseBare.performance}, TBT ${fmt.ms(lighthouseBare.tbtMs)}, LCP ${fmt.ms(lighthouseBare.lcpMs)}`);
    }
    log(`bare Next page with the article's text and images: HTML ${fmt.kb(bytes.bareSame.htmlBytes)}, gzip ${fmt.kb(bytes.bareSame.htmlGzipBytes)}`);
  } catch (error) {
    // Reported as "not measured" (a failed budget), without losing the rest of the run.
    log(`bare like-for-like page failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  // 5. Budgets and report.
  const rows: Row[] = [];
  rows.push({
    figure: 'Plain-Node ceiling (article HTML bytes)',
    measured: `${loadSummary(ceiling)}; best of ${ceiling.runs.length} runs (${ceiling.runs.map((rps) => fmt.rps(rps)).join(', ')})${ceiling.foreignCpu >= NOISY_FOREIGN_CPU ? `; ⚠ other processes and the hypervisor took ${fmt.pct(ceiling.foreignCpu)} of the CPU` : ''}`,
    budget: '—',
    result: 'info',
  });
  const stolen = steal();
  rows.push({
    figure: 'Hypervisor steal over the whole run',
    measured: `${fmt.pct(stolen)} of the CPU went to other virtual machines${stolen >= NOISY_FOREIGN_CPU ? ': ⚠ throughput and Lighthouse figures are low and noisy' : ''}`,
    budget: '—',
    result: 'info',
  });
  rows.push({
    figure: 'Framework floor: bare Next page rendered on first visit (bench/floor.ts)',
    measured: `cached ${loadSummary(floor.cached, ceiling.rps)}; uncached ${loadSummary(floor.uncached)} = ${fmt.pct(floor.ratio)} of cached; peak RSS ${floor.peakRssMb.toFixed(0)} MB${floor.foreignCpu >= NOISY_FOREIGN_CPU ? `; ⚠ other processes and the hypervisor took ${fmt.pct(floor.foreignCpu)} of the CPU` : ''}`,
    budget: '—',
    result: 'info',
  });
  const byKey = new Map(results.map((result) => [`${result.engine}:${result.scale}`, result]));
  for (const result of results) {
    const tag = `${result.engine} ${result.scale.toLocaleString('en-US')}`;
    const article = result.routes.article;
    for (const [key, route] of Object.entries(result.routes)) {
      const noise = route.foreignCpu >= NOISY_FOREIGN_CPU ? `; ⚠ other processes and the hypervisor took ${fmt.pct(route.foreignCpu)} of the CPU` : '';
      const info = `${loadSummary(route, ceiling.rps)}; cold ${fmt.ms(route.coldMs)}; peak RSS ${route.peakRssMb.toFixed(0)} MB${noise}`;
      if (key === 'article') {
        const pass = route.rps >= BUDGET.cachedArticleOfCeiling * ceiling.rps && route.errors === 0;
        rows.push({ figure: `${tag} · cached article`, measured: info, budget: `≥ ${fmt.pct(BUDGET.cachedArticleOfCeiling)} of ceiling, 0 errors`, result: verdict(pass) });
      } else {
        const label = { home: 'home front', listing1: 'listing p1', listingDeep: `listing p${result.deepPage}`, search: 'search', status: 'API status', loadMore: 'API load more' }[key] ?? key;
        rows.push({ figure: `${tag} · ${label}`, measured: info, budget: '0 errors', result: verdict(route.errors === 0) });
      }
    }
    if (article) {
      const u = result.uncachedArticle;
      const ratio = u.rps / article.rps;
      rows.push({
        figure: `${tag} · uncached article render`,
        measured: `${loadSummary(u, ceiling.rps)}; ${fmt.pct(ratio)} of cached (bare Next: ${fmt.pct(floor.ratio)})${u.exhausted ? ' (ran out of fresh pages)' : ''}${u.foreignCpu >= NOISY_FOREIGN_CPU ? `; ⚠ other processes and the hypervisor took ${fmt.pct(u.foreignCpu)} of the CPU` : ''}`,
        budget: `≥ ${fmt.pct(BUDGET.uncachedOfCached)} of cached`,
        result: verdict(ratio >= BUDGET.uncachedOfCached && u.errors === 0),
      });
    }
    const p1 = result.routes.listing1;
    const deep = result.routes.listingDeep;
    if (p1 && deep) {
      const growth = deep.p50Ms / p1.p50Ms;
      rows.push({ figure: `${tag} · listing p${result.deepPage} p50 / p1 p50`, measured: `${fmt.x(growth)} (${fmt.ms(deep.p50Ms)} vs ${fmt.ms(p1.p50Ms)}; cold ${fmt.ms(deep.coldMs)} vs ${fmt.ms(p1.coldMs)})`, budget: `≤ ${fmt.x(BUDGET.latencyGrowth)}`, result: verdict(growth <= BUDGET.latencyGrowth) });
    }
    rows.push({ figure: `${tag} · peak server memory`, measured: `${result.memory.peakRssMb.toFixed(0)} MB RSS (VmHWM sum ${result.memory.hwmMb.toFixed(0)} MB; bare Next ${floor.peakRssMb.toFixed(0)} MB)`, budget: `< ${BUDGET.memoryMb} MB`, result: verdict(result.memory.peakRssMb < BUDGET.memoryMb) });
  }
  for (const engine of engines) {
    const small = byKey.get(`${engine}:${settings.scales[0]}`);
    const large = byKey.get(`${engine}:${settings.scales.at(-1)}`);
    if (!small || !large || small === large) continue;
    for (const key of ['article', 'listing1'] as const) {
      const a = small.routes[key];
      const b = large.routes[key];
      if (!a || !b) continue;
      const growth = b.p50Ms / a.p50Ms;
      rows.push({
        figure: `${engine} · ${key === 'article' ? 'article' : 'listing p1'} p50 at ${large.scale.toLocaleString('en-US')} / at ${small.scale.toLocaleString('en-US')}`,
        measured: `${fmt.x(growth)} (${fmt.ms(b.p50Ms)} vs ${fmt.ms(a.p50Ms)}; cold ${fmt.ms(b.coldMs)} vs ${fmt.ms(a.coldMs)})`,
        budget: `≤ ${fmt.x(BUDGET.latencyGrowth)}`,
        result: verdict(growth <= BUDGET.latencyGrowth),
      });
    }
  }
  if (nextAb) rows.push(abRow(nextAb));
  rows.push(...edgeRows(edge, scopes));
  const articleJs = routeJs.find((route) => route.route === '/[locale]/news/[slug]');
  // The section listing became one route with an optional page segment (`[[...page]]`); the old
  // name stays, so a build from before that change still reports its row.
  const reported = ['/[locale]', '/[locale]/news/[slug]', '/[locale]/section/[slug]', '/[locale]/section/[slug]/[[...page]]', '/[locale]/search'];
  for (const route of routeJs.filter((entry) => reported.includes(entry.route))) {
    const over = route.gzipKb - bare.gzipKb;
    const isArticle = route === articleJs;
    rows.push({
      figure: `First-load JS ${route.route}`,
      measured: `${route.gzipKb.toFixed(1)} kB gzip (+${over.toFixed(1)} kB over bare Next ${bare.gzipKb.toFixed(1)} kB)`,
      budget: isArticle ? `≤ +${BUDGET.articleJsOverBareKb} kB` : '—',
      result: isArticle ? verdict(over <= BUDGET.articleJsOverBareKb) : 'info',
    });
  }
  const leaks = bytes.messages.leaks;
  rows.push({
    figure: 'Messages not used by any client leaf, shipped',
    measured: leaks.length === 0 ? `none (checked ${bytes.messages.serverOnlyNamespaces.length} server-only namespaces in 4 pages' HTML+RSC and all JS chunks)` : leaks.map((leak) => `${leak.where}: ${leak.namespaces.join(', ')}`).join('; '),
    budget: 'none',
    result: verdict(leaks.length === 0),
  });
  const a = bytes.article;
  const bareSame = bytes.bareSame;
  const overBare = bareSame ? a.htmlGzipBytes / bareSame.htmlGzipBytes : Number.NaN;
  rows.push({
    figure: 'Article HTML (gzip) / bare Next page with the same text and images',
    measured: bareSame
      ? `${fmt.x(overBare)} (article ${fmt.kb(a.htmlGzipBytes)} gzip, ${fmt.kb(a.htmlBytes)} raw; bare page ${fmt.kb(bareSame.htmlGzipBytes)} gzip, ${fmt.kb(bareSame.htmlBytes)} raw; ${bytes.articleContent.lines.length} lines of text, ${bytes.articleContent.images.length} images)`
      : 'not measured',
    budget: `≤ ${fmt.x(BUDGET.htmlOverBare)}`,
    result: verdict(overBare <= BUDGET.htmlOverBare),
  });
  rows.push({
    figure: 'Article HTML / visible text',
    measured: `${fmt.x(a.htmlBytes / a.textBytes)} (HTML ${fmt.kb(a.htmlBytes)}, text ${fmt.kb(a.textBytes)}; inline RSC ${fmt.kb(a.rscInlineBytes)}, JSON-LD ${fmt.kb(a.jsonLdBytes)}, other scripts ${fmt.kb(a.otherInlineScriptBytes)}, styles ${fmt.kb(a.inlineStyleBytes)}, markup ${fmt.kb(a.markupBytes)}; gzip ${fmt.kb(a.htmlGzipBytes)})`,
    budget: '—',
    result: 'info',
  });
  for (const [key, page] of Object.entries(bytes.pages)) {
    if (key === 'article') continue;
    rows.push({
      figure: `${key[0]?.toUpperCase() ?? ''}${key.slice(1)} HTML / visible text`,
      measured: `${fmt.x(page.htmlBytes / page.textBytes)} (HTML ${fmt.kb(page.htmlBytes)}, text ${fmt.kb(page.textBytes)}; inline RSC ${fmt.kb(page.rscInlineBytes)}, markup ${fmt.kb(page.markupBytes)}; gzip ${fmt.kb(page.htmlGzipBytes)})`,
      budget: '—',
      result: 'info',
    });
  }
  rows.push({
    figure: 'Message namespaces in each page (HTML+RSC)',
    measured: Object.entries(bytes.messages.shippedPerPage).map(([key, names]) => `${key}: ${names.join(', ') || 'none'}`).join('; '),
    budget: '—',
    result: 'info',
  });
  for (const [key, scores] of Object.entries(lighthouse)) {
    const b = BUDGET.lighthouse;
    const pass = scores.performance >= b.performance && scores.accessibility >= b.accessibility && scores.bestPractices >= b.bestPractices && scores.seo >= b.seo && scores.cls <= b.cls;
    rows.push({
      figure: `Lighthouse mobile · ${key} (${scores.path.length > 40 ? `${scores.path.slice(0, 40)}…` : scores.path})`,
      measured:
        `P ${scores.performance} (runs ${scores.performanceRuns?.join(', ') ?? '?'}), A ${scores.accessibility}, BP ${scores.bestPractices}, SEO ${scores.seo}; LCP ${fmt.ms(scores.lcpMs)}, TBT ${fmt.ms(scores.tbtMs)}, CLS ${scores.cls.toFixed(3)}` +
        (lighthouseBare ? `; bare Next page with the article's content, same run: P ${lighthouseBare.performance} (runs ${lighthouseBare.performanceRuns?.join(', ') ?? '?'}), TBT ${fmt.ms(lighthouseBare.tbtMs)}` : ''),
      budget: `P ≥ ${b.performance}, A/BP/SEO 100, CLS ≤ ${b.cls}`,
      result: verdict(pass),
    });
  }
  for (const failure of lighthouseErrors) rows.push({ figure: 'Lighthouse mobile', measured: `failed: ${failure}`, budget: 'scores', result: 'MISS' });
  if (!settings.lighthouse) rows.push({ figure: 'Lighthouse', measured: 'not run (--quick or --no-lighthouse)', budget: '—', result: 'info' });

  const table = markdownTable(rows);
  const date = new Date().toISOString();
  console.log(`\n## npm run bench — ${date.slice(0, 16).replace('T', ' ')} UTC (${os.cpus().length} CPUs, Node ${process.versions.node}, ${elapsed()})\n`);
  console.log(table);
  const missed = rows.filter((row) => row.result === 'MISS').length;
  console.log(`\n${missed === 0 ? 'All budgets met.' : `${missed} budget${missed === 1 ? '' : 's'} missed.`} Full figures: bench/results.json\n`);

  const nextVersion = (JSON.parse(readFileSync(require.resolve('next/package.json', { paths: [root] }), 'utf8')) as { version?: string }).version ?? '?';
  writeResults(resultsFile, {
    date,
    machine: { cpus: os.cpus().length, memoryGb: os.totalmem() / 1e9, node: process.versions.node, next: nextVersion, platform: `${os.platform()} ${os.arch()}`, hypervisorSteal: stolen },
    settings: { scales: settings.scales, engines, ...settings.load, lighthouse: settings.lighthouse, quick: settings.quick },
    buildSeconds,
    ceiling,
    targets: results,
    frameworkFloor: floor,
    edge: edge ?? null,
    nextAb: nextAb ?? null,
    invalidationScope: scopes,
    bytes: { ...bytes, firstLoadJs: { bare, routes: routeJs } },
    lighthouse,
    lighthouseBare,
    budgets: rows,
    missed,
  });
  writeFileSync(path.join(outDir, 'table.md'), `${table}\n`);
}

function abRow(ab: AbResult | { error: string }): Row {
  const figure = 'Uncached article render, server CPU per render / the previous Next release (same run, A/B builds)';
  if ('error' in ab) return { figure, measured: `failed: ${ab.error.split('\n')[0] ?? ''}`, budget: `≤ ${fmt.x(BUDGET.uncachedCpuOverPrevious)}`, result: 'MISS' };
  const side = (s: AbResult['current']) =>
    `next ${s.next} ${s.cpuMsPerRender.toFixed(1)} ms (rounds ${s.rounds.map((round) => round.cpuMsPerRender.toFixed(1)).join(', ')}; ${fmt.rps(s.rps)}, ${s.renders} renders, ${s.errors} errors)`;
  return {
    figure,
    measured: `${fmt.x(ab.ratio)}: ${side(ab.current)} vs ${side(ab.previous)}`,
    budget: `≤ ${fmt.x(BUDGET.uncachedCpuOverPrevious)}, 0 errors`,
    result: verdict(ab.ratio <= BUDGET.uncachedCpuOverPrevious && ab.current.errors === 0 && ab.previous.errors === 0),
  };
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
