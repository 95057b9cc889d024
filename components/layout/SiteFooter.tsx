import { useTranslations } from 'next-intl';
import type { Section } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import styles from './layout.module.css';

interface SiteFooterProps {
  locale: Locale;
  sections: Section[];
  /** The year to print in the copyright line, from the site's time zone (see the layout). */
  year: number;
}

export function SiteFooter({ locale, sections, year }: SiteFooterProps) {
  const t = useTranslations('SiteFooter');
  return (
    <footer className={styles.footer}>
      <div className={styles.footerColumns}>
        {/* Columns under headings, not landmarks: a region named "Rubrieken" here would share its
            name with the pages that are about sections (the desk's section screen). */}
        <div>
          <h2>{t('sectionsHeading')}</h2>
          <ul>
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={{ pathname: '/section/[slug]', params: { slug: section.slug } }}>{section.name}</Link>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2>{t('aboutHeading')}</h2>
          <p>{t('about')}</p>
          <p>
            <a href={locale === 'nl' ? '/feed.xml' : '/en/feed.xml'} type="application/rss+xml">
              {t('rss')}
            </a>
          </p>
        </div>
      </div>
      <p className={styles.copyright}>{t('copyright', { year })}</p>
    </footer>
  );
}
