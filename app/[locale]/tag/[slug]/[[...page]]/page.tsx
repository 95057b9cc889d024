import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ArticleListing, ListingHeader } from '@/components/listing/ArticleListing';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/seo/metadata';
import { getTagBySlug } from '@/lib/site/content';
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

const tagPath = (locale: Locale, slug: string) => getPathname({ locale, href: { pathname: '/tag/[slug]', params: { slug } } });

async function resolve(params: PageProps<'/[locale]/tag/[slug]/[[...page]]'>['params']) {
  const { locale: rawLocale, slug, page: segments } = await params;
  const locale = requireLocale(rawLocale);
  return { locale, slug, page: listingPage(segments, tagPath(locale, slug)) };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/tag/[slug]/[[...page]]'>): Promise<Metadata> {
  const { locale, slug, page } = await resolve(params);
  const tag = await getTagBySlug(slug);
  if (!tag) return {};
  const t = await getTranslations({ locale, namespace: 'ArticleListingPage' });
  return pageMetadata({
    locale,
    title: page > 1 ? t('titleWithPage', { title: tag.name, page }) : tag.name,
    description: t('tagDescription', { name: tag.name }),
    path: listingPageHref(tagPath(locale, slug), locale, page),
  });
}

export default async function Page({ params }: PageProps<'/[locale]/tag/[slug]/[[...page]]'>) {
  const { locale, slug, page } = await resolve(params);
  const tag = await getTagBySlug(slug);
  if (!tag) notFound();
  const filter = { locale, tag: slug };
  const [listing, t] = await Promise.all([requireListingPage(filter, page), getTranslations({ locale, namespace: 'ArticleListingPage' })]);
  return (
    <ArticleListing
      locale={locale}
      filter={filter}
      page={page}
      listing={listing}
      basePath={tagPath(locale, slug)}
      header={<ListingHeader kicker={t('tagKicker')} title={tag.name} page={page} />}
    />
  );
}
