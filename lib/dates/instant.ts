/**
 * Reading instants, shared by the server's formatting (./format.ts) and the relative label of the
 * client islands (./relative.ts). Plain `Date` and `Intl`, no date-fns, so a browser bundle that
 * needs only an age pays for nothing else.
 */
import type { Locale } from '@/lib/i18n/locales';

/** An instant: an ISO 8601 date-time with a zone, or a Date (for `now`). */
export type Instant = string | Date;

/**
 * The BCP 47 tag whose conventions each site locale follows when formatting with `Intl`. English is
 * British English, as in the date formats (`3 May 2022`, `A, B and C`).
 */
export const INTL_LOCALES: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/i;

function invalidInstant(value: unknown): RangeError {
  return new RangeError(`expected an ISO 8601 date-time with a zone (Z or ±hh:mm), got ${JSON.stringify(value)}`);
}

/**
 * Reads an instant. Strings must carry a zone and name a real calendar date: `Date.parse` alone
 * would read `2022-05-03T14:38` in the process zone and roll `2022-02-30` over into March.
 */
export function toDate(value: Instant): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalidInstant(String(value));
    return value;
  }
  if (typeof value !== 'string') throw invalidInstant(value);
  const match = ISO_INSTANT.exec(value);
  if (!match) throw invalidInstant(value);
  const [, y, mo, d, h, mi, s = '0', , offH = '0', offM = '0'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const fieldsValid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 59 &&
    Number(offH) <= 23 &&
    Number(offM) <= 59;
  const ms = Date.parse(value);
  if (!fieldsValid || Number.isNaN(ms)) throw invalidInstant(value);
  return new Date(ms);
}
