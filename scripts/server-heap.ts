/**
 * The heap limit `npm start` (and the benchmark, which measures what `npm start` runs) gives the
 * Next server.
 *
 * Left alone on a machine with plenty of memory, V8 lets the heap grow for a long time before it
 * collects: under 50 concurrent first renders the server reached 600–700 MB, most of it garbage.
 * With the old generation capped at 192 MB it collects sooner and peaks near 330 MB (375 MB under
 * 200 concurrent first renders, with no failures). The price is more collection work while many
 * pages render at once: about 10% fewer uncached renders per second at 50 connections and 25% at
 * 200 than with no cap; serving cached pages costs the same. The live set (modules, Next's 50 MB
 * in-memory page cache, the renders in flight) stays well below the cap. Measured with
 * `npm run bench` and by hand; see the README's performance section.
 *
 * `SERVER_HEAP_MB` changes the cap (a whole number of MB, at least 128); a `--max-old-space-size`
 * already in NODE_OPTIONS wins over both.
 */
export const DEFAULT_SERVER_HEAP_MB = 192;

type Env = Readonly<Record<string, string | undefined>>;

export function serverHeapMb(env: Env): number {
  const raw = env.SERVER_HEAP_MB?.trim();
  if (raw === undefined || raw === '') return DEFAULT_SERVER_HEAP_MB;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 128)) {
    throw new Error(`SERVER_HEAP_MB: expected a whole number of megabytes, at least 128, got "${raw}"`);
  }
  return value;
}

/** `env` with the server's heap limit added to NODE_OPTIONS, unless NODE_OPTIONS already sets one. */
export function withServerHeapLimit<E extends Env>(env: E): E & { NODE_OPTIONS?: string } {
  const options = env.NODE_OPTIONS ?? '';
  if (/--max-old-space-size[= ]/.test(options)) return env;
  return { ...env, NODE_OPTIONS: `${options} --max-old-space-size=${serverHeapMb(env)}`.trim() };
}
