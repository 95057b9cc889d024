import type { Metadata } from 'next';
import Image from 'next/image';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthorStructuredData } from '@/components/seo/AuthorStructuredData';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/seo/metadata';
import { getAuthorBySlug } from '@/lib/site/content';
import { listingPageHref } from '@/lib/site/pagination';
import { ArticleListingPage, ListingHeader } from './ArticleListingPage';
import styles from '@/components/listing/listing.module.css';

const authorPath = (locale: Locale, slug: string) =>
  getPathname({ locale, href: { pathname: '/author/[slug]', params: { slug } } });

export async function authorListingMetadata(locale: Locale, slug: string, page: number): Promise<Metadata> {
  const author = await getAuthorBySlug(slug);
  if (!author) return {};
  const t = await getTranslations({ locale, namespace: 'ArticleListingPage' });
  return pageMetadata({
    locale,
    title: page > 1 ? t('titleWithPage', { title: author.name, page }) : author.name,
    description: author.bio ?? t('authorDescription', { name: author.name }),
    path: listingPageHref(authorPath(locale, slug), locale, page),
  });
}

export async function AuthorListing({ locale, slug, page }: { locale: Locale; slug: string; page: number }) {
  const author = await getAuthorBySlug(slug);
  if (!author) notFound();
  const t = await getTranslations({ locale, namespace: 'ArticleListingPage' });
  return (
    <ArticleListingPage
      locale={locale}
      filter={{ locale, author: slug }}
      page={page}
      basePath={authorPath(locale, slug)}
      header={
        <div className={styles.authorHeader}>
          {page === 1 ? <AuthorStructuredData author={author} locale={locale} /> : null}
          {author.image ? (
            <Image className={styles.authorPortrait} src={author.image} alt="" width={96} height={96} />
          ) : null}
          <ListingHeader kicker={t('authorKicker')} title={author.name} description={author.bio ?? undefined} page={page} />
        </div>
      }
    />
  );
}
