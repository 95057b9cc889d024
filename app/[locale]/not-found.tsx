import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import styles from '@/components/layout/layout.module.css';

/**
 * Rendered inside the locale layout, so it speaks the visitor's language and keeps the navigation.
 *
 * `params` is only passed when the server renders this boundary as the body of a 404 response
 * (patches/next+16.4.6.patch, vercel/next.js#62228): that render runs beside the locale layout
 * rather than after it, so the layout's setRequestLocale may not have happened yet, and next-intl
 * would fall back to the request headers (making ISR pages dynamic, and defaulting to Dutch).
 * Where Next passes no props, the page that called notFound() has already set the locale.
 */
export default async function LocaleNotFound({ params }: { params?: Promise<{ locale?: string }> }) {
  if (params) {
    // As in the locale layout, a segment that is no locale is a Dutch address that does not exist.
    const { locale } = await params;
    setRequestLocale(isLocale(locale) ? locale : defaultLocale);
  }
  const t = await getTranslations('NotFound');
  return (
    <div className={styles.errorPage}>
      <h1>{t('title')}</h1>
      <p>{t('description')}</p>
      <ul>
        <li>
          <Link href="/">{t('home')}</Link>
        </li>
        <li>
          <Link href="/search">{t('search')}</Link>
        </li>
      </ul>
    </div>
  );
}
