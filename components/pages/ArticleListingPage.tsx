import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ArticleList } from '@/components/listing/ArticleList';
import { loadMoreLabels } from '@/components/listing/loadMoreLabels';
import { LoadMore } from '@/components/listing/LoadMore.client';
import { Pagination } from '@/components/listing/Pagination';
import { QueryProvider } from '@/components/providers/QueryProvider.client';
import type { Locale } from '@/lib/i18n/locales';
import { siteConfig } from '@/lib/site/config';
import { getListingPage, type ListingFilter } from '@/lib/site/content';
import { LISTING_PAGE_SIZE, listingPageHref } from '@/lib/site/pagination';
import styles from '@/components/listing/listing.module.css';

interface ArticleListingPageProps {
  locale: Locale;
  filter: ListingFilter;
  page: number;
  /** The listing's page-1 URL path, for the pagination links. */
  basePath: string;
  /** The listing's header: kicker, <h1> and description. */
  header: ReactNode;
}

/** A section, tag, author or video listing: its header, one page of cards and plain page links. */
export async function ArticleListingPage({ locale, filter, page, basePath, header }: ArticleListingPageProps) {
  const listing = await getListingPage(filter, page, LISTING_PAGE_SIZE);
  // Page 2+ that does not exist is a 404, never an empty page that crawlers would index.
  if (!listing || (page > 1 && listing.items.length === 0)) notFound();
  const [t, tMore, tTime] = await Promise.all([
    getTranslations({ locale, namespace: 'ArticleListingPage' }),
    getTranslations({ locale, namespace: 'LoadMore' }),
    getTranslations({ locale, namespace: 'RelativeTime' }),
  ]);
  return (
    <>
      {header}
      {listing.items.length === 0 ? (
        <p className={styles.empty}>{t('empty')}</p>
      ) : (
        <ArticleList
          articles={listing.items}
          locale={locale}
          timeZone={siteConfig.timeZone}
          now={new Date()}
          prioritizeFirst={page === 1}
        />
      )}
      {/* With JavaScript, further pages append here; the plain page links stay for everyone else. */}
      {listing.nextCursor ? (
        <QueryProvider>
          <LoadMore
            filter={filter}
            initialCursor={listing.nextCursor}
            timeZone={siteConfig.timeZone}
            labels={loadMoreLabels(locale, tMore, tTime)}
          />
        </QueryProvider>
      ) : null}
      <Pagination page={page} pageCount={listing.pageCount} hrefFor={(n) => listingPageHref(basePath, locale, n)} />
    </>
  );
}

interface ListingHeaderProps {
  kicker: string;
  title: string;
  description?: string;
  page: number;
  children?: ReactNode;
}

/** The header of a listing; page 2 and later say so in the heading. */
export async function ListingHeader({ kicker, title, description, page, children }: ListingHeaderProps) {
  const t = await getTranslations('ArticleListingPage');
  return (
    <header className={styles.listingHeader}>
      {children}
      <div>
        <p className={styles.listingKicker}>{kicker}</p>
        <h1>{page > 1 ? t('titleWithPage', { title, page }) : title}</h1>
        {description ? <p className={styles.listingDescription}>{description}</p> : null}
      </div>
    </header>
  );
}
