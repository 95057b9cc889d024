/**
 * The edge's access log (deploy/nginx/edge.conf.template, `log_format edge`): one line per client
 * request with its status, `cache=$upstream_cache_status`, `origin=$upstream_addr` and
 * `origin_status=$upstream_status`. The edge phase reads the lines a step added (from a byte
 * offset taken before it) to count answers by status and cache result, per URL.
 *
 * nginx buffers the log (`buffer=64k flush=1s`, per worker): a line reaches the file at most
 * a second after it was written to the buffer, so callers wait {@link LOG_FLUSH_MS} before taking
 * an offset (so that earlier lines are out) and before reading (so that the step's lines are in).
 *
 * What the lines say about the origin: a line with an `origin=` address went to the origin in
 * the foreground (MISS, EXPIRED, BYPASS, REVALIDATED, or STALE because the origin failed). A
 * background refresh (`proxy_cache_background_update`) is NOT logged itself: nginx does not log
 * subrequests. The request that started it is logged as `cache=STALE` with no origin address;
 * requests served the old copy while it runs are `cache=UPDATING` and never reach the origin.
 */
import { readFileSync, statSync } from 'node:fs';

export const LOG_FLUSH_MS = 1300;

export interface EdgeLogLine {
  method: string;
  path: string;
  status: number;
  /** HIT, MISS, STALE, UPDATING, EXPIRED, REVALIDATED, BYPASS, or '-' for uncached locations. */
  cache: string;
  /** The upstream address(es), or '-' when the request did not go upstream in the foreground. */
  origin: string;
  originStatus: string;
}

/** The log's size now: lines after this offset were written later. */
export function logOffset(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

const LINE = /"(\S+) (\S+)[^"]*" (\d{3}) \S+ cache=(\S*) origin=(.*?) origin_status=(.*?) origin_time=/;

/** The lines written after `offset` that parse (anything else is ignored and counted). */
export function readLogSince(file: string, offset: number): { lines: EdgeLogLine[]; unparsed: number } {
  let text = '';
  try {
    text = readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return { lines: [], unparsed: 0 };
  }
  const lines: EdgeLogLine[] = [];
  let unparsed = 0;
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    const match = LINE.exec(raw);
    if (!match) {
      unparsed++;
      continue;
    }
    lines.push({
      method: match[1] ?? '',
      path: match[2] ?? '',
      status: Number(match[3]),
      cache: match[4] || '-',
      origin: (match[5] ?? '-').trim() || '-',
      originStatus: (match[6] ?? '-').trim() || '-',
    });
  }
  return { lines, unparsed };
}

export interface LogSummary {
  requests: number;
  byStatus: Record<string, number>;
  byCache: Record<string, number>;
  /** Lines that went to the origin in the foreground (an `origin=` address). */
  foregroundOrigin: number;
  /** `cache=STALE` lines without an origin address: each started one background refresh. */
  backgroundRefreshes: number;
  /** The two above: requests the edge sent to the origin, as far as its log can tell. */
  originRequests: number;
  /**
   * Lines with cache=MISS, EXPIRED or UPDATING. Often taken for origin requests, but UPDATING
   * lines never reach the origin (see above): shown next to `originRequests` to make that visible.
   */
  missExpiredUpdating: number;
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

export function summarizeLog(lines: readonly EdgeLogLine[]): LogSummary {
  const byStatus: Record<string, number> = {};
  const byCache: Record<string, number> = {};
  let foregroundOrigin = 0;
  let backgroundRefreshes = 0;
  let missExpiredUpdating = 0;
  for (const line of lines) {
    bump(byStatus, String(line.status));
    bump(byCache, line.cache);
    if (line.origin !== '-') foregroundOrigin++;
    else if (line.cache === 'STALE') backgroundRefreshes++;
    if (line.cache === 'MISS' || line.cache === 'EXPIRED' || line.cache === 'UPDATING') missExpiredUpdating++;
  }
  return { requests: lines.length, byStatus: sorted(byStatus), byCache: sorted(byCache), foregroundOrigin, backgroundRefreshes, originRequests: foregroundOrigin + backgroundRefreshes, missExpiredUpdating };
}

/** Same keys in a fixed order, so results.json diffs stay readable. */
export function sorted(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
