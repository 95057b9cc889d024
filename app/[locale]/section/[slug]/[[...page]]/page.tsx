import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ArticleListing, ListingHeader } from '@/components/listing/ArticleListing';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { sectionFeedPath } from '@/lib/seo/feed-paths';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteConfig } from '@/lib/site/config';
import { getSectionBySlug } from '@/lib/site/content';
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

const sectionPath = (locale: Locale, slug: string) =>
  getPathname({ locale, href: { pathname: '/section/[slug]', params: { slug } } });

async function resolve(params: PageProps<'/[locale]/section/[slug]/[[...page]]'>['params']) {
  const { locale: rawLocale, slug, page: segments } = await params;
  const locale = requireLocale(rawLocale);
  return { locale, slug, page: listingPage(segments, sectionPath(locale, slug)) };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/section/[slug]/[[...page]]'>): Promise<Metadata> {
  const { locale, slug, page } = await resolve(params);
  const section = await getSectionBySlug(locale, slug);
  if (!section) return {};
  const t = await getTranslations({ locale, namespace: 'ArticleListingPage' });
  return pageMetadata({
    locale,
    title: page > 1 ? t('titleWithPage', { title: section.name, page }) : section.name,
    description: t('sectionDescription', { name: section.name }),
    path: listingPageHref(sectionPath(locale, slug), locale, page),
    feeds: [{ title: `${section.name} | ${siteConfig.name}`, path: sectionFeedPath(sectionPath(locale, slug)) }],
  });
}

export default async function Page({ params }: PageProps<'/[locale]/section/[slug]/[[...page]]'>) {
  const { locale, slug, page } = await resolve(params);
  const section = await getSectionBySlug(locale, slug);
  if (!section) notFound();
  const filter = { locale, section: slug };
  const [listing, t] = await Promise.all([requireListingPage(filter, page), getTranslations({ locale, namespace: 'ArticleListingPage' })]);
  return (
    <ArticleListing
      locale={locale}
      filter={filter}
      page={page}
      listing={listing}
      basePath={sectionPath(locale, slug)}
      header={<ListingHeader kicker={t('sectionKicker')} title={section.name} page={page} />}
    />
  );
}
