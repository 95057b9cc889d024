'use client';
// Client: the cards "load more" appends, rendered in the browser from the listing endpoint's JSON.

import { useEffect, useRef } from 'react';
import type { ArticleSummary } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import type { RelativeTimeLabels } from '@/components/time/relativeTimeLabels';
import { ArticleCard } from './ArticleCard';
import listStyles from './listing.module.css';
import styles from './LoadMore.module.css';

interface LoadMoreCardsProps {
  items: ArticleSummary[];
  locale: Locale;
  timeZone: string;
  timeLabels: RelativeTimeLabels;
  /** When the items arrived, for the cards' "is it this year?" rule. */
  now: Date;
  /** Index of the first card of the page just loaded, to focus; null when focus stays where it is. */
  focusFrom: number | null;
  onFocused: () => void;
}

/**
 * The appended cards, with the server's own ArticleCard. A module of its own so that the card and
 * its date formatting (date-fns and its locales) load with the first press of the button, not with
 * every listing page. Moves focus to the first new card's link once it is on screen.
 */
export function LoadMoreCards({ items, locale, timeZone, timeLabels, now, focusFrom, onFocused }: LoadMoreCardsProps) {
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (focusFrom === null || items.length <= focusFrom) return;
    listRef.current?.children[focusFrom]?.querySelector<HTMLElement>('a[href]')?.focus();
    onFocused();
  }, [items.length, focusFrom, onFocused]);

  return (
    <ul ref={listRef} className={`${listStyles.grid} ${styles.more}`}>
      {items.map((article) => (
        <li key={article.id}>
          <ArticleCard article={article} locale={locale} timeZone={timeZone} now={now} timeLabels={timeLabels} />
        </li>
      ))}
    </ul>
  );
}
