/**
 * How far the server's JavaScript heap may grow past what is live before V8 collects it.
 *
 * V8 sizes its next old-generation limit from the live heap after each full collection, times a
 * growing factor it picks itself: up to 4× on a machine with plenty of memory, when collecting
 * looks expensive. Under a burst of first renders (each holding a few MB while it streams) that
 * lets the heap swell to several times what is alive: the bench saw 600–700 MB of RSS around a
 * live heap that never passed about 230 MB. A fixed factor keeps the heap near its live size, with
 * no ceiling to run into: the limit still follows the live heap wherever it goes, which a
 * `--max-old-space-size` cap (SERVER_HEAP_MB) does not.
 *
 * The price is collecting more often. Measured in server CPU time per request (which hypervisor
 * steal does not inflate), 900 first renders under 50 connections: V8's own factor about 34 ms a
 * render at ~600 MB peak; 20% 45 ms (too dear); 35% 37 ms at ~320 MB; 50% 36 ms at ~335 MB; 100%
 * 38 ms at ~380 MB. Cached pages cost 5–10% more at 20%, hardly anything above.
 *
 * Those figures were taken while finished renders still stayed reachable from running ones (fixed
 * since in patches/next+16.4.6.patch, React's end-of-render abort reason): the live heap under first
 * renders is now about 90–110 MB, and the factor matters less, but V8's own still let RSS pass
 * 580 MB around it.
 *
 * `SERVER_HEAP_GROWTH_PERCENT` sets it (default 40: the limit is 1.4× the live heap); 0 leaves it to
 * V8. Applied when the server starts (instrumentation.ts), whichever way it was started.
 */
import { setFlagsFromString } from 'node:v8';

type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_HEAP_GROWTH_PERCENT = 40;

/** The growth in percent from `SERVER_HEAP_GROWTH_PERCENT`; 0 means V8's own heuristics. */
export function heapGrowthPercent(env: Env): number {
  const raw = env.SERVER_HEAP_GROWTH_PERCENT?.trim();
  if (raw === undefined || raw === '') return DEFAULT_HEAP_GROWTH_PERCENT;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value === 0 || (value >= 5 && value <= 300))) {
    throw new Error(`SERVER_HEAP_GROWTH_PERCENT: expected 0 (V8 decides) or a whole number from 5 to 300, got "${raw}"`);
  }
  return value;
}

/** Sets V8's heap growing factor for this process, as `SERVER_HEAP_GROWTH_PERCENT` says. */
export function applyHeapGrowth(env: Env = process.env): number {
  const percent = heapGrowthPercent(env);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
