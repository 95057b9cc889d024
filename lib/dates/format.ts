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
 * The module is pure and has no next-intl dependency, so the server and the CLI share it. The
 * relative label that client islands show lives apart, in ./relative.ts, which needs no date-fns.
 */
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';
import { tz } from '@date-fns/tz';
import type { Locale as DateFnsLocale } from 'date-fns';
import { isUpdatedAfterPublication } from '@/lib/content/updates';
import type { Locale } from '@/lib/i18n/locales';
import { INTL_LOCALES, toDate, type Instant } from './instant';

export type { Instant };

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

/**
 * An instant as ISO 8601 wall-clock time in `timeZone` with its offset, to the second:
 * `2022-05-03T12:38:00Z` in Europe/Amsterdam → `2022-05-03T14:38:00+02:00` (summer time),
 * `2022-01-10T09:00:00Z` → `2022-01-10T10:00:00+01:00`. For structured data and feeds, which
 * must carry the same instant the page shows, with the site zone's offset.
 */
export function isoInZone(value: Instant, timeZone: string): string {
  return zonedFormat(toDate(value), "yyyy-MM-dd'T'HH:mm:ssxxx", null, timeZone);
}
