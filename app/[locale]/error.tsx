'use client';
// Error boundaries must be client components: Next renders them when a server render fails.
import { useTranslations } from 'next-intl';
import styles from '@/components/layout/layout.module.css';

export default function LocaleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('ErrorPage');
  return (
    <div className={styles.errorPage} role="alert">
      <h1>{t('title')}</h1>
      <p>{t('description')}</p>
      <ul>
        <li>
          <button type="button" onClick={reset}>
            {t('retry')}
          </button>
        </li>
        <li>
          <a href="/">{t('home')}</a>
        </li>
      </ul>
    </div>
  );
}
