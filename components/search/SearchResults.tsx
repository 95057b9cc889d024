import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/listing/Pagination';
import type { SearchResult } from '@/lib/data/articles';
import { cardTime } from '@/lib/dates/format';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { siteConfig } from '@/lib/site/config';
import { SEARCH_MAX_LENGTH, searchHref, searchPageCount, type SearchQuery } from '@/lib/site/search-params';
import layoutStyles from '@/components/layout/layout.module.css';
import { HighlightedText } from './HighlightedText';
import styles from './search.module.css';

interface SearchResultsProps {
  locale: Locale;
  query: SearchQuery;
  /** The search page's own path, for the form and the page links. */
  path: string;
  /** The matches of this page, as the route read them; null when there is no query to run. */
  results: SearchResult | null;
}

/** The search form, its messages and one page of ranked results with the matched words highlighted. */
export async function SearchResults({ locale, query, path, results }: SearchResultsProps) {
  const t = await getTranslations({ locale, namespace: 'SearchPage' });
  const value = query.kind === 'query' ? query.text : '';
  const now = new Date();
  const pageCount = results ? searchPageCount(results.total) : 0;

  return (
    <>
      <h1>{t('title')}</h1>
      <form role="search" action={path} method="get" className={styles.searchForm}>
        <label htmlFor="search-q" className={layoutStyles.visuallyHidden}>
          {t('label')}
        </label>
        <input id="search-q" type="search" name="q" defaultValue={value} maxLength={SEARCH_MAX_LENGTH} placeholder={t('placeholder')} />
        <button type="submit">{t('submit')}</button>
      </form>

      {query.kind === 'empty' ? <p className={styles.message}>{t('empty')}</p> : null}
      {query.kind === 'too-long' ? (
        <p className={styles.message} role="alert">
          {t('tooLong', { max: SEARCH_MAX_LENGTH, length: query.length })}
        </p>
      ) : null}

      {results ? (
        <>
          <p role="status">{t(results.totalCapped ? 'resultCountCapped' : 'resultCount', { count: results.total, query: value })}</p>
          <ol className={styles.searchResults}>
            {results.items.map((item) => (
              <li key={item.id}>
                <h2>
                  <Link href={{ pathname: '/news/[slug]', params: { slug: item.slug } }}>
                    <HighlightedText text={item.highlight.title} />
                  </Link>
                </h2>
                <p>
                  <HighlightedText text={item.highlight.snippet} />
                </p>
                <p>
                  <small>
                    {item.section.name} · <time dateTime={item.publishedAt}>{cardTime(item.publishedAt, now, locale, siteConfig.timeZone)}</time>
                  </small>
                </p>
              </li>
            ))}
          </ol>
          {query.kind === 'query' ? (
            <Pagination page={query.page} pageCount={pageCount} hrefFor={(n) => searchHref(path, locale, value, n)} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
