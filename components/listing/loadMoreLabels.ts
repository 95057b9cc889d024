/** The strings LoadMore and its cards show, translated on the server and passed to it as props. */
import type { Locale } from '@/lib/i18n/locales';
import { pluralTemplates, type PluralTemplates } from '@/lib/i18n/template';
import { relativeTimeLabels, type RelativeTimeLabels } from '@/components/time/relativeTimeLabels';

export interface LoadMoreLabels {
  button: string;
  loading: string;
  /** "{count} artikelen geladen", one template per plural category (see pluralTemplates). */
  loaded: PluralTemplates;
  error: string;
  retry: string;
  /** The appended cards' time labels. */
  time: RelativeTimeLabels;
}

type LoadMoreTranslator = (key: 'button' | 'loading' | 'error' | 'retry' | 'loaded', values?: { count: number }) => string;

/** Builds the labels with the `LoadMore` and `RelativeTime` translators of the listing's locale. */
export function loadMoreLabels(locale: Locale, t: LoadMoreTranslator, tTime: Parameters<typeof relativeTimeLabels>[0]): LoadMoreLabels {
  return {
    button: t('button'),
    loading: t('loading'),
    loaded: pluralTemplates(locale, (count) => t('loaded', { count })),
    error: t('error'),
    retry: t('retry'),
    time: relativeTimeLabels(tTime),
  };
}
