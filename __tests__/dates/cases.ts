/**
 * The date-format tables, shared by format.test.ts and by tz-probe.ts, which replays them in child
 * processes started with other TZ values to prove the output does not depend on the process zone.
 * Relative imports only: the probe runs outside Jest's module mapper.
 */
import type { Locale } from '../../lib/i18n/locales';
import { bylineTimes, cardTime, dateOnly, isoInstant } from '../../lib/dates/format';
import { relativeTimeLabel } from '../../lib/dates/relative';
import { formatDuration, isoDuration } from '../../lib/dates/duration';

export const AMSTERDAM = 'Europe/Amsterdam';

export interface BylineCase {
  name: string;
  publishedAt: string;
  updatedAt: string;
  locale: Locale;
  timeZone: string;
  published: string;
  updated: string | null;
}

const REF = '2022-05-03T12:38:00Z';

/** Rows come in nl/en pairs where the wording differs. */
export const BYLINE_CASES: BylineCase[] = [
  // The reference: Tuesday 3 May 2022, 14:38 in Amsterdam (CEST, UTC+2).
  { name: 'no update when both instants are equal', publishedAt: REF, updatedAt: REF, locale: 'nl', timeZone: AMSTERDAM, published: 'Dinsdag, 3 mei 2022 om 14:38', updated: null },
  { name: 'no update when both instants are equal', publishedAt: REF, updatedAt: REF, locale: 'en', timeZone: AMSTERDAM, published: 'Tuesday 3 May 2022, 14:38', updated: null },
  { name: 'no update when the same instant is written differently', publishedAt: REF, updatedAt: '2022-05-03T14:38:00.000+02:00', locale: 'nl', timeZone: AMSTERDAM, published: 'Dinsdag, 3 mei 2022 om 14:38', updated: null },
  { name: 'an update one second later still counts', publishedAt: REF, updatedAt: '2022-05-03T12:38:01Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Dinsdag, 3 mei 2022 om 14:38', updated: '14:38' },
  { name: 'an update one second later still counts', publishedAt: REF, updatedAt: '2022-05-03T12:38:01Z', locale: 'en', timeZone: AMSTERDAM, published: 'Tuesday 3 May 2022, 14:38', updated: '14:38' },
  { name: 'same-day update shows the time only', publishedAt: REF, updatedAt: '2022-05-03T17:05:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Dinsdag, 3 mei 2022 om 14:38', updated: '19:05' },
  { name: 'same-day update shows the time only', publishedAt: REF, updatedAt: '2022-05-03T17:05:00Z', locale: 'en', timeZone: AMSTERDAM, published: 'Tuesday 3 May 2022, 14:38', updated: '19:05' },
  { name: 'next-day update shows date and time', publishedAt: REF, updatedAt: '2022-05-04T07:12:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Dinsdag, 3 mei 2022 om 14:38', updated: '4 mei 2022 om 09:12' },
  { name: 'next-day update shows date and time', publishedAt: REF, updatedAt: '2022-05-04T07:12:00Z', locale: 'en', timeZone: AMSTERDAM, published: 'Tuesday 3 May 2022, 14:38', updated: '4 May 2022, 09:12' },
  { name: 'an update months later shows date and time', publishedAt: REF, updatedAt: '2023-01-02T08:00:00Z', locale: 'en', timeZone: AMSTERDAM, published: 'Tuesday 3 May 2022, 14:38', updated: '2 January 2023, 09:00' },

  // Midnight edges: the calendar day is Amsterdam's, not UTC's.
  { name: 'summer: 21:30Z → 22:10Z crosses midnight in Amsterdam (same UTC day)', publishedAt: '2022-05-03T21:30:00Z', updatedAt: '2022-05-03T22:10:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Dinsdag, 3 mei 2022 om 23:30', updated: '4 mei 2022 om 00:10' },
  { name: 'summer: 21:30Z → 22:10Z crosses midnight in Amsterdam (same UTC day)', publishedAt: '2022-05-03T21:30:00Z', updatedAt: '2022-05-03T22:10:00Z', locale: 'en', timeZone: AMSTERDAM, published: 'Tuesday 3 May 2022, 23:30', updated: '4 May 2022, 00:10' },
  { name: 'summer: 22:30Z and 23:10Z are both already the next day in Amsterdam', publishedAt: '2022-05-03T22:30:00Z', updatedAt: '2022-05-03T23:10:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Woensdag, 4 mei 2022 om 00:30', updated: '01:10' },
  { name: 'summer: 22:30Z and 23:10Z are both already the next day in Amsterdam', publishedAt: '2022-05-03T22:30:00Z', updatedAt: '2022-05-03T23:10:00Z', locale: 'en', timeZone: AMSTERDAM, published: 'Wednesday 4 May 2022, 00:30', updated: '01:10' },
  { name: 'different UTC days, one Amsterdam day', publishedAt: '2022-05-03T23:30:00Z', updatedAt: '2022-05-04T20:00:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Woensdag, 4 mei 2022 om 01:30', updated: '22:00' },
  { name: 'winter: 22:30Z → 23:10Z crosses midnight in Amsterdam (UTC+1)', publishedAt: '2022-01-10T22:30:00Z', updatedAt: '2022-01-10T23:10:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Maandag, 10 januari 2022 om 23:30', updated: '11 januari 2022 om 00:10' },
  { name: 'winter: 22:30Z → 23:10Z crosses midnight in Amsterdam (UTC+1)', publishedAt: '2022-01-10T22:30:00Z', updatedAt: '2022-01-10T23:10:00Z', locale: 'en', timeZone: AMSTERDAM, published: 'Monday 10 January 2022, 23:30', updated: '11 January 2022, 00:10' },

  // DST: clocks go forward at 01:00Z on 27 March 2022 (02:00 CET → 03:00 CEST) …
  { name: 'spring DST night: 00:30Z (01:30 CET) → 01:30Z (03:30 CEST) is the same day', publishedAt: '2022-03-27T00:30:00Z', updatedAt: '2022-03-27T01:30:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Zondag, 27 maart 2022 om 01:30', updated: '03:30' },
  { name: 'spring DST night: 00:30Z (01:30 CET) → 01:30Z (03:30 CEST) is the same day', publishedAt: '2022-03-27T00:30:00Z', updatedAt: '2022-03-27T01:30:00Z', locale: 'en', timeZone: AMSTERDAM, published: 'Sunday 27 March 2022, 01:30', updated: '03:30' },
  { name: 'spring DST night: an evening article updated at 01:30Z', publishedAt: '2022-03-26T22:30:00Z', updatedAt: '2022-03-27T01:30:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Zaterdag, 26 maart 2022 om 23:30', updated: '27 maart 2022 om 03:30' },
  { name: 'spring DST night: an evening article updated at 01:30Z', publishedAt: '2022-03-26T22:30:00Z', updatedAt: '2022-03-27T01:30:00Z', locale: 'en', timeZone: AMSTERDAM, published: 'Saturday 26 March 2022, 23:30', updated: '27 March 2022, 03:30' },
  // … and back at 01:00Z on 30 October 2022 (03:00 CEST → 02:00 CET): 02:30 happens twice.
  { name: 'autumn DST night: 00:30Z (02:30 CEST) → 01:30Z (02:30 CET) is an update', publishedAt: '2022-10-30T00:30:00Z', updatedAt: '2022-10-30T01:30:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Zondag, 30 oktober 2022 om 02:30', updated: '02:30' },
  { name: 'autumn DST night: 00:30Z (02:30 CEST) → 01:30Z (02:30 CET) is an update', publishedAt: '2022-10-30T00:30:00Z', updatedAt: '2022-10-30T01:30:00Z', locale: 'en', timeZone: AMSTERDAM, published: 'Sunday 30 October 2022, 02:30', updated: '02:30' },
  { name: 'autumn DST night: an evening article updated at 01:30Z', publishedAt: '2022-10-29T21:30:00Z', updatedAt: '2022-10-30T01:30:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Zaterdag, 29 oktober 2022 om 23:30', updated: '30 oktober 2022 om 02:30' },
  { name: 'autumn DST night: an evening article updated at 01:30Z', publishedAt: '2022-10-29T21:30:00Z', updatedAt: '2022-10-30T01:30:00Z', locale: 'en', timeZone: AMSTERDAM, published: 'Saturday 29 October 2022, 23:30', updated: '30 October 2022, 02:30' },

  // The site zone is an argument: the same instants give other days elsewhere.
  { name: 'site zone New York: 12:38Z → 03:00Z next UTC day is one New York day', publishedAt: REF, updatedAt: '2022-05-04T03:00:00Z', locale: 'en', timeZone: 'America/New_York', published: 'Tuesday 3 May 2022, 08:38', updated: '23:00' },
  { name: 'site zone Tokyo: 12:38Z → 15:30Z crosses midnight in Tokyo', publishedAt: REF, updatedAt: '2022-05-03T15:30:00Z', locale: 'nl', timeZone: 'Asia/Tokyo', published: 'Dinsdag, 3 mei 2022 om 21:38', updated: '4 mei 2022 om 00:30' },

  // The schema forbids it; the byline must not claim an update before publication.
  { name: 'an updatedAt before publishedAt shows no update', publishedAt: REF, updatedAt: '2022-05-03T10:00:00Z', locale: 'nl', timeZone: AMSTERDAM, published: 'Dinsdag, 3 mei 2022 om 14:38', updated: null },
];

export interface CardCase {
  name: string;
  value: string;
  now: string;
  locale: Locale;
  timeZone: string;
  expected: string;
}

const JUNE_2022 = '2022-06-01T10:00:00Z';

export const CARD_CASES: CardCase[] = [
  { name: 'this year: day, month and time', value: REF, now: JUNE_2022, locale: 'nl', timeZone: AMSTERDAM, expected: '3 mei 14:38' },
  { name: 'this year: day, month and time', value: REF, now: JUNE_2022, locale: 'en', timeZone: AMSTERDAM, expected: '3 May 14:38' },
  { name: 'an older year adds the year', value: REF, now: '2023-01-15T10:00:00Z', locale: 'nl', timeZone: AMSTERDAM, expected: '3 mei 2022, 14:38' },
  { name: 'an older year adds the year', value: REF, now: '2023-01-15T10:00:00Z', locale: 'en', timeZone: AMSTERDAM, expected: '3 May 2022, 14:38' },
  { name: 'does not say "today" even on the same day', value: REF, now: '2022-05-03T12:40:00Z', locale: 'nl', timeZone: AMSTERDAM, expected: '3 mei 14:38' },
  { name: 'single-digit day and hour', value: '2022-03-07T08:05:00Z', now: JUNE_2022, locale: 'nl', timeZone: AMSTERDAM, expected: '7 maart 09:05' },
  { name: 'single-digit day and hour', value: '2022-03-07T08:05:00Z', now: JUNE_2022, locale: 'en', timeZone: AMSTERDAM, expected: '7 March 09:05' },
  { name: 'year of both instants is read in the site zone (New Year in Amsterdam, not in UTC)', value: '2021-12-31T23:30:00Z', now: '2022-01-01T08:00:00Z', locale: 'nl', timeZone: AMSTERDAM, expected: '1 januari 00:30' },
  { name: '`now` already in the new year in Amsterdam', value: '2022-12-31T22:30:00Z', now: '2022-12-31T23:30:00Z', locale: 'nl', timeZone: AMSTERDAM, expected: '31 december 2022, 23:30' },
  { name: '`now` already in the new year in Amsterdam', value: '2022-12-31T22:30:00Z', now: '2022-12-31T23:30:00Z', locale: 'en', timeZone: AMSTERDAM, expected: '31 December 2022, 23:30' },
  { name: 'autumn DST night', value: '2022-10-30T01:30:00Z', now: JUNE_2022, locale: 'en', timeZone: AMSTERDAM, expected: '30 October 02:30' },
];

export interface DateOnlyCase {
  value: string;
  locale: Locale;
  timeZone: string;
  expected: string;
}

export const DATE_ONLY_CASES: DateOnlyCase[] = [
  { value: REF, locale: 'nl', timeZone: AMSTERDAM, expected: '3 mei 2022' },
  { value: REF, locale: 'en', timeZone: AMSTERDAM, expected: '3 May 2022' },
  { value: '2022-05-03T22:30:00Z', locale: 'nl', timeZone: AMSTERDAM, expected: '4 mei 2022' },
  { value: '2022-05-03T22:30:00Z', locale: 'en', timeZone: AMSTERDAM, expected: '4 May 2022' },
  { value: '2022-12-31T23:30:00Z', locale: 'nl', timeZone: AMSTERDAM, expected: '1 januari 2023' },
  { value: '2022-12-31T23:30:00Z', locale: 'en', timeZone: AMSTERDAM, expected: '1 January 2023' },
  { value: '2022-05-03T02:00:00Z', locale: 'en', timeZone: 'America/New_York', expected: '2 May 2022' },
];

export interface RelativeCase {
  age: string;
  /** Milliseconds between the instant and `now`; negative is the future. */
  ageMs: number;
  nl: string | null;
  en: string | null;
}

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

export const RELATIVE_NOW = '2022-05-03T12:00:00.000Z';

export const RELATIVE_CASES: RelativeCase[] = [
  { age: '0 s', ageMs: 0, nl: 'zojuist', en: 'just now' },
  { age: '59 s', ageMs: 59 * S, nl: 'zojuist', en: 'just now' },
  { age: '59.999 s', ageMs: MIN - 1, nl: 'zojuist', en: 'just now' },
  { age: '1 min', ageMs: MIN, nl: '1 minuut geleden', en: '1 minute ago' },
  { age: '5 min', ageMs: 5 * MIN, nl: '5 minuten geleden', en: '5 minutes ago' },
  { age: '59 min', ageMs: 59 * MIN, nl: '59 minuten geleden', en: '59 minutes ago' },
  { age: '59 min 59 s', ageMs: H - S, nl: '59 minuten geleden', en: '59 minutes ago' },
  { age: '1 h', ageMs: H, nl: '1 uur geleden', en: '1 hour ago' },
  { age: '2 h 30 min', ageMs: 2 * H + 30 * MIN, nl: '2 uur geleden', en: '2 hours ago' },
  { age: '11 h 59 min', ageMs: 11 * H + 59 * MIN, nl: '11 uur geleden', en: '11 hours ago' },
  { age: '12 h', ageMs: 12 * H, nl: null, en: null },
  { age: '3 days', ageMs: 72 * H, nl: null, en: null },
  { age: '1 s in the future', ageMs: -S, nl: null, en: null },
  { age: '1 h in the future', ageMs: -H, nl: null, en: null },
];

export function instantBefore(now: string, ageMs: number): string {
  return new Date(Date.parse(now) - ageMs).toISOString();
}

export const ISO_INSTANT_CASES: Array<[input: string, expected: string]> = [
  ['2022-05-03T12:38:00Z', '2022-05-03T12:38:00.000Z'],
  ['2022-05-03T12:38:00.000Z', '2022-05-03T12:38:00.000Z'],
  ['2022-05-03T12:38Z', '2022-05-03T12:38:00.000Z'],
  ['2022-05-03T12:38:00.5Z', '2022-05-03T12:38:00.500Z'],
  ['2022-05-03T14:38:00+02:00', '2022-05-03T12:38:00.000Z'],
  ['2022-05-03T14:38:00+0200', '2022-05-03T12:38:00.000Z'],
  ['2022-05-03T08:38:00-04:00', '2022-05-03T12:38:00.000Z'],
  ['2022-05-04T00:30:00+09:00', '2022-05-03T15:30:00.000Z'],
  ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
];

export const INVALID_INSTANTS: string[] = [
  '2022-05-03T14:38:00', // no zone: would be read in the process zone
  '2022-05-03T14:38',
  '2022-05-03', // a date is not an instant
  '2022-02-30T10:00:00Z', // Date.parse would roll over into March
  '2023-02-29T10:00:00Z',
  '2022-05-03T24:00:00Z',
  '2022-05-03T12:60:00Z',
  '2022-05-03T12:38:00+25:00',
  '3 mei 2022',
  'yesterday',
  '',
];

export const DURATION_CASES: Array<[seconds: number, clock: string, iso: string]> = [
  [0, '0:00', 'PT0S'],
  [7, '0:07', 'PT7S'],
  [60, '1:00', 'PT1M'],
  [205, '3:25', 'PT3M25S'],
  [3599, '59:59', 'PT59M59S'],
  [3600, '1:00:00', 'PT1H'],
  [3723, '1:02:03', 'PT1H2M3S'],
  [36005, '10:00:05', 'PT10H5S'],
];

/** Every table's actual output, in order, for comparing runs across process time zones. */
export function runAllCases(): unknown {
  return {
    byline: BYLINE_CASES.map((c) => bylineTimes(c.publishedAt, c.updatedAt, c.locale, c.timeZone)),
    card: CARD_CASES.map((c) => cardTime(c.value, c.now, c.locale, c.timeZone)),
    dateOnly: DATE_ONLY_CASES.map((c) => dateOnly(c.value, c.locale, c.timeZone)),
    relative: RELATIVE_CASES.map((c) =>
      (['nl', 'en'] as const).map((locale) =>
        relativeTimeLabel(instantBefore(RELATIVE_NOW, c.ageMs), RELATIVE_NOW, locale),
      ),
    ),
    iso: ISO_INSTANT_CASES.map(([input]) => isoInstant(input)),
    duration: DURATION_CASES.map(([seconds]) => [formatDuration(seconds), isoDuration(seconds)]),
  };
}
