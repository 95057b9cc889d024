/**
 * The strings RelativeTime shows, translated on the server and passed to it as props, so that the
 * browser needs neither the messages nor next-intl's formatter for them.
 */
import { slot } from '@/lib/i18n/template';

export interface RelativeTimeLabels {
  /** What follows the time once the age is known, with a `{relative}` slot: `({relative})`. */
  ago: string;
}

/** Builds the labels with the `RelativeTime` translator of either side (useTranslations or getTranslations). */
export function relativeTimeLabels(t: (key: 'ago', values: { relative: string }) => string): RelativeTimeLabels {
  return { ago: t('ago', { relative: slot('relative') }) };
}
