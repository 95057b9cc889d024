import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { HighlightedText } from '@/components/search/HighlightedText';
import { cardTime } from '@/lib/dates/format';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteConfig } from '@/lib/site/config';
import { searchArticles } from '@/lib/site/content';
import { SEARCH_MAX_LENGTH, SEARCH_PAGE_SIZE, searchHref, searchPageCount, searchPageExists, type SearchQuery } from '@/lib/site/search-params';
import { Pagination } from '@/components/listing/Pagination';
import layoutStyles from '@/components/layout/layout.module.css';
import styles from './pages.module.css';

export const searchPath = (locale: Locale) => getPathname({ locale, href: '/search' });

export async function searchMetadata(locale: Locale, query: SearchQuery): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'SearchPage' });
  return pageMetadata({
    locale,
    title: query.kind === 'query' ? t('titleWithQuery', { query: query.text }) : t('title'),
    path: searchPath(locale),
    languages: { nl: searchPath('nl'), en: searchPath('en') },
    noindex: true,
  });
}

/** Full-text search over title, intro and body, ranked, with the matched words highlighted. */
export async function SearchPage({ locale, query }: { locale: Locale; query: SearchQuery }) {
  const t = await getTranslations({ locale, namespace: 'SearchPage' });
  const value = query.kind === 'query' ? query.text : '';
  const results = query.kind === 'query' ? await searchArticles(locale, query.text, query.page, SEARCH_PAGE_SIZE) : null;
  // A page past the last is a 404, as on listings: never "15 results" above an empty list.
  if (query.kind === 'query' && results !== null && !searchPageExists(query.page, results.total)) notFound();
  const now = new Date();
  const pageCount = results ? searchPageCount(results.total) : 0;

  return (
    <>
      <h1>{t('title')}</h1>
      <form role="search" action={searchPath(locale)} method="get" className={styles.searchForm}>
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
            <Pagination page={query.page} pageCount={pageCount} hrefFor={(n) => searchHref(searchPath(locale), locale, value, n)} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
