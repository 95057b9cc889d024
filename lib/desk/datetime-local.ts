/**
 * The desk's `<input type="datetime-local">` values, which carry no zone, read and written as wall
 * clock time in the site's time zone (Europe/Amsterdam), never in the zone of the server or of
 * the editor's browser. Pure: the zone is an argument.
 */
import { format } from 'date-fns';
import { TZDate, tz } from '@date-fns/tz';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type LocalDateTimeResult = { ok: true; iso: string } | { ok: false; reason: 'format' | 'nonexistent' };

/**
 * `2026-03-29T14:30` in `timeZone` → `2026-03-29T12:30:00.000Z`. Refuses a malformed value or a
 * calendar date that does not exist (`2026-02-30T10:00`), and a wall-clock time skipped by a
 * daylight-saving change (`2026-03-29T02:30` in Amsterdam): silently moving it an hour would
 * publish at a time nobody typed. A time that occurs twice (the autumn change) is read as the
 * first occurrence.
 */
export function parseLocalDateTime(value: string, timeZone: string): LocalDateTimeResult {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return { ok: false, reason: 'format' };
  const [, y, mo, d, h, mi, s = '00'] = match;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return { ok: false, reason: 'format' };
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return { ok: false, reason: 'format' };
  const date = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  if (Number.isNaN(date.getTime())) return { ok: false, reason: 'format' };
  const expected = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (format(date, "yyyy-MM-dd'T'HH:mm:ss", { in: tz(timeZone) }) !== expected) return { ok: false, reason: 'nonexistent' };
  // In the autumn hour that happens twice, prefer the earlier instant when it shows the same wall time.
  const hourEarlier = new Date(date.getTime() - 60 * 60 * 1000);
  const instant = format(hourEarlier, "yyyy-MM-dd'T'HH:mm:ss", { in: tz(timeZone) }) === expected ? hourEarlier : new Date(date.getTime());
  return { ok: true, iso: instant.toISOString() };
}

/** An instant as the value of a datetime-local input in `timeZone`, to the minute: `2026-03-29T14:30`. */
export function toLocalDateTime(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return format(date, "yyyy-MM-dd'T'HH:mm", { in: tz(timeZone) });
}
