import { useTranslations } from 'next-intl';
import type { Section } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { LocaleSwitcher } from './LocaleSwitcher';
import styles from './layout.module.css';

interface SiteHeaderProps {
  locale: Locale;
  sections: Section[];
}

export function SiteHeader({ locale, sections }: SiteHeaderProps) {
  const t = useTranslations('SiteHeader');
  const site = useTranslations('Site');
  return (
    <header className={styles.header}>
      <div className={styles.headerBar}>
        <Link href="/" className={styles.wordmark} aria-label={t('homeLabel')}>
          <span aria-hidden="true">{site('name')}</span>
        </Link>
        <div className={styles.headerTools}>
          <Link href="/search" className={styles.searchLink}>
            {t('search')}
          </Link>
          <LocaleSwitcher current={locale} />
        </div>
      </div>
      <nav aria-label={t('navLabel')} className={styles.sectionNav}>
        <ul>
          <li>
            <Link href="/">{t('home')}</Link>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <Link href={{ pathname: '/section/[slug]', params: { slug: section.slug } }}>{section.name}</Link>
            </li>
          ))}
          <li>
            <Link href="/video">{t('video')}</Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
