import type { ReactNode } from 'react';
import layoutStyles from '@/components/layout/layout.module.css';
import styles from './DeskTable.module.css';

interface DeskTableProps {
  /** The column headings, in order. */
  columns: string[];
  /** Read by screen readers only; the page's heading already names the table for sighted readers. */
  caption?: string;
  /** The body rows. */
  children: ReactNode;
}

/**
 * The desk's tables (articles, revisions, users, sections, authors): column headings, an optional
 * caption, and a box that scrolls sideways on a phone instead of widening the page.
 */
export function DeskTable({ columns, caption, children }: DeskTableProps) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        {caption ? <caption className={layoutStyles.visuallyHidden}>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
