import { useTranslations } from 'next-intl';
import type { ArticleSummary } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import { relativeTimeLabels } from '@/components/time/relativeTimeLabels';
import { ArticleCard, type ArticleCardVariant } from './ArticleCard';
import styles from './listing.module.css';

interface ArticleListProps {
  articles: ArticleSummary[];
  locale: Locale;
  timeZone: string;
  now: Date;
  variant?: ArticleCardVariant;
  headingLevel?: 2 | 3;
  layout?: 'grid' | 'stack';
  /** Marks the first card's image as the page's LCP candidate. */
  prioritizeFirst?: boolean;
}

export function ArticleList({
  articles,
  locale,
  timeZone,
  now,
  variant = 'standard',
  headingLevel = 2,
  layout = 'grid',
  prioritizeFirst = false,
}: ArticleListProps) {
  const timeLabels = relativeTimeLabels(useTranslations('RelativeTime'));
  return (
    <ul className={layout === 'grid' ? styles.grid : styles.stack}>
      {articles.map((article, index) => (
        <li key={article.id}>
          <ArticleCard
            article={article}
            locale={locale}
            timeZone={timeZone}
            now={now}
            timeLabels={timeLabels}
            variant={variant}
            headingLevel={headingLevel}
            priority={prioritizeFirst && index === 0}
          />
        </li>
      ))}
    </ul>
  );
}
