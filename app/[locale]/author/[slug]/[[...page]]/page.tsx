import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ArticleListing, AuthorListingHeader } from '@/components/listing/ArticleListing';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/seo/metadata';
import { getAuthorBySlug } from '@/lib/site/content';
import { listingPageHref } from '@/lib/site/pagination';
import { listingPage, requireLocale } from '@/lib/site/params';
import { requireListingPage } from '../../../listing';

// Every page of the listing in one route: page 1 at the listing's own URL, page 2 and later at
// `?pagina=N` / `?page=N`, which next.config.js rewrites onto `/page/N` so that each page is
// statically cached on its own (reading searchParams would make it dynamic). Rendered on first
// visit, then served from the cache until its tags are revalidated.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

const authorPath = (locale: Locale, slug: string) =>
  getPathname({ locale, href: { pathname: '/author/[slug]', params: { slug } } });

async function resolve(params: PageProps<'/[locale]/author/[slug]/[[...page]]'>['params']) {
  const { locale: rawLocale, slug, page: segments } = await params;
  const locale = requireLocale(rawLocale);
  return { locale, slug, page: listingPage(segments, authorPath(locale, slug)) };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/author/[slug]/[[...page]]'>): Promise<Metadata> {
  const { locale, slug, page } = await resolve(params);
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

export default async function Page({ params }: PageProps<'/[locale]/author/[slug]/[[...page]]'>) {
  const { locale, slug, page } = await resolve(params);
  const author = await getAuthorBySlug(slug);
  if (!author) notFound();
  const filter = { locale, author: slug };
  const listing = await requireListingPage(filter, page);
  return (
    <ArticleListing
      locale={locale}
      filter={filter}
      page={page}
      listing={listing}
      basePath={authorPath(locale, slug)}
      header={<AuthorListingHeader author={author} locale={locale} page={page} />}
    />
  );
}
