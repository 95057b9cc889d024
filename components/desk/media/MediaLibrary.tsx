import Image from 'next/image';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cardTime, intlLocale } from '@/lib/dates/format';
import type { Locale } from '@/lib/i18n/locales';
import type { MediaPage } from '@/lib/media/store';
import { CopyText } from './CopyText.client';
import { MediaLibraryUpload } from './MediaLibraryUpload.client';
import { getMediaUploadProps } from './media-labels';
import styles from './media.module.css';

/**
 * The media library: the upload control, then the stored images newest first, each with its
 * dimensions, type, size, uploader and a copyable `src` for the article form or the body text.
 */
export async function MediaLibrary({
  locale,
  page,
  timeZone,
  now,
  olderHref,
  newestHref,
}: {
  locale: Locale;
  page: MediaPage;
  timeZone: string;
  now: Date;
  olderHref: string | null;
  /** Set on every page but the first. */
  newestHref: string | null;
}) {
  const t = await getTranslations({ locale, namespace: 'DeskMedia' });
  const upload = await getMediaUploadProps(locale);
  const kilobytes = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="desk-media-title">
      <h1 id="desk-media-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <MediaLibraryUpload labels={upload.labels} maxBytes={upload.maxBytes} />
      <h2>{t('libraryHeading')}</h2>
      {page.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className={styles.grid}>
          {page.items.map((item) => (
            <li key={item.fileName} className={styles.card}>
              <figure>
                <div className={styles.thumb}>
                  <Image src={item.src} alt="" width={item.width} height={item.height} sizes="(min-width: 48rem) 16rem, 50vw" />
                </div>
                <figcaption>
                  <span>{t('dimensions', { width: item.width, height: item.height })}</span>
                  <span>
                    {t('typeAndSize', { type: item.contentType.replace('image/', '').toUpperCase(), size: kilobytes.format(Math.max(1, Math.round(item.bytes / 1024))) })}
                  </span>
                  <span>
                    <time dateTime={item.createdAt}>{cardTime(item.createdAt, now, locale, timeZone)}</time>
                    {item.uploadedBy === null ? null : ` · ${t('uploadedBy', { name: item.uploadedBy })}`}
                  </span>
                </figcaption>
              </figure>
              <CopyText value={item.src} label={t('srcLabel', { name: item.fileName })} copyLabel={t('copy')} copiedLabel={t('copied')} />
            </li>
          ))}
        </ul>
      )}
      {olderHref !== null || newestHref !== null ? (
        <nav aria-label={t('pagination')} className={styles.pagination}>
          {newestHref === null ? null : (
            <Link href={newestHref} prefetch={false}>
              {t('newest')}
            </Link>
          )}
          {olderHref === null ? null : (
            <Link href={olderHref} prefetch={false} rel="next">
              {t('older')}
            </Link>
          )}
        </nav>
      ) : null}
    </section>
  );
}
