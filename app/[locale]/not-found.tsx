import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import styles from '@/components/layout/layout.module.css';

// Rendered inside the locale layout, so it speaks the visitor's language and keeps the navigation.
export default function LocaleNotFound() {
  const t = useTranslations('NotFound');
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
