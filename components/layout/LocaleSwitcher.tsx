import { useTranslations } from 'next-intl';
import { locales, type Locale } from '@/lib/i18n/locales';
import styles from './layout.module.css';

/** Home page of each edition; a page that exists in both languages can pass its own hrefs. */
const editionHome: Record<Locale, string> = { nl: '/', en: '/en' };

export function LocaleSwitcher({ current, hrefs = editionHome }: { current: Locale; hrefs?: Partial<Record<Locale, string>> }) {
  const t = useTranslations('LocaleSwitcher');
  return (
    <nav aria-label={t('label')} className={styles.localeSwitcher}>
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={locale}>
                {locale.toUpperCase()}
                <span className={styles.visuallyHidden}> ({t(locale)})</span>
              </span>
            ) : (
              <a href={hrefs[locale] ?? editionHome[locale]} hrefLang={locale} lang={locale}>
                {locale.toUpperCase()}
                <span className={styles.visuallyHidden}> ({t(locale)})</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
