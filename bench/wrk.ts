/**
 * wrk (Debian package `wrk`): the load generator for the edge phase. autocannon tops out near
 * 7–8k req/s on this machine, so every fast server would look alike with it (shared/NOTES.md);
 * wrk in C, one thread, reaches several times that. It runs as its own process, is stopped by
 * PID if it overruns its duration, and its text output is parsed here: throughput, latency
 * percentiles (`--latency`), bytes read, non-2xx/3xx answers and socket errors (connect, read,
 * write, timeout), all of which count as errors.
 */
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load';

export const WRK_MISSING_MESSAGE =
  'wrk is not installed (looked on PATH and in /usr/bin); the edge phase needs it. Install Debian\'s package:\n  apt-get install wrk\nor set WRK_BIN to the wrk binary.';

/** The wrk binary: WRK_BIN, else `wrk` on PATH or in the usual directories; null if none. */
export function findWrk(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.WRK_BIN) return isFile(env.WRK_BIN) ? env.WRK_BIN : null;
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'wrk');
    if (isFile(candidate)) return candidate;
  }
  return null;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export interface WrkResult extends LoadResult {
  /** Bytes wrk read (headers and bodies), as wrk reports it (rounded to its unit). */
  bytesRead: number;
  /** Answers outside 2xx and 3xx. wrk does not tell which codes: the edge's access log does. */
  non2xx: number;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
}

const TIME_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const BYTE_UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

function toMs(value: string, unit: string): number {
  const factor = TIME_UNITS[unit];
  if (factor === undefined) throw new Error(`wrk: unknown time unit "${unit}"`);
  return Number(value) * factor;
}

/** Parses wrk 4.x's report (run with `--latency`). Throws when the summary line is missing. */
export function parseWrkOutput(text: string): WrkResult {
  const summary = /(\d+) requests in ([\d.]+)(us|ms|s|m|h), ([\d.]+)(B|KB|MB|GB|TB) read/.exec(text);
  if (!summary) throw new Error(`wrk printed no summary:\n${text.slice(-1500)}`);
  const requests = Number(summary[1]);
  const seconds = toMs(summary[2] ?? '0', summary[3] ?? 's') / 1000;
  const bytesRead = Number(summary[4]) * (BYTE_UNITS[summary[5] ?? 'B'] ?? 1);
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, 'm').exec(text);
    return match ? toMs(match[1] ?? '0', match[2] ?? 'ms') : Number.NaN;
  };
  const sockets = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const socketErrors = { connect: Number(sockets?.[1] ?? 0), read: Number(sockets?.[2] ?? 0), write: Number(sockets?.[3] ?? 0), timeout: Number(sockets?.[4] ?? 0) };
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const socketTotal = socketErrors.connect + socketErrors.read + socketErrors.write + socketErrors.timeout;
  return {
    requests,
    seconds,
    rps: seconds > 0 ? requests / seconds : 0,
    p50Ms: percentile('50'),
    p99Ms: percentile('99'),
    errors: non2xx + socketTotal,
    // wrk counts only "not 2xx/3xx"; the per-code split comes from the edge's access log.
    statusCodes: { '2xx/3xx': Math.max(0, requests - non2xx), other: non2xx },
    bytesRead,
    non2xx,
    socketErrors,
  };
}

export interface WrkOptions {
  connections: number;
  /** Seconds. */
  duration: number;
  threads?: number;
  /** A Lua script (see {@link cyclingScript}). */
  script?: string;
  /** Per-request timeout in seconds (wrk's default is 2). */
  timeoutSeconds?: number;
}

/**
 * Runs `wrk -t<threads> -c<connections> -d<duration>s --latency` against `url` in its own process.
 * If it has not finished 20 s after its duration, it is killed by PID and the run fails.
 */
export async function runWrk(wrk: string, url: string, options: WrkOptions): Promise<WrkResult> {
  const args = [`-t${options.threads ?? 1}`, `-c${options.connections}`, `-d${options.duration}s`, '--latency', '--timeout', `${options.timeoutSeconds ?? 10}s`];
  if (options.script) args.push('-s', options.script);
  args.push(url);
  const child = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let overran = false;
  const timer = setTimeout(() => {
    overran = true;
    if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }, (options.duration + 20) * 1000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  if (overran) throw new Error(`wrk did not finish within ${options.duration + 20} s and was killed: ${args.join(' ')}`);
  if (code !== 0) throw new Error(`wrk exited with ${code}: ${stderr.trim() || stdout.trim()}`);
  return parseWrkOutput(stdout);
}

/**
 * A wrk Lua script that sends the given paths in turn (each connection's next request takes the
 * next path), so one run loads a mix of URLs. The requests are formatted once, up front, so the
 * script costs wrk next to nothing per request; it defines no `response` hook, which would make
 * wrk hand every body to Lua. Written to `file`; returns its path.
 */
export function cyclingScript(file: string, paths: readonly string[]): string {
  if (paths.length === 0) throw new Error('cyclingScript: no paths');
  const quoted = paths.map((p) => JSON.stringify(p)).join(', ');
  writeFileSync(
    file,
    `-- Written by bench/wrk.ts: cycles through ${paths.length} paths.\n` +
      `local paths = { ${quoted} }\n` +
      'local formatted = {}\n' +
      'local counter = 0\n' +
      'init = function(args)\n' +
      '  for i, p in ipairs(paths) do formatted[i] = wrk.format("GET", p) end\n' +
      'end\n' +
      'request = function()\n' +
      '  counter = counter + 1\n' +
      '  return formatted[(counter % #formatted) + 1]\n' +
      'end\n',
  );
  return file;
}
