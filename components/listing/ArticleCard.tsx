import Image from 'next/image';
import NextLink from 'next/link';
import type { ArticleSummary } from '@/lib/content/model';
import { cardTime } from '@/lib/dates/format';
import type { Locale } from '@/lib/i18n/locales';
import { localizedPath } from '@/lib/i18n/paths';
import { RelativeTime } from '@/components/time/RelativeTime.client';
import type { RelativeTimeLabels } from '@/components/time/relativeTimeLabels';
import styles from './listing.module.css';

export type ArticleCardVariant = 'lead' | 'standard' | 'compact';

interface ArticleCardProps {
  article: ArticleSummary;
  locale: Locale;
  timeZone: string;
  /** The render time, so that the year is shown only for other years (passed in, never read here). */
  now: Date;
  /** The card's time labels, translated by the server (see relativeTimeLabels). */
  timeLabels: RelativeTimeLabels;
  variant?: ArticleCardVariant;
  headingLevel?: 2 | 3;
  /** Loads the image eagerly: for the first card above the fold, which is the page's LCP. */
  priority?: boolean;
}

const imageSizes: Record<ArticleCardVariant, string> = {
  lead: '(min-width: 72rem) 44rem, (min-width: 48rem) 60vw, 100vw',
  standard: '(min-width: 72rem) 22rem, (min-width: 48rem) 30vw, 100vw',
  compact: '8rem',
};

/**
 * One article in a listing: image, section, headline (the link), intro and time. It uses nothing
 * server-only, so the load-more island renders appended cards with this same component: its link
 * is a plain next/link to a path built without next-intl, and its strings come in as props.
 */
export function ArticleCard({ article, locale, timeZone, now, timeLabels, variant = 'standard', headingLevel = 2, priority = false }: ArticleCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const href = localizedPath(locale, '/news/[slug]', { slug: article.slug });
  return (
    // Only some variants have a class of their own (the standard card is the base style).
    <article className={[styles.card, styles[variant]].filter(Boolean).join(' ')}>
      {article.leadImage ? (
        <div className={styles.cardImage}>
          <Image
            src={article.leadImage.src}
            alt={article.leadImage.alt}
            fill
            sizes={imageSizes[variant]}
            priority={priority}
          />
        </div>
      ) : null}
      <div className={styles.cardText}>
        <p className={styles.cardSection}>{article.section.name}</p>
        <Heading className={styles.cardTitle}>
          <NextLink href={href} className={styles.cardLink}>
            {article.title}
          </NextLink>
        </Heading>
        {variant !== 'compact' && article.intro ? <p className={styles.cardIntro}>{article.intro}</p> : null}
        <p className={styles.cardMeta}>
          <RelativeTime dateTime={article.publishedAt} locale={locale} labels={timeLabels}>
            {cardTime(article.publishedAt, now, locale, timeZone)}
          </RelativeTime>
        </p>
      </div>
    </article>
  );
}
