/**
 * The heap limit `npm start` (and the benchmark, which measures what `npm start` runs) gives the
 * Next server.
 *
 * Left alone on a machine with plenty of memory, V8 lets the heap grow for a long time before it
 * collects: under 50 concurrent first renders the server reached 600–700 MB, most of it garbage
 * (at rest the live heap is about 60 MB). Capped at 256 MB, the old generation is collected sooner
 * and the server peaks near 360–420 MB. The cap cannot go much lower: pages being rendered for the
 * first time hold memory until they are written out, and under 50 concurrent first renders after
 * the bench's other loads the live heap reached about 180 MB; with a 192 MB cap the server ran out
 * of memory there. 256 MB held, with 152 MB live at most, under 200 concurrent first renders.
 * The price is more collection work while many pages render at once: about 10% fewer first
 * renders per second at 50 connections and 17% at 200 than with no cap; serving cached pages
 * costs the same. Measured with `npm run bench` and by hand; see the README's performance section.
 *
 * `SERVER_HEAP_MB` changes the cap (a whole number of MB, at least 128); a `--max-old-space-size`
 * already in NODE_OPTIONS wins over both.
 */
export const DEFAULT_SERVER_HEAP_MB = 256;

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
