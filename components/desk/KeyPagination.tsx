import styles from './deskPages.module.css';

interface KeyPaginationProps {
  /** The navigation's accessible name. */
  label: string;
  /** The first page, when this page was reached by a cursor; null on the first page. */
  newestHref: string | null;
  newestText: string;
  /** The next page by cursor; null when there are no older entries. */
  olderHref: string | null;
  olderText: string;
}

/**
 * The links under a keyset-paginated desk list: back to the newest entries and on to older ones.
 * Plain links, so each page is a shareable URL that works without JavaScript. Nothing when
 * there is neither.
 */
export function KeyPagination({ label, newestHref, newestText, olderHref, olderText }: KeyPaginationProps) {
  if (newestHref === null && olderHref === null) return null;
  return (
    <nav aria-label={label} className={styles.pagination}>
      {newestHref !== null ? <a href={newestHref}>{newestText}</a> : null}
      {olderHref !== null ? (
        <a href={olderHref} rel="next">
          {olderText}
        </a>
      ) : null}
    </nav>
  );
}
