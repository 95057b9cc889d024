/**
 * The uncached render, A/B against another Next release: the same sources, the same database and
 * the same pages, built once with the project's Next and once with `version` (by default the last
 * release before the upgrade), served in turn, in the same run. The figure is server CPU per
 * render (the server tree's user + system time over the renders it answered), which is what an
 * uncached page costs the origin; requests per second are kept beside it.
 *
 * The other release lives in bench/out/next-<version>/: a copy of the project's files (tracked and
 * untracked, not ignored), `npm ci`, then that `next` installed over it without touching
 * package.json. The install is kept between runs while package-lock.json and the version stay the
 * same; the sources are copied afresh every time, so both sides always run the same code.
 *
 * Rounds alternate the order (A B, B A, …), each on fresh servers and pages neither side has
 * rendered, so a machine that slows down during the phase weighs on both sides alike. The median
 * round per side is reported.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { treeCpuSeconds } from './cpu';
import { loadEachOnce, timeOne, waitIdle, type LoadSettings } from './load';
import { freePort, startNext } from './server';

/** The last Next release this project ran on before the upgrade to the current one. */
export const PREVIOUS_NEXT = '16.4.6';

const ROUNDS = 4;
const WARM_RENDERS = 20;

export interface AbSide {
  next: string;
  /** Server CPU per uncached render, ms: the median round. */
  cpuMsPerRender: number;
  rps: number;
  renders: number;
  errors: number;
  rounds: Array<{ cpuMsPerRender: number; rps: number; renders: number }>;
}

export interface AbResult {
  current: AbSide;
  previous: AbSide;
  /** current ÷ previous CPU per render: below 1 is faster now. */
  ratio: number;
  installSeconds: number;
  buildSeconds: number;
}

export interface AbContext {
  root: string;
  outDir: string;
  version: string;
  /** The dist dir both builds use, relative to their project folder. */
  distDir: string;
  /** The environment of a build and a server for `origin` (database, SITE_URL, dist dir). */
  env: (origin: string) => NodeJS.ProcessEnv;
  /** Puts the current build's page caches back as the build left them. */
  restoreCurrent: () => void;
  /** Article paths nobody has asked for on a fresh server; each round takes its own slice. */
  freshPaths: string[];
  load: LoadSettings;
  log: (line: string) => void;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, what: string): void {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}):\n${(result.stdout + result.stderr).slice(-3000)}`);
}

/** The project's own files: tracked, and untracked but not ignored (work in progress runs too). */
function projectFiles(root: string): string[] {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return listed.stdout.split('\0').filter((file) => file && existsSync(path.join(root, file)));
}

/** bench/out/next-<version>, with the project's sources and that Next installed; returns its path. */
function prepareOther(context: AbContext): { dir: string; installSeconds: number } {
  const { root, outDir, version } = context;
  const dir = path.join(outDir, `next-${version}`);
  const lock = readFileSync(path.join(root, 'package-lock.json'));
  const stamp = createHash('sha256').update(lock).update(`next@${version}`).digest('hex');
  const stampFile = path.join(dir, '.ab-install');
  const installed = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  if (!installed) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Sources afresh every run; node_modules and the stamp stay.
  for (const file of projectFiles(root)) {
    if (file.startsWith('bench/out/')) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(dir, file));
  }
  if (installed) return { dir, installSeconds: 0 };
  const begin = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  run(npm, ['ci'], dir, env, `npm ci in ${dir}`);
  run(npm, ['install', '--no-save', `next@${version}`], dir, env, `npm install next@${version}`);
  writeFileSync(stampFile, stamp);
  return { dir, installSeconds: (Date.now() - begin) / 1000 };
}

function nextVersion(dir: string): string {
  return (JSON.parse(readFileSync(require.resolve('next/package.json', { paths: [dir] }), 'utf8')) as { version: string }).version;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** One round on one side: a fresh server, a few renders to warm it, then the measured renders. */
async function measureRound(dir: string, context: AbContext, paths: string[]): Promise<{ cpuMsPerRender: number; rps: number; renders: number; errors: number }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startNext(dir, port, context.env(origin), dir);
  try {
    for (const warm of paths.slice(0, WARM_RENDERS)) await timeOne(`${origin}${warm}`);
    await waitIdle(origin);
    const cpuBefore = treeCpuSeconds(server.pid);
    // Uncached renders run at tens a second: with that expectation a round lasts the run's
    // duration, not until its whole slice of pages is rendered (75 s a round at 100,000 articles).
    const result = await loadEachOnce(origin, paths.slice(WARM_RENDERS), { ...context.load, warmup: 0, expectedRps: 40 });
    const cpuSeconds = treeCpuSeconds(server.pid) - cpuBefore;
    const renders = result.requests - result.errors;
    return { cpuMsPerRender: renders > 0 ? (cpuSeconds * 1000) / renders : Number.POSITIVE_INFINITY, rps: result.rps, renders, errors: result.errors };
  } finally {
    await server.stop();
  }
}

export async function measureNextAb(context: AbContext): Promise<AbResult> {
  const { dir, installSeconds } = prepareOther(context);
  context.log(`  A/B: next ${nextVersion(dir)} installed in ${dir}${installSeconds ? ` (${installSeconds.toFixed(0)} s)` : ' (kept from an earlier run)'}; building…`);
  const buildBegin = Date.now();
  const buildOrigin = `http://127.0.0.1:${await freePort()}`;
  rmSync(path.join(dir, context.distDir), { recursive: true, force: true });
  run(process.execPath, [require.resolve('next/dist/bin/next', { paths: [dir] }), 'build'], dir, context.env(buildOrigin), `next build with next@${context.version}`);
  const buildSeconds = (Date.now() - buildBegin) / 1000;

  const sides = [
    { key: 'current' as const, dir: context.root, next: nextVersion(context.root), rounds: [] as Array<{ cpuMsPerRender: number; rps: number; renders: number; errors: number }> },
    { key: 'previous' as const, dir, next: nextVersion(dir), rounds: [] as Array<{ cpuMsPerRender: number; rps: number; renders: number; errors: number }> },
  ];
  const slice = Math.floor(context.freshPaths.length / (ROUNDS * 2));
  if (slice < WARM_RENDERS + 50) throw new Error(`only ${context.freshPaths.length} fresh article pages for ${ROUNDS * 2} A/B rounds`);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      if (side.key === 'current') context.restoreCurrent();
      const index = round * 2 + (side === order[0] ? 0 : 1);
      const measured = await measureRound(side.dir, context, context.freshPaths.slice(index * slice, (index + 1) * slice));
      side.rounds.push(measured);
      context.log(`  A/B round ${round + 1}, next ${side.next}: ${measured.cpuMsPerRender.toFixed(1)} ms CPU per render, ${measured.rps.toFixed(0)} req/s, ${measured.renders} renders, ${measured.errors} errors`);
    }
  }
  const summarize = (side: (typeof sides)[number]): AbSide => ({
    next: side.next,
    cpuMsPerRender: median(side.rounds.map((round) => round.cpuMsPerRender)),
    rps: median(side.rounds.map((round) => round.rps)),
    renders: side.rounds.reduce((sum, round) => sum + round.renders, 0),
    errors: side.rounds.reduce((sum, round) => sum + round.errors, 0),
    rounds: side.rounds.map(({ cpuMsPerRender, rps, renders }) => ({ cpuMsPerRender, rps, renders })),
  });
  const current = summarize(sides[0]!);
  const previous = summarize(sides[1]!);
  return { current, previous, ratio: current.cpuMsPerRender / previous.cpuMsPerRender, installSeconds, buildSeconds };
}
