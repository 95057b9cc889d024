import { useTranslations } from 'next-intl';
import styles from './layout.module.css';

/** The first focusable element on every page: jumps past the header to the main content. */
export function SkipLink() {
  const t = useTranslations('SkipLink');
  return (
    <a className={styles.skipLink} href="#main">
      {t('label')}
    </a>
  );
}
