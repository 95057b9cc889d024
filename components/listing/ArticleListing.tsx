import type { ReactNode } from 'react';
import Image from 'next/image';
import { getTranslations } from 'next-intl/server';
import { AuthorStructuredData } from '@/components/seo/AuthorStructuredData';
import type { Author } from '@/lib/content/model';
import { QueryProvider } from '@/components/providers/QueryProvider.client';
import type { Locale } from '@/lib/i18n/locales';
import { siteConfig } from '@/lib/site/config';
import type { ListingFilter, ListingPageData } from '@/lib/site/content';
import { listingPageHref } from '@/lib/site/pagination';
import { ArticleList } from './ArticleList';
import { loadMoreLabels } from './loadMoreLabels';
import { LoadMore } from './LoadMore.client';
import { Pagination } from './Pagination';
import styles from './listing.module.css';

interface ArticleListingProps {
  locale: Locale;
  filter: ListingFilter;
  page: number;
  /** The page of cards, as the route read it (a page past the end is the route's 404). */
  listing: ListingPageData;
  /** The listing's page-1 URL path, for the pagination links. */
  basePath: string;
  /** The listing's header: kicker, <h1> and description. */
  header: ReactNode;
}

/** A section, tag, author or video listing: its header, one page of cards and plain page links. */
export async function ArticleListing({ locale, filter, page, listing, basePath, header }: ArticleListingProps) {
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

/** An author's listing header: portrait, name and bio, and on page 1 the author's structured data. */
export async function AuthorListingHeader({ author, locale, page }: { author: Author; locale: Locale; page: number }) {
  const t = await getTranslations({ locale, namespace: 'ArticleListingPage' });
  return (
    <div className={styles.authorHeader}>
      {page === 1 ? <AuthorStructuredData author={author} locale={locale} /> : null}
      {author.image ? <Image className={styles.authorPortrait} src={author.image} alt="" width={96} height={96} /> : null}
      <ListingHeader kicker={t('authorKicker')} title={author.name} description={author.bio ?? undefined} page={page} />
    </div>
  );
}
