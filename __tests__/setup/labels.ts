/**
 * The labels the server parents pass to the client leaves, built here the same way (the same
 * builders, the real messages), with next-intl's translator in place of getTranslations.
 */
import { createTranslator } from 'next-intl';
import { updateNoticeLabels, type UpdateNoticeLabels } from '@/components/article/updateNoticeLabels';
import { loadMoreLabels, type LoadMoreLabels } from '@/components/listing/loadMoreLabels';
import { relativeTimeLabels, type RelativeTimeLabels } from '@/components/time/relativeTimeLabels';
import type { Locale } from '@/lib/i18n/locales';
import en from '@/messages/en.json';
import nl from '@/messages/nl.json';

const MESSAGES = { nl, en } as const;

const translator = <N extends 'RelativeTime' | 'UpdateNotice' | 'LoadMore'>(locale: Locale, namespace: N) =>
  createTranslator({ locale, messages: MESSAGES[locale], namespace });

export const testRelativeTimeLabels = (locale: Locale): RelativeTimeLabels => relativeTimeLabels(translator(locale, 'RelativeTime'));

export const testUpdateNoticeLabels = (locale: Locale): UpdateNoticeLabels => updateNoticeLabels(translator(locale, 'UpdateNotice'));

export const testLoadMoreLabels = (locale: Locale): LoadMoreLabels =>
  loadMoreLabels(locale, translator(locale, 'LoadMore'), translator(locale, 'RelativeTime'));
