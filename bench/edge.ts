/**
 * The edge phase: the nginx edge cache (deploy/nginx/edge.conf.template, started with
 * scripts/edge.ts's own `startEdge`) in front of `next start`, measured on loopback. See
 * bench/README.md, "The edge phase", for what each step measures and why it is measured that way.
 *
 * On the smallest SQLite target (`measureEdge`), with one origin instance A and an edge in front:
 *   1. cached article through the edge vs a plain nginx serving the same bytes as a static file,
 *      wrk -t1 -c50, alternated; ratio of the best runs;
 *   2. publish → visible, through the edge and directly on a second instance B on the same
 *      database (which hears of the write only through the invalidation bus);
 *   3. a publish storm (50 publishes in 60 s) while wrk readers load a mix of URLs through a second
 *      edge whose origin is a counting pass-through (bench/origin-tap.ts) in front of A;
 *   4. A killed for 30 s while wrk loads primed and never-seen URLs through the edge.
 * At every scale (`measureInvalidationScope`), on a fresh server:
 *   5. how many of a fixed set of pages one publish invalidates at the origin.
 *
 * Every process started here (next start, nginx, wrk, the tap, the content CLI) is stopped by its
 * PID in a finally block, and each step is bounded in time. A step that fails is reported as a
 * failed row, with its message, and the next step still runs.
 */
import http from 'node:http';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findNginx, NGINX_MISSING_MESSAGE, parseOrigins, startEdge, type EdgeOptions, type RunningEdge } from '../scripts/edge';
import { edgeRefreshToken } from '@/lib/cache/edge-refresh';
import { openDatabase, type Database } from '@/lib/db/connection';
import type { DatabaseConfig } from '@/lib/db/config';
import { intervalFromEnv } from '@/lib/publishing/scheduler';
import { MAIN_SECTION, type Generator } from './content';
import { startCpuAccount, treeCpuSeconds } from './cpu';
import { LOG_FLUSH_MS, logOffset, readLogSince, sorted, summarizeLog, type EdgeLogLine, type LogSummary } from './edge-log';
import { waitIdle } from './load';
import { Publisher, type Draft, type Publication, type PublicationKind } from './publish';
import { fmt, verdict, type Row } from './report';
import { freePort, startProcess, waitForHttp, type RunningServer } from './server';
import { startStaticNginx } from './static-nginx';
import { cyclingScript, findWrk, runWrk, WRK_MISSING_MESSAGE, type WrkResult } from './wrk';

export const EDGE_BUDGET = {
  /** Best edge run over best static run, same bytes, wrk -t1 -c50. */
  cachedOfStatic: 0.7,
  /** From the write's commit until every checked page shows it. */
  visibleMs: 1000,
};

/** wrk connections in every edge load: 50 readers, whatever --connections says for autocannon. */
const CONNECTIONS = 50;
/** Static and edge runs, alternated: static, edge, static, edge, … */
const ROUNDS = 3;
const PROBES = 10;
/** Which probes are an edit of an existing article and which go through the content CLI. */
const EDIT_PROBE = 4;
const CLI_PROBE = 6;
const STORM_PUBLISHES = 50;
const STORM_SECONDS = 60;
const OUTAGE_SECONDS = 30;
/** Article pages in the invalidation-scope set: the newest 200, the same articles at every scale. */
const SCOPE_ARTICLES = 200;
const POLL_MS = 20;
const VISIBLE_DEADLINE_MS = 10_000;

export interface PhaseError {
  error: string;
}

export const failed = (value: object): value is PhaseError => 'error' in value;

/** One database, as the edge phase needs it. */
export interface EdgeTarget {
  engine: string;
  scale: number;
  database: DatabaseConfig;
  /**
   * The servers' environment: DATABASE_URL, REVALIDATE_SECRET (16+ characters, which this process
   * uses to revalidate too) and the rest of what `next start` gets. The content CLI gets it as well.
   */
  env: NodeJS.ProcessEnv;
  /** Starts a fresh `next start` with {@link env} on `port` (page cache: the build's, restored). */
  startServer(port: number): Promise<RunningServer>;
}

export interface EdgeContext {
  root: string;
  outDir: string;
  generator: Generator;
  /** The cached-article case's page (the newest Dutch article with a video). */
  articlePath: string;
  /** Seconds per static/edge run (--duration). */
  duration: number;
  log(message: string): void;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One GET on a fresh connection, with no Accept-Encoding (the identity copy, which is what wrk
 * gets too) and no redirects followed. Bounded by `timeoutMs`.
 */
function get(url: string, timeoutMs = 15_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    request.on('error', reject);
  });
}

function header(answer: Answer, name: string): string {
  const value = answer.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function median(values: readonly number[]): number {
  const sortedValues = [...values].sort((a, b) => a - b);
  if (sortedValues.length === 0) return Number.NaN;
  const middle = Math.floor(sortedValues.length / 2);
  return sortedValues.length % 2 === 1 ? (sortedValues[middle] ?? Number.NaN) : ((sortedValues[middle - 1] ?? 0) + (sortedValues[middle] ?? 0)) / 2;
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const articlePathOf = (generator: Generator, index: number) => {
  const article = generator.article(index);
  return article.locale === 'nl' ? `/nieuws/${article.slug}` : `/en/news/${article.slug}`;
};

/**
 * The readers' mix for the storm and the outage: the home front, the main section's page 1, the
 * cached-article case's page and the three newest other Dutch articles.
 */
function readerMix(ctx: EdgeContext): string[] {
  const articles: string[] = [];
  for (let index = 0; articles.length < 3 && index < 1000; index++) {
    const candidate = articlePathOf(ctx.generator, index);
    if (ctx.generator.article(index).locale === 'nl' && candidate !== ctx.articlePath) articles.push(candidate);
  }
  return ['/', `/rubriek/${MAIN_SECTION.nl}`, ctx.articlePath, ...articles];
}

/** wrk in its own process, with the machine's CPU account around it (everything of ours is below this process). */
async function measuredWrk(wrk: string, url: string, options: Parameters<typeof runWrk>[2]): Promise<WrkResult & { foreignCpu: number }> {
  const cpu = startCpuAccount(() => [process.pid]);
  const result = await runWrk(wrk, url, options);
  return { ...result, foreignCpu: cpu().foreign };
}

/** Requests `url` until it answers 200 (at most `tries` times): a page the edge now holds. */
async function prime(url: string, tries = 5): Promise<Answer> {
  let answer = await get(url);
  for (let attempt = 1; attempt < tries && answer.status !== 200; attempt++) {
    await sleep(200);
    answer = await get(url);
  }
  if (answer.status !== 200) throw new Error(`${url} answered ${answer.status} while priming`);
  return answer;
}

/** Waits until `performance.now()` reaches `at`. */
const sleepUntil = (at: number) => sleep(at - performance.now());

/** Waits until the wall clock is `phaseMs` into a second (nginx counts cache lifetimes in whole seconds). */
const untilPhaseOfSecond = (phaseMs: number) => sleep((((phaseMs - (Date.now() % 1000)) % 1000) + 1000) % 1000);

/**
 * An edge on a free loopback port with its own runtime directory (config, cache, logs) under
 * bench/out, in front of `origins`. The same settings `npm run edge` uses, except a shorter stale
 * window and a smaller cache, which these runs never reach.
 */
async function launchEdge(nginx: string, runtimeDir: string, origins: string, refreshSecret?: string): Promise<RunningEdge> {
  rmSync(runtimeDir, { recursive: true, force: true });
  mkdirSync(runtimeDir, { recursive: true });
  const options: EdgeOptions = {
    listenHost: '127.0.0.1',
    port: await freePort(),
    origins: parseOrigins(origins),
    runtimeDir,
    staleWindow: '10m',
    cacheMaxSize: '256m',
    workerProcesses: 'auto',
    refreshToken: refreshSecret ? edgeRefreshToken(refreshSecret) : null,
    refreshAllow: [],
  };
  return startEdge(options, { nginx });
}

// ---------------------------------------------------------------------------------------------
// 1. Cached article through the edge vs nginx serving the same bytes as a static file

export interface EdgeRun extends WrkResult {
  foreignCpu: number;
  /** CPU seconds `next start` used during the run (the edge's refreshes, the scheduler's ticks). */
  originCpuSeconds: number;
  /** The edge's own account of the run (access log). */
  log: LogSummary;
}

export interface CachedVsStatic {
  path: string;
  bytes: number;
  /** nginx with the edge's own TCP settings (no TCP_CORK, bench/static-nginx.ts): the baseline. */
  staticRuns: Array<WrkResult & { foreignCpu: number }>;
  /** The same with Debian's default `tcp_nopush on`, which the edge cannot use: for comparison. */
  staticCorkedRuns: Array<WrkResult & { foreignCpu: number }>;
  edgeRuns: EdgeRun[];
  bestStaticRps: number;
  bestStaticCorkedRps: number;
  bestEdgeRps: number;
  ratio: number;
  /** Non-2xx/3xx answers and socket errors over every run of both servers. */
  errors: number;
  /** Bytes read per answer (headers + body), best runs: a fast 403 would show here. */
  bytesPerAnswer: { static: number; edge: number };
  /**
   * p50 with ONE keep-alive connection for 2 s: the time of a single answer with nothing queued,
   * which throughput at 50 connections hides (a per-answer stall multiplies into a throughput loss).
   */
  singleConnectionP50Ms: { static: number; edge: number };
}

async function cachedVsStatic(ctx: EdgeContext, nginx: string, wrk: string, edge: RunningEdge, origin: RunningServer): Promise<CachedVsStatic> {
  const url = `${edge.url}${ctx.articlePath}`;
  // The copy wrk will get: identity encoding, as stored by the edge (MISS, then HIT).
  let primed = await prime(url);
  for (let attempt = 0; attempt < 10 && header(primed, 'x-cache-status') !== 'HIT'; attempt++) primed = await get(url);
  if (primed.status !== 200 || header(primed, 'x-cache-status') !== 'HIT') throw new Error(`the edge did not serve ${ctx.articlePath} from its cache (X-Cache-Status ${header(primed, 'x-cache-status') || 'none'})`);
  const body = primed.body;
  const staticServer = await startStaticNginx(nginx, path.join(ctx.outDir, 'edge-static'), body, { tcpNopush: false });
  const corkedServer = await startStaticNginx(nginx, path.join(ctx.outDir, 'edge-static-corked'), body, { tcpNopush: true }).catch(async (error: unknown) => {
    await staticServer.stop();
    throw error;
  });
  try {
    for (const server of [staticServer, corkedServer]) {
      const check = await get(server.url);
      if (check.status !== 200 || !check.body.equals(body)) throw new Error(`the static nginx answered ${check.status} with ${check.body.length} bytes; expected 200 and the article's ${body.length} bytes`);
    }
    const load = { connections: CONNECTIONS, duration: ctx.duration };
    // Nothing but the edge's once-a-second refresh (and the scheduler's tick) reaches the origin now.
    await waitIdle(origin.origin);
    await runWrk(wrk, staticServer.url, { connections: CONNECTIONS, duration: 1 });
    await runWrk(wrk, corkedServer.url, { connections: CONNECTIONS, duration: 1 });
    await runWrk(wrk, url, { connections: CONNECTIONS, duration: 1 });
    const staticRuns: CachedVsStatic['staticRuns'] = [];
    const staticCorkedRuns: CachedVsStatic['staticCorkedRuns'] = [];
    const edgeRuns: EdgeRun[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      staticRuns.push(await measuredWrk(wrk, staticServer.url, load));
      staticCorkedRuns.push(await measuredWrk(wrk, corkedServer.url, load));
      await sleep(LOG_FLUSH_MS);
      const offset = logOffset(edge.paths.accessLog);
      const cpuBefore = treeCpuSeconds(origin.pid);
      const run = await measuredWrk(wrk, url, load);
      const originCpuSeconds = treeCpuSeconds(origin.pid) - cpuBefore;
      await sleep(LOG_FLUSH_MS);
      edgeRuns.push({ ...run, originCpuSeconds, log: summarizeLog(readLogSince(edge.paths.accessLog, offset).lines) });
      const last = staticRuns.at(-1);
      ctx.log(`  edge round ${round + 1}: static ${fmt.rps(last?.rps ?? 0)} (corked ${fmt.rps(staticCorkedRuns.at(-1)?.rps ?? 0)}), edge ${fmt.rps(run.rps)} (p50 ${fmt.ms(run.p50Ms)}, ${run.errors} errors; origin CPU ${originCpuSeconds.toFixed(2)} s, ${edgeRuns.at(-1)?.log.originRequests ?? 0} origin requests)`);
    }
    const singleStatic = await runWrk(wrk, staticServer.url, { connections: 1, duration: 2 });
    const singleEdge = await runWrk(wrk, url, { connections: 1, duration: 2 });
    const bestStatic = staticRuns.reduce((best, run) => (run.rps > best.rps ? run : best));
    const bestCorked = staticCorkedRuns.reduce((best, run) => (run.rps > best.rps ? run : best));
    const bestEdge = edgeRuns.reduce((best, run) => (run.rps > best.rps ? run : best));
    const perAnswer = (run: WrkResult) => (run.requests > 0 ? run.bytesRead / run.requests : 0);
    const errors = [...staticRuns, ...staticCorkedRuns, ...edgeRuns, singleStatic, singleEdge].reduce((sum, run) => sum + run.errors, 0);
    // A body shorter than the article's (a 403 page, a redirect) would make either side look fast.
    const bytesPerAnswer = { static: perAnswer(bestStatic), edge: perAnswer(bestEdge) };
    if (bytesPerAnswer.static < body.length * 0.98 || bytesPerAnswer.edge < body.length * 0.98) {
      throw new Error(`answers carried fewer bytes than the article (${body.length}): static ${bytesPerAnswer.static.toFixed(0)}, edge ${bytesPerAnswer.edge.toFixed(0)} per answer`);
    }
    return {
      path: ctx.articlePath,
      bytes: body.length,
      staticRuns,
      staticCorkedRuns,
      edgeRuns,
      bestStaticRps: bestStatic.rps,
      bestStaticCorkedRps: bestCorked.rps,
      bestEdgeRps: bestEdge.rps,
      ratio: bestStatic.rps > 0 ? bestEdge.rps / bestStatic.rps : 0,
      errors,
      bytesPerAnswer,
      singleConnectionP50Ms: { static: singleStatic.p50Ms, edge: singleEdge.p50Ms },
    };
  } finally {
    await Promise.all([staticServer.stop(), corkedServer.stop()]);
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Publish → visible, through the edge and on a second instance

export interface VisibilityProbe {
  kind: PublicationKind;
  path: string;
  /** Where in the wall-clock second the write committed, ms (nginx counts lifetimes in whole seconds). */
  phaseMs: number;
  /** Commit → the origin behind the edge had revalidated (the CLI: until it exited). */
  revalidatedMs: number;
  /** Whether the home front was checked (an edited article that is not on the front is not). */
  homeChecked: boolean;
  /** ms from the commit until each page showed the change; null: not within 10 s. */
  edge: { home: number | null; article: number | null };
  other: { home: number | null; article: number | null };
}

export interface Spread {
  medianMs: number;
  maxMs: number;
  /** Probes whose change did not show within 10 s. */
  notVisible: number;
}

export interface PublishVisibility {
  schedulerIntervalMs: number;
  probes: VisibilityProbe[];
  /** Per probe, the later of home and article. */
  edge: Spread;
  other: Spread;
}

/**
 * A reader polling `url` every {@link POLL_MS}, from before the write until the page shows it.
 * Started a second and more ahead of the commit, it is the steady traffic a front page has: the
 * edge refreshes its copy as soon as that copy expires, not when the first reader after the
 * publish happens to come by. `settle(committedAt)` gives the commit time once known; the result
 * is the ms from the commit until the first answer that showed the change, or null when none did
 * within {@link VISIBLE_DEADLINE_MS} of the commit (or the poller was stopped first).
 */
function startReader(url: string, shows: (answer: Answer) => boolean): { settle(committedAt: number): Promise<number | null>; stop(): void } {
  let committedAt: number | undefined;
  let stopped = false;
  const found = (async (): Promise<number | null> => {
    // Bounded even if the commit never comes: the caller stops it, or the hard cap ends it.
    const hardCap = performance.now() + 60_000;
    while (!stopped && performance.now() < hardCap) {
      if (committedAt !== undefined && performance.now() > committedAt + VISIBLE_DEADLINE_MS) return null;
      try {
        const answer = await get(url, 5000);
        if (shows(answer)) return performance.now();
      } catch {
        // A refused or slow request is just not visible yet.
      }
      await sleep(POLL_MS);
    }
    return null;
  })();
  return {
    settle: async (at: number) => {
      committedAt = at;
      const seenAt = await found;
      return seenAt === null ? null : seenAt - at;
    },
    stop: () => {
      stopped = true;
    },
  };
}

function spread(values: Array<number | null>): Spread {
  const seen = values.filter((value): value is number => value !== null);
  const notVisible = values.length - seen.length;
  return { medianMs: median(seen), maxMs: notVisible > 0 ? Number.POSITIVE_INFINITY : Math.max(...seen), notVisible };
}

/** When a probe's change showed on one side: the later of home and article (null: one never did). */
function whenVisible(pages: { home: number | null; article: number | null }, homeChecked: boolean): number | null {
  if (pages.article === null) return null;
  if (!homeChecked) return pages.article;
  return pages.home === null ? null : Math.max(pages.home, pages.article);
}

async function publishVisibility(ctx: EdgeContext, target: EdgeTarget, edge: RunningEdge, publisher: Publisher): Promise<PublishVisibility> {
  const other = await target.startServer(await freePort());
  ctx.log(`  second instance on ${other.origin} (pid ${other.pid}), same database; it hears of writes through the bus only`);
  try {
    const probes: VisibilityProbe[] = [];
    // The edit is of the front page's lead story (the previous probe's article), so that both its
    // own page and the front must show it; before any probe, the newest generated article.
    let lead = ctx.generator.article(0);
    for (let index = 0; index < PROBES; index++) {
      let since = 0;
      let revalidatedMs = 0;
      const draft: Draft = index === EDIT_PROBE ? publisher.editDraft(lead) : publisher.newDraft(index === CLI_PROBE ? 'cli' : 'new');
      // A reader who had the link early: both tiers hold the 404 (or the old page), and the front.
      await get(`${edge.url}${draft.path}`);
      await get(`${other.origin}${draft.path}`);
      await prime(`${edge.url}/`);
      const front = await prime(`${other.origin}/`);
      const homeChecked = draft.kind !== 'edit' || front.body.includes(`href="${draft.path}"`);
      const showsArticle = (answer: Answer) => answer.status === 200 && (draft.kind !== 'edit' || answer.body.includes(draft.marker));
      const showsHome = (answer: Answer) => answer.status === 200 && answer.body.includes(draft.marker);
      // Readers on all four pages from now on: steady traffic, as a front page has.
      const readers = [
        homeChecked ? startReader(`${edge.url}/`, showsHome) : undefined,
        startReader(`${edge.url}${draft.path}`, showsArticle),
        homeChecked ? startReader(`${other.origin}/`, showsHome) : undefined,
        startReader(`${other.origin}${draft.path}`, showsArticle),
      ];
      let results: Array<number | null>;
      try {
        // Over a second of reader traffic first, then a commit at a chosen point of the second,
        // 100 ms apart from one probe to the next: nginx counts a copy's lifetime in whole
        // seconds, so how long a change waits at the edge depends on where in the second it lands.
        await sleep(1100);
        await untilPhaseOfSecond((index * 1000) / PROBES + 37);
        const publication: Publication = await publisher.publish(draft);
        revalidatedMs = publication.revalidatedMs;
        since = publication.committedAt;
        const at = since;
        results = await Promise.all(readers.map((reader) => (reader ? reader.settle(at) : Promise.resolve(null))));
      } finally {
        for (const reader of readers) reader?.stop();
      }
      const [edgeHome = null, edgeArticle = null, otherHome = null, otherArticle = null] = results;
      const probe: VisibilityProbe = {
        kind: draft.kind,
        path: draft.path,
        phaseMs: Math.round(performance.timeOrigin + since) % 1000,
        revalidatedMs,
        homeChecked,
        edge: { home: homeChecked ? edgeHome : null, article: edgeArticle },
        other: { home: homeChecked ? otherHome : null, article: otherArticle },
      };
      probes.push(probe);
      lead = draft.article;
      const show = (value: number | null) => (value === null ? 'never' : fmt.ms(value));
      ctx.log(`  publish ${index + 1} (${draft.kind}, committed at .${String(probe.phaseMs).padStart(3, '0')} s): edge home ${homeChecked ? show(edgeHome) : '—'}, article ${show(edgeArticle)}; second instance home ${homeChecked ? show(otherHome) : '—'}, article ${show(otherArticle)}`);
      await sleep(300);
    }
    return {
      schedulerIntervalMs: intervalFromEnv(target.env),
      probes,
      edge: spread(probes.map((probe) => whenVisible(probe.edge, probe.homeChecked))),
      other: spread(probes.map((probe) => whenVisible(probe.other, probe.homeChecked))),
    };
  } finally {
    await other.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Publish storm: 50 publishes in 60 s under reader load

interface TapCounts {
  requests: number;
  byStatus: Record<string, number>;
  byNextCache: Record<string, number>;
  byPath: Record<string, { requests: number; renders: number }>;
  failures: number;
}

function isTapCounts(value: unknown): value is TapCounts {
  return typeof value === 'object' && value !== null && 'requests' in value && 'byStatus' in value && 'byNextCache' in value && 'byPath' in value;
}

export interface PublishStorm {
  seconds: number;
  publishes: number;
  urls: string[];
  readers: WrkResult & { foreignCpu: number };
  /** Commit → origin revalidated, per publish. */
  publishMs: { median: number; max: number };
  /** The edge's access log over the storm (see bench/edge-log.ts for what it can and cannot see). */
  edgeLog: LogSummary & { originRequestsPerPublish: number; missExpiredUpdatingPerPublish: number };
  /** What reached `next start`, counted by the pass-through in front of it. */
  origin: {
    requests: number;
    byStatus: Record<string, number>;
    byNextCache: Record<string, number>;
    /** Answers Next rendered (x-nextjs-cache MISS or STALE). */
    renders: number;
    requestsPerPublish: number;
    rendersPerPublish: number;
    rendersByPath: Record<string, number>;
    failures: number;
  };
}

async function publishStorm(ctx: EdgeContext, nginx: string, wrk: string, origin: RunningServer, publisher: Publisher, secret: string): Promise<PublishStorm> {
  const tapPort = await freePort();
  const controlPort = await freePort();
  const tap = startProcess(process.execPath, ['--import', 'tsx', path.join(ctx.root, 'bench', 'origin-tap.ts'), origin.origin, String(tapPort), String(controlPort)], {
    cwd: ctx.root,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const control = `http://127.0.0.1:${controlPort}/`;
  let stormEdge: RunningEdge | undefined;
  try {
    await waitForHttp(control, 20_000, tap.child);
    stormEdge = await launchEdge(nginx, path.join(ctx.outDir, 'edge-storm'), `http://127.0.0.1:${tapPort}`, secret);
    const edgeUrl = stormEdge.url;
    // The storm's publishes refresh the storm's edge.
    publisher.refreshEdgesAt(edgeUrl);
    const urls = readerMix(ctx);
    for (const url of urls) await prime(`${edgeUrl}${url}`);
    await sleep(LOG_FLUSH_MS);
    const offset = logOffset(stormEdge.paths.accessLog);
    await fetch(`${control}reset`, { method: 'POST' });
    const script = cyclingScript(path.join(ctx.outDir, 'edge-storm.lua'), urls);
    const readersRun = measuredWrk(wrk, `${edgeUrl}/`, { connections: CONNECTIONS, duration: STORM_SECONDS, script });
    // Let the run fail on its own (it is bounded) rather than be left behind if publishing fails.
    readersRun.catch(() => undefined);
    const started = performance.now();
    const publications: Publication[] = [];
    let publishError: unknown;
    try {
      for (let index = 0; index < STORM_PUBLISHES; index++) {
        await sleepUntil(started + 500 + (index * (STORM_SECONDS - 1) * 1000) / STORM_PUBLISHES);
        publications.push(await publisher.publish(publisher.newDraft()));
      }
    } catch (error) {
      publishError = error;
    }
    const readers = await readersRun;
    if (publishError !== undefined) throw publishError;
    await sleep(LOG_FLUSH_MS);
    const log = summarizeLog(readLogSince(stormEdge.paths.accessLog, offset).lines);
    ctx.log(`  storm: ${publications.length} publishes; readers ${fmt.rps(readers.rps)}, p50 ${fmt.ms(readers.p50Ms)}, p99 ${fmt.ms(readers.p99Ms)}, ${readers.errors} errors; ${log.originRequests} origin requests`);
    const rawCounts: unknown = await (await fetch(control)).json();
    if (!isTapCounts(rawCounts)) throw new Error('the origin tap answered with something else than its counts');
    const renders = (rawCounts.byNextCache.MISS ?? 0) + (rawCounts.byNextCache.STALE ?? 0);
    const publishes = publications.length;
    const rendersByPath = sorted(Object.fromEntries(Object.entries(rawCounts.byPath).map(([key, value]) => [key, value.renders])));
    return {
      seconds: STORM_SECONDS,
      publishes,
      urls,
      readers,
      publishMs: { median: median(publications.map((p) => p.revalidatedMs)), max: Math.max(...publications.map((p) => p.revalidatedMs)) },
      edgeLog: { ...log, originRequestsPerPublish: log.originRequests / publishes, missExpiredUpdatingPerPublish: log.missExpiredUpdating / publishes },
      origin: {
        requests: rawCounts.requests,
        byStatus: sorted(rawCounts.byStatus),
        byNextCache: sorted(rawCounts.byNextCache),
        renders,
        requestsPerPublish: rawCounts.requests / publishes,
        rendersPerPublish: renders / publishes,
        rendersByPath,
        failures: rawCounts.failures,
      },
    };
  } finally {
    // Its edge is gone; nothing after the storm publishes through this publisher.
    publisher.refreshEdgesAt(undefined);
    await stormEdge?.stop();
    await tap.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. The origin stopped for 30 s under load

export interface AnswersOf {
  requests: number;
  byStatus: Record<string, number>;
  byCache: Record<string, number>;
  fiveXx: number;
}

export interface OriginDown {
  seconds: number;
  primed: string[];
  unseen: string[];
  readers: WrkResult & { foreignCpu: number };
  /** Answers for pages the edge had, from its access log. */
  primedAnswers: AnswersOf;
  /** Answers for pages it never had (the 503 page is the expected answer). */
  unseenAnswers: AnswersOf;
  /** Connections to the origin's port were refused after the kill. */
  originRefused: boolean;
  /**
   * The edge's attempts at the dead origin, from its error log: nginx logs one line per failed
   * attempt, naming the address it tried, and while the origin is dead every attempt fails. The
   * refresh hop lets one through about once a second and answers the rest from its stand-in
   * (deploy/nginx/edge.conf.template), which is why the access log cannot count them.
   */
  originAttempts: number;
  /**
   * The whole access log of the outage. Its `originRequests` are what went to the refresh hop: a
   * foreground request for a never-seen page that had no error kept for its second, and a
   * background refresh for each STALE. Most of them never reached the origin (`originAttempts`).
   */
  edgeLog: LogSummary;
}

/** Error-log lines after `offset` for attempts at `origin` (http://host:port) that failed. */
function failedAttemptsAt(errorLog: string, offset: number, origin: string): number {
  return readLogText(errorLog, offset)
    .split('\n')
    .filter((line) => /\[error\]/.test(line) && line.includes(`upstream: "${origin}/`)).length;
}

function readLogText(file: string, offset: number): string {
  try {
    return readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

/** Every answer was the edge's 503 page (or JSON), none a 502 or anything else. */
function onlyUnavailable(answers: AnswersOf): boolean {
  return answers.requests > 0 && Object.keys(answers.byStatus).every((status) => status === '503');
}

function answersOf(lines: readonly EdgeLogLine[], paths: ReadonlySet<string>): AnswersOf {
  const byStatus: Record<string, number> = {};
  const byCache: Record<string, number> = {};
  let requests = 0;
  let fiveXx = 0;
  for (const line of lines) {
    if (!paths.has(line.path)) continue;
    requests++;
    bump(byStatus, String(line.status));
    bump(byCache, line.cache);
    if (line.status >= 500) fiveXx++;
  }
  return { requests, byStatus: sorted(byStatus), byCache: sorted(byCache), fiveXx };
}

async function originDown(ctx: EdgeContext, scale: number, wrk: string, edge: RunningEdge, origin: RunningServer): Promise<OriginDown> {
  const primed = readerMix(ctx);
  // The oldest articles: nothing in this run has asked the edge for them.
  const unseen = [articlePathOf(ctx.generator, scale - 1), articlePathOf(ctx.generator, scale - 2), articlePathOf(ctx.generator, scale - 3), `/rubriek/${MAIN_SECTION.nl}?pagina=4`];
  for (const url of primed) await prime(`${edge.url}${url}`);
  await sleep(LOG_FLUSH_MS);
  const offset = logOffset(edge.paths.accessLog);
  const errorOffset = logOffset(edge.paths.errorLog);
  // A crash, not a shutdown: SIGKILL by PID, then confirm the port refuses connections.
  process.kill(origin.pid, 'SIGKILL');
  await origin.stop();
  ctx.log(`  killed next start (pid ${origin.pid}); loading the edge for ${OUTAGE_SECONDS} s`);
  const originRefused = await get(`${origin.origin}/robots.txt`, 2000).then(
    () => false,
    () => true,
  );
  const script = cyclingScript(path.join(ctx.outDir, 'edge-outage.lua'), [...primed, ...unseen]);
  const readers = await measuredWrk(wrk, `${edge.url}/`, { connections: CONNECTIONS, duration: OUTAGE_SECONDS, script });
  await sleep(LOG_FLUSH_MS);
  const { lines } = readLogSince(edge.paths.accessLog, offset);
  ctx.log(`  origin down ${OUTAGE_SECONDS} s: ${fmt.rps(readers.rps)}, ${readers.non2xx} answers outside 2xx/3xx, ${readers.errors - readers.non2xx} socket errors`);
  const originAttempts = failedAttemptsAt(edge.paths.errorLog, errorOffset, origin.origin);
  return { seconds: OUTAGE_SECONDS, primed, unseen, readers, primedAnswers: answersOf(lines, new Set(primed)), unseenAnswers: answersOf(lines, new Set(unseen)), originRefused, originAttempts, edgeLog: summarizeLog(lines) };
}

// ---------------------------------------------------------------------------------------------
// Steps 1–4, on one target

export interface EdgeResult {
  nginx: string | null;
  wrk: string | null;
  /** Notes from startEdge (e.g. workers running as root). */
  notes: string[];
  cachedVsStatic: CachedVsStatic | PhaseError;
  publishVisibility: PublishVisibility | PhaseError;
  publishStorm: PublishStorm | PhaseError;
  originDown: OriginDown | PhaseError;
  /** PIDs this phase started that still ran at its end (should be none). */
  leftoverPids: number[];
}

async function step<T extends object>(ctx: EdgeContext, name: string, run: () => Promise<T>): Promise<T | PhaseError> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log(`  edge ${name} failed: ${message.split('\n')[0] ?? ''}`);
    return { error: message };
  }
}

/** A token that makes ids and slugs of this run unique on a database that already saw runs. */
const runToken = () => Date.now().toString(36);

function secretOf(target: EdgeTarget): string {
  const secret = target.env.REVALIDATE_SECRET;
  if (!secret || secret.length < 16) throw new Error('the edge phase needs REVALIDATE_SECRET (16+ characters) in the servers\' environment');
  return secret;
}

export async function measureEdge(ctx: EdgeContext, target: EdgeTarget): Promise<EdgeResult> {
  const nginx = findNginx();
  const wrk = findWrk();
  const result: EdgeResult = {
    nginx,
    wrk,
    notes: [],
    cachedVsStatic: { error: 'not run' },
    publishVisibility: { error: 'not run' },
    publishStorm: { error: 'not run' },
    originDown: { error: 'not run' },
    leftoverPids: [],
  };
  if (!nginx) {
    for (const key of ['cachedVsStatic', 'publishVisibility', 'publishStorm', 'originDown'] as const) result[key] = { error: NGINX_MISSING_MESSAGE };
    ctx.log(`edge: ${NGINX_MISSING_MESSAGE.split('\n')[0] ?? ''}`);
    return result;
  }
  const noWrk: PhaseError = { error: WRK_MISSING_MESSAGE };
  if (!wrk) ctx.log(`edge: ${WRK_MISSING_MESSAGE.split('\n')[0] ?? ''}`);
  const cliDir = path.join(ctx.outDir, 'edge-content');
  mkdirSync(cliDir, { recursive: true });
  const started: number[] = [];
  let database: Database | undefined;
  let origin: RunningServer | undefined;
  let edge: RunningEdge | undefined;
  try {
    database = await openDatabase(target.database);
    origin = await target.startServer(await freePort());
    started.push(origin.pid);
    edge = await launchEdge(nginx, path.join(ctx.outDir, 'edge'), origin.origin, secretOf(target));
    started.push(edge.pid);
    result.notes = edge.notes;
    ctx.log(`edge on ${edge.url} (nginx pid ${edge.pid}${edge.workerUser ? `, workers as ${edge.workerUser.user}` : ''}) in front of next start ${origin.origin} (pid ${origin.pid})`);
    // Each publish refreshes the edge's copies, as the site and the CLI do with EDGE_URLS.
    const publisher = new Publisher(database, ctx.generator, { REVALIDATE_URL: origin.origin, REVALIDATE_SECRET: secretOf(target), EDGE_URLS: edge.url }, runToken(), { root: ctx.root, env: target.env, dir: cliDir });
    const a = origin;
    const e = edge;
    result.cachedVsStatic = wrk ? await step(ctx, 'cached vs static', () => cachedVsStatic(ctx, nginx, wrk, e, a)) : noWrk;
    result.publishVisibility = await step(ctx, 'publish visibility', () => publishVisibility(ctx, target, e, publisher));
    result.publishStorm = wrk ? await step(ctx, 'publish storm', () => publishStorm(ctx, nginx, wrk, a, publisher, secretOf(target))) : noWrk;
    // Last: it kills the origin, and no later step needs it (step 5 starts servers of its own).
    result.originDown = wrk ? await step(ctx, 'origin down', () => originDown(ctx, target.scale, wrk, e, a)) : noWrk;
  } catch (error) {
    // The origin or the edge did not start: every step that had not run reports why.
    const message = error instanceof Error ? error.message : String(error);
    ctx.log(`edge: could not set up: ${message.split('\n')[0] ?? ''}`);
    for (const key of ['cachedVsStatic', 'publishVisibility', 'publishStorm', 'originDown'] as const) {
      const value = result[key];
      if (failed(value) && value.error === 'not run') result[key] = { error: message };
    }
  } finally {
    await edge?.stop();
    await origin?.stop();
    await database?.close();
  }
  result.leftoverPids = started.filter(isAlive);
  if (result.leftoverPids.length > 0) ctx.log(`⚠ edge: processes still running after the phase: ${result.leftoverPids.join(', ')}`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// 5. Pages one publish invalidates at the origin, at each scale

export interface InvalidationScope {
  urls: number;
  articlePages: number;
  published: string;
  /** From the commit until the second pass began (the bus tick has run by then). */
  waitMs: number;
  /** Pages not `x-nextjs-cache: HIT` on the second pass, before the publish (should be none). */
  notCachedBefore: Array<{ path: string; cache: string }>;
  /** Pages not HIT after the publish: what it invalidated. */
  invalidated: Array<{ path: string; cache: string; status: number }>;
  invalidatedArticlePages: number;
}

/** The fixed set: 200 article pages, the fronts, the main section's pages 1–3, feeds, sitemaps. */
function scopePaths(generator: Generator): { articles: string[]; listings: string[] } {
  const articles = Array.from({ length: SCOPE_ARTICLES }, (_, index) => articlePathOf(generator, index));
  const section = `/rubriek/${MAIN_SECTION.nl}`;
  const listings = [
    '/',
    '/en',
    section,
    `${section}?pagina=2`,
    `${section}?pagina=3`,
    '/feed.xml',
    '/en/feed.xml',
    `${section}/feed.xml`,
    '/sitemap.xml',
    '/sitemaps/pages.xml',
    '/sitemaps/articles/1.xml',
    '/news-sitemap.xml',
  ];
  return { articles, listings };
}

export async function measureInvalidationScope(ctx: EdgeContext, target: EdgeTarget): Promise<InvalidationScope> {
  const { articles, listings } = scopePaths(ctx.generator);
  const all = [...articles, ...listings];
  const database = await openDatabase(target.database);
  let server: RunningServer | undefined;
  try {
    server = await target.startServer(await freePort());
    const origin = server.origin;
    const cacheOf = async (url: string) => {
      const answer = await get(`${origin}${url}`, 30_000);
      return { status: answer.status, cache: header(answer, 'x-nextjs-cache').toUpperCase() || '-' };
    };
    for (const url of all) {
      const { status } = await cacheOf(url);
      if (status !== 200) throw new Error(`${url} answered ${status}; expected 200`);
    }
    const notCachedBefore: InvalidationScope['notCachedBefore'] = [];
    for (const url of all) {
      const { cache } = await cacheOf(url);
      if (cache !== 'HIT') notCachedBefore.push({ path: url, cache });
    }
    const publisher = new Publisher(database, ctx.generator, { REVALIDATE_URL: origin, REVALIDATE_SECRET: secretOf(target) }, runToken());
    const publication = await publisher.publish(publisher.newDraft());
    // A second: the origin revalidated at once, and its scheduler's bus tick (every 500 ms) has
    // revalidated the same tags again by now, as every instance does for every write.
    await sleepUntil(publication.committedAt + 1000);
    const waitMs = performance.now() - publication.committedAt;
    const invalidated: InvalidationScope['invalidated'] = [];
    for (const url of all) {
      const { status, cache } = await cacheOf(url);
      if (cache !== 'HIT') invalidated.push({ path: url, cache, status });
    }
    const articleSet = new Set(articles);
    return {
      urls: all.length,
      articlePages: articles.length,
      published: publication.path,
      waitMs,
      notCachedBefore,
      invalidated,
      invalidatedArticlePages: invalidated.filter((entry) => articleSet.has(entry.path)).length,
    };
  } finally {
    await server?.stop();
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Rows for the table

export interface ScopeRun {
  engine: string;
  scale: number;
  scope: InvalidationScope | PhaseError;
}

const NOISY = 0.05;
/** Latencies below a millisecond in µs: nginx answers from memory in tens of them. */
const latency = (ms: number) => (ms < 1 ? `${Math.round(ms * 1000)} µs` : fmt.ms(ms));
const noise = (foreign: number) => (foreign >= NOISY ? `; ⚠ other processes and the hypervisor took ${fmt.pct(foreign)} of the CPU` : '');
const statuses = (record: Record<string, number>) => Object.entries(record).map(([code, count]) => `${code} × ${count.toLocaleString('en-US')}`).join(', ') || 'none';
const failedRow = (figure: string, budget: string, error: PhaseError): Row => ({ figure, measured: `failed: ${error.error.split('\n').join(' ')}`, budget, result: 'MISS' });

export function edgeRows(edge: EdgeResult | undefined, scopes: readonly ScopeRun[]): Row[] {
  const rows: Row[] = [];
  if (edge) {
    const c = edge.cachedVsStatic;
    const cBudget = `≥ ${fmt.pct(EDGE_BUDGET.cachedOfStatic)} of static, 0 errors`;
    if (failed(c)) rows.push(failedRow('Edge · cached article vs nginx static (wrk -c50)', cBudget, c));
    else {
      const foreign = Math.max(...c.staticRuns.map((run) => run.foreignCpu), ...(c.staticCorkedRuns ?? []).map((run) => run.foreignCpu), ...c.edgeRuns.map((run) => run.foreignCpu));
      const corked = c.staticCorkedRuns ? `; static with Debian's tcp_nopush on (which stalls the edge's gzip answers) best ${fmt.rps(c.bestStaticCorkedRps)}, edge ${fmt.pct(c.bestEdgeRps / c.bestStaticCorkedRps)} of it` : '';
      const originCpu = c.edgeRuns.reduce((sum, run) => sum + run.originCpuSeconds, 0) / c.edgeRuns.reduce((sum, run) => sum + run.seconds, 0);
      const originRequests = c.edgeRuns.reduce((sum, run) => sum + run.log.originRequests, 0);
      const edgeSeconds = c.edgeRuns.reduce((sum, run) => sum + run.seconds, 0);
      rows.push({
        figure: 'Edge · cached article vs nginx static (wrk -c50)',
        measured:
          `${fmt.pct(c.ratio)}: edge best ${fmt.rps(c.bestEdgeRps)} (runs ${c.edgeRuns.map((run) => fmt.rps(run.rps)).join(', ')}; p50 ${c.edgeRuns.map((run) => latency(run.p50Ms)).join(', ')}) ` +
          `vs static best ${fmt.rps(c.bestStaticRps)} (same TCP settings as the edge; runs ${c.staticRuns.map((run) => fmt.rps(run.rps)).join(', ')}; p50 ${c.staticRuns.map((run) => latency(run.p50Ms)).join(', ')})${corked}; ` +
          `one connection: p50 edge ${latency(c.singleConnectionP50Ms.edge)}, static ${latency(c.singleConnectionP50Ms.static)}; ${c.errors} errors; ${fmt.kb(c.bytes)} page; ` +
          `origin meanwhile: ${originRequests} requests in ${edgeSeconds.toFixed(0)} s, ${fmt.pct(originCpu)} of a core${noise(foreign)}`,
        budget: cBudget,
        result: verdict(c.ratio >= EDGE_BUDGET.cachedOfStatic && c.errors === 0),
      });
    }
    const v = edge.publishVisibility;
    const vBudget = `max ≤ ${fmt.ms(EDGE_BUDGET.visibleMs)}`;
    if (failed(v)) rows.push(failedRow('Edge · publish visible', vBudget, v));
    else {
      const kinds = v.probes.map((probe) => probe.kind);
      const describe = (s: Spread) => `median ${fmt.ms(s.medianMs)}, max ${Number.isFinite(s.maxMs) ? fmt.ms(s.maxMs) : `not visible within 10 s (${s.notVisible}×)`}`;
      const slowest = (pick: (probe: VisibilityProbe) => { home: number | null; article: number | null }) => {
        const homes = v.probes.map((probe) => pick(probe).home ?? 0);
        const articles = v.probes.map((probe) => pick(probe).article ?? 0);
        return `home max ${fmt.ms(Math.max(...homes))}, article max ${fmt.ms(Math.max(...articles))}`;
      };
      const mix = `${kinds.filter((k) => k === 'new').length} new in-process, ${kinds.filter((k) => k === 'edit').length} edit, ${kinds.filter((k) => k === 'cli').length} via content CLI`;
      rows.push({
        figure: 'Edge · publish visible through the edge (home front + article)',
        measured: `${describe(v.edge)} from commit (${slowest((probe) => probe.edge)}); ${v.probes.length} publishes (${mix}), commits spread over the second`,
        budget: vBudget,
        result: verdict(v.edge.notVisible === 0 && v.edge.maxMs <= EDGE_BUDGET.visibleMs),
      });
      rows.push({
        figure: 'Edge · publish visible on a second instance (bus)',
        measured: `${describe(v.other)} from commit (${slowest((probe) => probe.other)}); scheduler tick ${v.schedulerIntervalMs} ms`,
        budget: vBudget,
        result: verdict(v.other.notVisible === 0 && v.other.maxMs <= EDGE_BUDGET.visibleMs),
      });
    }
    const s = edge.publishStorm;
    if (failed(s)) rows.push(failedRow('Edge · publish storm', '0 reader errors', s));
    else {
      rows.push({
        figure: `Edge · publish storm readers (${s.publishes} publishes in ${s.seconds} s, ${s.urls.length} URLs)`,
        measured: `${fmt.rps(s.readers.rps)}, p50 ${latency(s.readers.p50Ms)}, p99 ${latency(s.readers.p99Ms)}, ${s.readers.errors} errors; edge answers ${statuses(s.edgeLog.byStatus)}; publish commit→revalidated median ${fmt.ms(s.publishMs.median)}, max ${fmt.ms(s.publishMs.max)}${noise(s.readers.foreignCpu)}`,
        budget: '0 errors',
        result: verdict(s.readers.errors === 0 && Object.keys(s.edgeLog.byStatus).every((code) => code === '200')),
      });
      rows.push({
        figure: 'Edge · publish storm origin cost per publish',
        measured:
          `${s.origin.requestsPerPublish.toFixed(1)} origin requests (${s.origin.requests} at the origin: ${statuses(s.origin.byStatus)}; x-nextjs-cache ${statuses(s.origin.byNextCache)}), ` +
          `${s.origin.rendersPerPublish.toFixed(1)} renders (${s.origin.renders}); edge log: ${s.edgeLog.originRequestsPerPublish.toFixed(1)} (${s.edgeLog.foregroundOrigin} foreground + ${s.edgeLog.backgroundRefreshes} background refreshes), ` +
          `MISS/EXPIRED/UPDATING lines ${s.edgeLog.missExpiredUpdatingPerPublish.toFixed(1)} per publish`,
        budget: '—',
        result: 'info',
      });
    }
    const o = edge.originDown;
    const oBudget = '0 5xx for pages the edge had; only the 503 page for pages it never had';
    if (failed(o)) rows.push(failedRow('Edge · origin stopped 30 s', oBudget, o));
    else {
      rows.push({
        figure: `Edge · origin stopped ${o.seconds} s under load`,
        measured:
          `pages the edge had (${o.primed.length}): ${statuses(o.primedAnswers.byStatus)} (cache ${statuses(o.primedAnswers.byCache)}); ` +
          `never-seen pages (${o.unseen.length}): ${statuses(o.unseenAnswers.byStatus)}; ${fmt.rps(o.readers.rps)}, p99 ${fmt.ms(o.readers.p99Ms)}; ` +
          `the edge tried the dead origin ${o.originAttempts.toLocaleString('en-US')} times (${(o.originAttempts / o.seconds).toFixed(1)}/s, its error log); ` +
          `${o.edgeLog.originRequests.toLocaleString('en-US')} requests to its refresh hop (${o.edgeLog.foregroundOrigin.toLocaleString('en-US')} foreground, ${o.edgeLog.backgroundRefreshes.toLocaleString('en-US')} background refreshes), the rest answered by its stand-in` +
          `${o.originRefused ? '' : '; ⚠ the origin port still answered'}${noise(o.readers.foreignCpu)}`,
        budget: oBudget,
        // A 502 for a never-seen page is a reader who gave up while queued behind the dead origin.
        result: verdict(o.primedAnswers.fiveXx === 0 && o.primedAnswers.requests > 0 && o.originRefused && onlyUnavailable(o.unseenAnswers)),
      });
    }
    if (edge.leftoverPids.length > 0) rows.push({ figure: 'Edge · processes left running', measured: edge.leftoverPids.join(', '), budget: 'none', result: 'MISS' });
  }
  for (const run of scopes) {
    const figure = `${run.engine} ${run.scale.toLocaleString('en-US')} · pages invalidated by one publish`;
    const budget = '0 pages of other articles';
    if (failed(run.scope)) {
      rows.push(failedRow(figure, budget, run.scope));
      continue;
    }
    const scope = run.scope;
    const listed = scope.invalidated.map((entry) => `${entry.path} ${entry.cache}`).join(', ') || 'none';
    const before = scope.notCachedBefore.length > 0 ? `; ⚠ not HIT before the publish: ${scope.notCachedBefore.map((entry) => `${entry.path} ${entry.cache}`).join(', ')}` : '';
    rows.push({
      figure,
      measured: `${scope.invalidated.length} of ${scope.urls} (article pages ${scope.invalidatedArticlePages} of ${scope.articlePages}): ${listed}; asked ${fmt.ms(scope.waitMs)} after the commit${before}`,
      budget,
      result: verdict(scope.invalidatedArticlePages === 0 && scope.notCachedBefore.length === 0),
    });
  }
  const engines = [...new Set(scopes.map((run) => run.engine))];
  for (const engine of engines) {
    const runs = scopes.filter((run) => run.engine === engine);
    const small = runs[0];
    const large = runs.at(-1);
    if (!small || !large || small === large || failed(small.scope) || failed(large.scope)) continue;
    const a = small.scope.invalidated.length;
    const b = large.scope.invalidated.length;
    rows.push({
      figure: `${engine} · pages invalidated by one publish at ${large.scale.toLocaleString('en-US')} / at ${small.scale.toLocaleString('en-US')}`,
      measured: `${b} vs ${a} of the same ${large.scope.urls} pages`,
      budget: 'not more at the larger scale',
      result: verdict(b <= a),
    });
  }
  return rows;
}
