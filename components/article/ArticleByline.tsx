import { Fragment, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { AuthorRef } from '@/lib/content/model';
import { bylineTimes, intlLocale } from '@/lib/dates/format';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { RelativeTime } from '@/components/time/RelativeTime.client';
import { relativeTimeLabels } from '@/components/time/relativeTimeLabels';
import styles from './article.module.css';

interface ArticleBylineProps {
  /** ISO 8601 instant. */
  publishedAt: string;
  /** ISO 8601 instant; the last editorial update. Equal to publishedAt when there was none. */
  updatedAt: string;
  authors: AuthorRef[];
  locale: Locale;
  /** The site's IANA time zone (siteConfig.timeZone). */
  timeZone: string;
}

/**
 * The line under an article's headline:
 * `Dinsdag, 3 mei 2022 om 14:38 • Rian Rosendaal • Laatste update: 14:38`.
 * When to show the update, and how, is decided by `bylineTimes` in lib/dates. The `<time dateTime>`
 * values are the instants structured data uses, so the visible update matches `dateModified`.
 */
export function ArticleByline({ publishedAt, updatedAt, authors, locale, timeZone }: ArticleBylineProps) {
  const t = useTranslations('ArticleByline');
  const timeLabels = relativeTimeLabels(useTranslations('RelativeTime'));
  const times = bylineTimes(publishedAt, updatedAt, locale, timeZone);

  const parts: ReactNode[] = [
    <time key="published" dateTime={times.published.iso}>
      {times.published.text}
    </time>,
  ];
  if (authors.length > 0) {
    parts.push(
      <span key="authors" className={styles.bylineAuthors}>
        <AuthorList authors={authors} locale={locale} />
      </span>,
    );
  }
  if (times.updated) {
    const { iso, text } = times.updated;
    parts.push(
      <span key="updated" className={styles.bylineUpdated}>
        {t.rich('updated', {
          when: text,
          // After hydration, a recent update also reads "(5 minuten geleden)" after the time.
          time: (chunks) => (
            <RelativeTime dateTime={iso} locale={locale} labels={timeLabels}>
              {chunks}
            </RelativeTime>
          ),
        })}
      </span>,
    );
  }

  return (
    <p className={styles.byline}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && (
            <>
              {' '}
              {/* Decorative: assistive technology hears the parts separated by the spaces. */}
              <span aria-hidden="true" className={styles.bylineSeparator}>
                •
              </span>{' '}
            </>
          )}
          {part}
        </Fragment>
      ))}
    </p>
  );
}

/**
 * Author names joined the way the language joins a list ("A en B", "A, B en C"; "A, B and C" in
 * British English), each linked to the author's page. Intl.ListFormat supplies the words between
 * the names, so no conjunction is hard-coded.
 */
function AuthorList({ authors, locale }: { authors: AuthorRef[]; locale: Locale }) {
  const list = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction', style: 'long' });
  let next = 0;
  return (
    <>
      {list.formatToParts(authors.map((author) => author.name)).map((part, index) => {
        if (part.type === 'literal') return part.value;
        const author = authors[next++];
        if (!author) return part.value;
        return (
          <Link key={`${author.slug}-${index}`} href={{ pathname: '/author/[slug]', params: { slug: author.slug } }}>
            {author.name}
          </Link>
        );
      })}
    </>
  );
}
