import { useTranslations } from 'next-intl';
import styles from './listing.module.css';

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The URL of page N; page 1 is the listing's own URL without a page parameter. */
  hrefFor: (page: number) => string;
}

/** Plain links to the previous and next page, so crawlers and readers without JavaScript can walk the archive. */
export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  const t = useTranslations('Pagination');
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t('label')} className={styles.pagination}>
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev">
          {t('previous')}
        </a>
      ) : null}
      <span aria-current="page">{t('pageOf', { page, pageCount })}</span>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} rel="next">
          {t('next')}
        </a>
      ) : null}
    </nav>
  );
}
