/**
 * The upload control's strings, for the server component that renders it (the media library, the
 * article form's lead image): translated here so the browser gets only these, not the catalogue.
 */
import { getTranslations } from 'next-intl/server';
import { intlLocale } from '@/lib/dates/format';
import type { Locale } from '@/lib/i18n/locales';
import { mediaMaxBytes } from '@/lib/media/limits';
import type { MediaUploadLabels } from './MediaUpload.client';

/** `5 MB`, `1,5 MB` in the locale's number format (binary megabytes, as the limit is set). */
export function formatMegabytes(bytes: number, locale: Locale): string {
  const megabytes = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(megabytes)} MB`;
}

/** The labels and the size limit `MediaUpload` needs: `<MediaUpload {...await getMediaUploadProps(locale)} />`. */
export async function getMediaUploadProps(locale: Locale): Promise<{ labels: MediaUploadLabels; maxBytes: number }> {
  const t = await getTranslations({ locale, namespace: 'DeskMediaUpload' });
  const maxBytes = mediaMaxBytes();
  return {
    maxBytes,
    labels: {
      label: t('label'),
      hint: t('hint', { size: formatMegabytes(maxBytes, locale) }),
      upload: t('upload'),
      uploading: t('uploading'),
      uploaded: t('uploaded', { src: '{src}' }),
      chooseFirst: t('chooseFirst'),
      errors: {
        'too-large': t('errors.tooLarge', { size: formatMegabytes(maxBytes, locale) }),
        'unsupported-type': t('errors.unsupportedType'),
        undecodable: t('errors.undecodable'),
        'too-many-pixels': t('errors.tooManyPixels'),
        'no-file': t('errors.noFile'),
        'signed-out': t('errors.signedOut'),
        failed: t('errors.failed'),
      },
    },
  };
}
