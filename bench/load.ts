/**
 * Load: autocannon in this process against a server in another one, over loopback, at a fixed
 * number of connections for a fixed time, after a warm-up run whose numbers are thrown away.
 * A response outside 2xx counts as an error (3xx too, unless the case expects a redirect);
 * connection errors and timeouts count as errors as well.
 */
import autocannon, { type Options, type Result } from 'autocannon';

export interface LoadSettings {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of warm-up before the measured run (0 for none). */
  warmup: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  statusCodes: Record<string, number>;
}

function run(options: Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ timeout: 30, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function summarize(result: Result, expectRedirect: boolean): LoadResult {
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats)) statusCodes[code] = Number(stat.count);
  const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  const unexpected = Object.entries(statusCodes)
    .filter(([code]) => !(code.startsWith('2') || (expectRedirect && code.startsWith('3'))))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    requests,
    seconds: result.duration,
    rps: result.duration > 0 ? requests / result.duration : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: unexpected + result.errors,
    statusCodes,
  };
}

/** Warm-up, then the measured run, against one fixed URL. */
export async function loadUrl(url: string, settings: LoadSettings, expectRedirect = false): Promise<LoadResult> {
  if (settings.warmup > 0) await run({ url, connections: settings.connections, duration: settings.warmup });
  return summarize(await run({ url, connections: settings.connections, duration: settings.duration }), expectRedirect);
}

/**
 * Each request asks for the next path from `paths`, never one asked before, so no response can
 * come from a cache that this run filled. Stops after `paths.length` requests or `duration`,
 * whichever comes first (autocannon's `amount` is set only when the list would run out in time).
 */
export async function loadEachOnce(origin: string, paths: string[], settings: LoadSettings & { expectedRps: number }): Promise<LoadResult & { exhausted: boolean }> {
  let next = 0;
  const enough = paths.length > settings.expectedRps * settings.duration * 3;
  const result = await run({
    url: origin,
    connections: settings.connections,
    ...(enough ? { duration: settings.duration } : { amount: paths.length }),
    requests: [
      {
        setupRequest: (request) => {
          const path = paths[next % paths.length];
          next++;
          return { ...request, path };
        },
      },
    ],
  });
  return { ...summarize(result, false), exhausted: next > paths.length };
}

/** Time to first answer of one request, in ms (the cold render of an unvisited page). */
export async function timeOne(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { redirect: 'manual' });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

/**
 * Waits until the server answers a trivial request quickly again (twice under 50 ms), so that
 * the backlog of one case (e.g. slow searches still queued when the run ends) does not land in
 * the next case's numbers. Gives up silently after `timeoutMs`.
 */
export async function waitIdle(origin: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quick = 0;
  while (Date.now() < deadline && quick < 2) {
    const { ms } = await timeOne(`${origin}/robots.txt`).catch(() => ({ ms: Number.POSITIVE_INFINITY }));
    quick = ms < 50 ? quick + 1 : 0;
    if (quick < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
