import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Section } from '@/lib/content/model';
import type { DeskListPage } from '@/lib/desk/articles/list';
import { cardTime, isoInstant } from '@/lib/dates/format';
import { articleEditPath, deskPath } from '@/lib/auth/desk-paths';
import { DESK_STATUSES, deskListHref, hasFilters, type DeskListFilters } from '@/lib/desk/list-params';
import { locales, type Locale } from '@/lib/i18n/locales';
import { siteConfig } from '@/lib/site/config';
import { DeskTable } from './DeskTable';
import { KeyPagination } from './KeyPagination';
import styles from './deskPages.module.css';

interface DeskArticleListProps {
  locale: Locale;
  page: DeskListPage;
  filters: DeskListFilters;
  /** Whether this page was reached through a cursor (there is a newer page). */
  paged: boolean;
  /** A cursor in the URL was not valid; the first page is shown instead. */
  badCursor: boolean;
  sections: Section[];
  now: Date;
}

/**
 * The desk's article list: a GET filter form (so filters are shareable URLs and work without
 * JavaScript), the table, and keyset pagination links ("older" by cursor, and back to the newest).
 */
export async function DeskArticleList({ locale, page, filters, paged, badCursor, sections, now }: DeskArticleListProps) {
  const t = await getTranslations({ locale, namespace: 'DeskArticleList' });
  const status = await getTranslations({ locale, namespace: 'DeskStatus' });
  const base = deskPath(locale);
  const time = (iso: string) => (
    <time dateTime={isoInstant(iso)}>{cardTime(iso, now, locale, siteConfig.timeZone)}</time>
  );

  return (
    <section aria-labelledby="desk-list-title">
      <h1 id="desk-list-title">{t('title')}</h1>
      {badCursor ? (
        <p role="status" className={styles.notice}>
          {t('badCursor')}
        </p>
      ) : null}
      <form method="get" action={base} className={styles.filters} role="search" aria-label={t('filters')}>
        <div className={styles.filterField}>
          <label htmlFor="desk-filter-q">{t('query')}</label>
          <input id="desk-filter-q" name="q" type="search" defaultValue={filters.query ?? ''} maxLength={200} aria-describedby="desk-filter-q-hint" />
          <span id="desk-filter-q-hint" className={styles.hint}>
            {t('queryHint')}
          </span>
        </div>
        <div className={styles.filterField}>
          <label htmlFor="desk-filter-status">{t('status')}</label>
          <select id="desk-filter-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('any')}</option>
            {DESK_STATUSES.map((value) => (
              <option key={value} value={value}>
                {status(value)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filterField}>
          <label htmlFor="desk-filter-locale">{t('locale')}</label>
          <select id="desk-filter-locale" name="locale" defaultValue={filters.locale ?? ''}>
            <option value="">{t('any')}</option>
            {locales.map((value) => (
              <option key={value} value={value}>
                {t('localeName', { locale: value })}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filterField}>
          <label htmlFor="desk-filter-section">{t('section')}</label>
          <select id="desk-filter-section" name="section" defaultValue={filters.section ?? ''}>
            <option value="">{t('any')}</option>
            {locales.map((sectionLocale) => (
              <optgroup key={sectionLocale} label={t('localeName', { locale: sectionLocale })}>
                {sections
                  .filter((section) => section.locale === sectionLocale)
                  .map((section) => (
                    <option key={`${section.locale}/${section.slug}`} value={section.slug}>
                      {section.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className={styles.filterActions}>
          <button type="submit">{t('apply')}</button>
          {hasFilters(filters) ? <a href={base}>{t('reset')}</a> : null}
        </div>
      </form>

      <p className={styles.total} role="status">
        {t('total', { count: page.total })}
      </p>

      {page.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <DeskTable caption={t('caption')} columns={[t('columns.title'), t('columns.status'), t('columns.locale'), t('columns.section'), t('columns.authors'), t('columns.edited')]}>
          {page.items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link href={articleEditPath(locale, item.id)} prefetch={false}>
                  {item.title}
                </Link>
                <span className={styles.slug}>{item.slug}</span>
              </th>
              <td>
                <span className={styles.status} data-status={item.status}>
                  {status(item.status)}
                </span>
                {item.status === 'scheduled' && item.publishedAt ? (
                  <time className={styles.subtle} dateTime={isoInstant(item.publishedAt)}>
                    {' '}
                    {t('publishesAt', { time: cardTime(item.publishedAt, now, locale, siteConfig.timeZone) })}
                  </time>
                ) : null}
              </td>
              <td lang={item.locale}>{item.locale.toUpperCase()}</td>
              <td>{item.section.name}</td>
              <td>{item.authors.map((author) => author.name).join(', ')}</td>
              <td>
                {time(item.editedAt)}
                {item.editedBy ? <span className={styles.subtle}> {t('editedBy', { name: item.editedBy })}</span> : null}
              </td>
            </tr>
          ))}
        </DeskTable>
      )}

      <KeyPagination
        label={t('pagination')}
        newestHref={paged ? deskListHref(base, filters) : null}
        newestText={t('newest')}
        olderHref={page.nextCursor ? deskListHref(base, filters, page.nextCursor) : null}
        olderText={t('older')}
      />
    </section>
  );
}
