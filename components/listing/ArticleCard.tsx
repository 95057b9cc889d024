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

/** How wide each variant's image is drawn, for the browser to pick a file from the srcset. */
const imageSizes: Record<Exclude<ArticleCardVariant, 'compact'>, string> = {
  lead: '(min-width: 72rem) 44rem, (min-width: 48rem) 60vw, 100vw',
  standard: '(min-width: 72rem) 22rem, (min-width: 48rem) 30vw, 100vw',
};

/**
 * The compact card's thumbnail has one size on every screen (7rem, in listing.module.css), so it
 * gets a fixed width: its srcset is two files (1x, 2x) instead of every configured width, which
 * a `sizes` attribute would list. Six thumbnails that way save about 6 kB of HTML per page.
 */
const THUMBNAIL = { width: 112, height: 63 } as const;

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
            {...(variant === 'compact' ? THUMBNAIL : { fill: true, sizes: imageSizes[variant] })}
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
