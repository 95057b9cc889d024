/**
 * Video durations, given in whole seconds as the content model stores them. Like the rest of
 * lib/dates this is pure and locale-free: a clock-style duration reads the same in every locale.
 */

function assertSeconds(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new RangeError(`expected a whole, non-negative number of seconds, got ${seconds}`);
  }
}

/**
 * Clock-style duration for a video badge: `m:ss` (`3:25`, `0:07`, `59:59`), and `h:mm:ss` from one
 * hour up (`1:02:03`).
 */
export function formatDuration(seconds: number): string {
  assertSeconds(seconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * ISO 8601 duration for `<time dateTime>` and VideoObject structured data: 205 → `PT3M25S`,
 * 3723 → `PT1H2M3S`, 0 → `PT0S`.
 */
export function isoDuration(seconds: number): string {
  assertSeconds(seconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
  return `PT${parts}`;
}

/** Whole minutes and the remaining seconds, for a spoken label ("3 minuten en 25 seconden"). */
export function durationParts(seconds: number): { minutes: number; seconds: number } {
  assertSeconds(seconds);
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
}
