/**
 * An optional heap limit for the Next server, which `npm start` (and the benchmark, which measures
 * what `npm start` runs) pass on as `--max-old-space-size`.
 *
 * There is no limit by default, on purpose. Left alone on a machine with plenty of memory, V8 lets
 * the heap grow for a long time before it collects: under 50 concurrent first renders the server
 * reached 600–700 MB RSS, most of it garbage (at rest the live heap is about 60 MB). But a cap
 * must sit well above the live heap at its peak, and that peak is high while many pages render for
 * the first time at once: Next's in-memory page cache (up to 50 MB of HTML and payloads), about
 * 18 MB of code, and every render in flight with its cache writes. In `npm run bench` (50
 * connections asking for pages nobody had asked for, after the other loads) the live heap reached
 * 180 MB and then 232 MB, and with caps of 192 MB and 256 MB the server ran out of memory and died.
 * A crashed server is worse than a large one, so the cap is the operator's choice, for an
 * instance whose burst of first renders is known to be smaller. What keeps the heap near its live
 * size by default is the growing factor (lib/site/heap.ts), which has no ceiling to run into.
 *
 * `SERVER_HEAP_MB` sets the cap (a whole number of MB, at least 128); a `--max-old-space-size`
 * already in NODE_OPTIONS wins.
 */
type Env = Readonly<Record<string, string | undefined>>;

/** The cap in MB from `SERVER_HEAP_MB`, or null when it is not set. */
export function serverHeapMb(env: Env): number | null {
  const raw = env.SERVER_HEAP_MB?.trim();
  if (raw === undefined || raw === '') return null;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 128)) {
    throw new Error(`SERVER_HEAP_MB: expected a whole number of megabytes, at least 128, got "${raw}"`);
  }
  return value;
}

/** `env` with the heap limit added to NODE_OPTIONS when one is asked for and NODE_OPTIONS has none. */
export function withServerHeapLimit<E extends Env>(env: E): E & { NODE_OPTIONS?: string } {
  const options = env.NODE_OPTIONS ?? '';
  const heapMb = serverHeapMb(env);
  if (heapMb === null || /--max-old-space-size[= ]/.test(options)) return env;
  return { ...env, NODE_OPTIONS: `${options} --max-old-space-size=${heapMb}`.trim() };
}
