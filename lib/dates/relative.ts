/**
 * The relative age a client island shows after hydration ("5 minuten geleden"), on
 * `Intl.RelativeTimeFormat` alone: the one date rule the browser needs, kept apart from
 * ./format.ts so that loading it does not load date-fns and its locales.
 */
import type { Locale } from '@/lib/i18n/locales';
import { INTL_LOCALES, toDate, type Instant } from './instant';

/** Relative labels are shown only for instants younger than this; older ones keep the absolute time. */
export const RELATIVE_TIME_LIMIT_MS = 12 * 60 * 60 * 1000;

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * "Just now" for the relative label. These two words are locale data of the same kind as Intl's
 * unit names, not page copy: the module stays free of next-intl so client islands can use it.
 */
const JUST_NOW: Record<Locale, string> = { nl: 'zojuist', en: 'just now' };

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
