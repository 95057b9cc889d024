/** The strings UpdateNotice shows, translated on the server and passed to it as props. */

export interface UpdateNoticeLabels {
  message: string;
  show: string;
  loading: string;
  dismiss: string;
}

/** Builds the labels with the `UpdateNotice` translator (getTranslations, or useTranslations in tests). */
export function updateNoticeLabels(t: (key: keyof UpdateNoticeLabels) => string): UpdateNoticeLabels {
  return { message: t('message'), show: t('show'), loading: t('loading'), dismiss: t('dismiss') };
}
