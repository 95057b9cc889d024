/**
 * Every time the app displays goes through this module.
 *
 * Each function takes the locale and the site's IANA time zone as arguments, and formats with
 * date-fns' `in: tz(zone)` context, so output never depends on the zone the process (server, CI or
 * reader's browser) runs in. Inputs are ISO 8601 instants with an explicit zone (`…Z` or `…+02:00`),
 * as the content model returns them; a zone-less date-time would be read in the process zone, so it
 * is rejected rather than silently misread. Every function throws a RangeError for an input that is
 * not such an instant, or for a zone that is not a valid IANA zone.
 *
 * The module is pure and has no next-intl dependency, so the server, the client islands and the CLI
 * share it.
 */
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';
import { tz } from '@date-fns/tz';
import type { Locale as DateFnsLocale } from 'date-fns';
import { isUpdatedAfterPublication } from '@/lib/content/updates';
import type { Locale } from '@/lib/i18n/locales';

/** An instant: an ISO 8601 date-time with a zone, or a Date (for `now`). */
export type Instant = string | Date;

/** A formatted time together with the normalised instant for its `<time dateTime>`. */
export interface TimeLabel {
  /** `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  iso: string;
  text: string;
}

export interface BylineTimes {
  published: TimeLabel;
  /** The "last update" part, or null when the byline shows none (see {@link bylineTimes}). */
  updated: TimeLabel | null;
}

/** Relative labels are shown only for instants younger than this; older ones keep the absolute time. */
export const RELATIVE_TIME_LIMIT_MS = 12 * 60 * 60 * 1000;

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * The BCP 47 tag whose conventions each site locale follows when formatting with `Intl`. English is
 * British English, as in the date formats (`3 May 2022`, `A, B and C`).
 */
const INTL_LOCALES: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

const DATE_FNS_LOCALES: Record<Locale, DateFnsLocale> = { nl, en: enGB };

/** date-fns patterns. Quoted text is literal; `om` is Dutch for "at". */
const PATTERNS: Record<
  Locale,
  { byline: string; dateTime: string; time: string; card: string; cardWithYear: string; date: string }
> = {
  nl: {
    byline: "EEEE, d MMMM yyyy 'om' HH:mm",
    dateTime: "d MMMM yyyy 'om' HH:mm",
    time: 'HH:mm',
    card: 'd MMMM HH:mm',
    cardWithYear: 'd MMMM yyyy, HH:mm',
    date: 'd MMMM yyyy',
  },
  en: {
    byline: 'EEEE d MMMM yyyy, HH:mm',
    dateTime: 'd MMMM yyyy, HH:mm',
    time: 'HH:mm',
    card: 'd MMMM HH:mm',
    cardWithYear: 'd MMMM yyyy, HH:mm',
    date: 'd MMMM yyyy',
  },
};

/**
 * "Just now" for the relative label. These two words are locale data of the same kind as date-fns'
 * month names, not page copy: the module stays free of next-intl so client islands can use it.
 */
const JUST_NOW: Record<Locale, string> = { nl: 'zojuist', en: 'just now' };

// ---------------------------------------------------------------------------------------------
// Parsing and validation

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/i;

function invalidInstant(value: unknown): RangeError {
  return new RangeError(`expected an ISO 8601 date-time with a zone (Z or ±hh:mm), got ${JSON.stringify(value)}`);
}

/**
 * Reads an instant. Strings must carry a zone and name a real calendar date: `Date.parse` alone
 * would read `2022-05-03T14:38` in the process zone and roll `2022-02-30` over into March.
 */
function toDate(value: Instant): Date {
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

const zoneContexts = new Map<string, ReturnType<typeof tz>>();

function zoneContext(timeZone: string): ReturnType<typeof tz> {
  let context = zoneContexts.get(timeZone);
  if (!context) {
    // Checked first: Intl reads a missing zone as the process zone, which is what must never happen.
    if (typeof timeZone !== 'string' || timeZone.length === 0) throw new RangeError('a time zone is required');
    try {
      // Throws a RangeError for an unknown zone; date-fns would only say "Invalid time value".
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw new RangeError(`"${timeZone}" is not a valid IANA time zone`);
    }
    context = tz(timeZone);
    zoneContexts.set(timeZone, context);
  }
  return context;
}

/** How many formatted times {@link zonedFormat} remembers (oldest forgotten first). */
const FORMAT_MEMO_SIZE = 5000;
const formatMemo = new Map<string, string>();

/**
 * date-fns `format` in `timeZone`, remembered. Formatting in a zone is the costly part of a time
 * label (date-fns builds a zoned date and asks Intl for its offset), and the same instants come
 * back on every render: a card's time on the home front, its section, its tags and the related
 * articles of its neighbours. The result depends on nothing but the arguments, so it is safe to
 * keep. An invalid zone is never stored, so it throws every time.
 */
function zonedFormat(date: Date, pattern: string, locale: Locale | null, timeZone: string): string {
  const key = `${date.getTime()}|${locale ?? ''}|${timeZone}|${pattern}`;
  let text = formatMemo.get(key);
  if (text === undefined) {
    text = format(date, pattern, { ...(locale ? { locale: DATE_FNS_LOCALES[locale] } : {}), in: zoneContext(timeZone) });
    if (formatMemo.size >= FORMAT_MEMO_SIZE) formatMemo.delete(formatMemo.keys().next().value as string);
    formatMemo.set(key, text);
  }
  return text;
}

function formatIn(date: Date, pattern: string, locale: Locale, timeZone: string): string {
  return zonedFormat(date, pattern, locale, timeZone);
}

function capitalise(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(INTL_LOCALES[locale]) + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Public API

/** The BCP 47 tag to hand to `Intl` formatters for a site locale (`en` → `en-GB`). */
export function intlLocale(locale: Locale): string {
  return INTL_LOCALES[locale];
}

/**
 * Normalises an instant to `YYYY-MM-DDTHH:mm:ss.sssZ` (UTC), the form used in `<time dateTime>`
 * and structured data. `2022-05-03T14:38:00+02:00` → `2022-05-03T12:38:00.000Z`.
 */
export function isoInstant(value: Instant): string {
  return toDate(value).toISOString();
}

/** True when both instants fall on the same calendar day in `timeZone`. */
export function isSameDayInZone(a: Instant, b: Instant, timeZone: string): boolean {
  const day = (value: Instant) => zonedFormat(toDate(value), 'yyyy-MM-dd', null, timeZone);
  return day(a) === day(b);
}

/** The calendar year of an instant in `timeZone` (e.g. for a copyright line rendered at New Year). */
export function yearInZone(value: Instant, timeZone: string): number {
  return Number(zonedFormat(toDate(value), 'yyyy', null, timeZone));
}

/**
 * The byline's times.
 *
 * - `published.text`: nl `Dinsdag, 3 mei 2022 om 14:38`, en `Tuesday 3 May 2022, 14:38`.
 * - `updated` is null when `updatedAt` is the same instant as `publishedAt`; any later instant, even
 *   a second later, yields an update. Its text is the time only (`14:38`) when the update falls on
 *   the same calendar day as publication in the site zone, and date and time otherwise
 *   (nl `4 mei 2022 om 09:12`, en `4 May 2022, 09:12`).
 * - An `updatedAt` before `publishedAt` (a scheduled article edited before it went live) shows no
 *   update: the rule is lib/content/updates.ts's, shared with structured data, feeds and sitemaps.
 *
 * Instants are compared, not strings: `…12:38:00Z` and `…14:38:00.000+02:00` are equal.
 */
export function bylineTimes(publishedAt: Instant, updatedAt: Instant, locale: Locale, timeZone: string): BylineTimes {
  const published = toDate(publishedAt);
  const updated = toDate(updatedAt);
  const patterns = PATTERNS[locale];
  const result: BylineTimes = {
    published: {
      iso: published.toISOString(),
      text: capitalise(formatIn(published, patterns.byline, locale, timeZone), locale),
    },
    updated: null,
  };
  if (isUpdatedAfterPublication(published, updated)) {
    const sameDay = isSameDayInZone(published, updated, timeZone);
    result.updated = {
      iso: updated.toISOString(),
      text: formatIn(updated, sameDay ? patterns.time : patterns.dateTime, locale, timeZone),
    };
  }
  return result;
}

/**
 * The time on a listing card: absolute and short, never "today", because cached pages outlive the
 * day they were rendered on. nl `3 mei 14:38`, en `3 May 14:38`; the year is added when it differs
 * from the year of `now` in the site zone (nl `3 mei 2022, 14:38`, en `3 May 2022, 14:38`).
 */
export function cardTime(value: Instant, now: Instant, locale: Locale, timeZone: string): string {
  const date = toDate(value);
  const patterns = PATTERNS[locale];
  const pattern = yearInZone(date, timeZone) === yearInZone(now, timeZone) ? patterns.card : patterns.cardWithYear;
  return formatIn(date, pattern, locale, timeZone);
}

/**
 * A log timestamp to the second, the same in every locale (`2026-11-30 10:00:05`), in the site's
 * zone: the audit log's rows must sort and compare at a glance.
 */
export function auditTime(value: Instant, locale: Locale, timeZone: string): string {
  return formatIn(toDate(value), 'yyyy-MM-dd HH:mm:ss', locale, timeZone);
}

/** The date alone, for archive headers: nl `3 mei 2022`, en `3 May 2022`. */
export function dateOnly(value: Instant, locale: Locale, timeZone: string): string {
  return formatIn(toDate(value), PATTERNS[locale].date, locale, timeZone);
}

const relativeFormatters = new Map<Locale, Intl.RelativeTimeFormat>();

/**
 * The relative label a client island shows after hydration, in place of the absolute time.
 *
 * | age                 | nl                 | en               |
 * | ------------------- | ------------------ | ---------------- |
 * | under 1 minute      | zojuist            | just now         |
 * | under 1 hour        | 5 minuten geleden  | 5 minutes ago    |
 * | under 12 hours      | 11 uur geleden     | 11 hours ago     |
 * | 12 hours or more    | null               | null             |
 * | in the future       | null               | null             |
 *
 * Units are rounded down, so 59 min 59 s is "59 minutes ago". Null means "keep the absolute time".
 * No time zone is needed: an age does not depend on one.
 */
export function relativeTimeLabel(value: Instant, now: Instant, locale: Locale): string | null {
  const age = toDate(now).getTime() - toDate(value).getTime();
  if (age < 0 || age >= RELATIVE_TIME_LIMIT_MS) return null;
  if (age < MINUTE_MS) return JUST_NOW[locale];
  let formatter = relativeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(INTL_LOCALES[locale], { numeric: 'always', style: 'long' });
    relativeFormatters.set(locale, formatter);
  }
  if (age < HOUR_MS) return formatter.format(-Math.floor(age / MINUTE_MS), 'minute');
  return formatter.format(-Math.floor(age / HOUR_MS), 'hour');
}

/**
 * An instant as ISO 8601 wall-clock time in `timeZone` with its offset, to the second:
 * `2022-05-03T12:38:00Z` in Europe/Amsterdam → `2022-05-03T14:38:00+02:00` (summer time),
 * `2022-01-10T09:00:00Z` → `2022-01-10T10:00:00+01:00`. For structured data and feeds, which
 * must carry the same instant the page shows, with the site zone's offset.
 */
export function isoInZone(value: Instant, timeZone: string): string {
  return zonedFormat(toDate(value), "yyyy-MM-dd'T'HH:mm:ssxxx", null, timeZone);
}
