import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { bylineTimes } from '@/lib/dates/format';
import { siteConfig } from '@/lib/site/config';
import styles from './preview.module.css';

/** How an article page is being previewed. */
export type ArticlePreview =
  /** An editor in Draft Mode; the banner's exit button ends Draft Mode. */
  | { kind: 'draft'; articleId: string; status: 'draft' | 'scheduled' | 'published' }
  /** Someone holding a shared link, until `expiresAt` (ISO 8601). */
  | { kind: 'shared'; expiresAt: string };

/**
 * The banner above a previewed article. Exiting Draft Mode is a POST form, never a link: a
 * prefetch or a crawler following a link must not change anyone's state.
 */
export async function PreviewBanner({ locale, preview }: { locale: Locale; preview: ArticlePreview }) {
  const t = await getTranslations({ locale, namespace: 'PreviewBanner' });
  if (preview.kind === 'shared') {
    const expires = bylineTimes(preview.expiresAt, preview.expiresAt, locale, siteConfig.timeZone).published;
    return (
      <aside className={styles.banner} aria-labelledby="preview-banner-title">
        <p>
          <strong id="preview-banner-title" className={styles.title}>
            {t('sharedTitle')}
          </strong>{' '}
          {t.rich('sharedText', { time: () => <time dateTime={expires.iso}>{expires.text}</time> })}
        </p>
      </aside>
    );
  }
  return (
    <aside className={styles.banner} aria-labelledby="preview-banner-title">
      <p>
        <strong id="preview-banner-title" className={styles.title}>
          {t('draftTitle')}
        </strong>{' '}
        {t('draftText', { status: preview.status })}
      </p>
      <form action="/api/preview/exit" method="post" className={styles.exit}>
        <input type="hidden" name="id" value={preview.articleId} />
        <button type="submit">{t('exit')}</button>
      </form>
    </aside>
  );
}
