import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ArticleListing, ListingHeader } from '@/components/listing/ArticleListing';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/seo/metadata';
import { listingPageHref } from '@/lib/site/pagination';
import { listingPage, requireLocale } from '@/lib/site/params';
import { requireListingPage } from '../../listing';

// Every page of the listing in one route: page 1 at the listing's own URL, page 2 and later at
// `?pagina=N` / `?page=N`, which next.config.js rewrites onto `/page/N` so that each page is
// statically cached on its own (reading searchParams would make it dynamic). Rendered on first
// visit, then served from the cache until its tags are revalidated.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

const videoPath = (locale: Locale) => getPathname({ locale, href: '/video' });

async function resolve(params: PageProps<'/[locale]/video/[[...page]]'>['params']) {
  const { locale: rawLocale, page: segments } = await params;
  const locale = requireLocale(rawLocale);
  return { locale, page: listingPage(segments, videoPath(locale)) };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/video/[[...page]]'>): Promise<Metadata> {
  const { locale, page } = await resolve(params);
  const t = await getTranslations({ locale, namespace: 'VideoHub' });
  return pageMetadata({
    locale,
    title: page > 1 ? t('titleWithPage', { page }) : t('title'),
    description: t('description'),
    path: listingPageHref(videoPath(locale), locale, page),
    languages: page === 1 ? { nl: videoPath('nl'), en: videoPath('en') } : undefined,
  });
}

/** Every article with a video, newest first. */
export default async function Page({ params }: PageProps<'/[locale]/video/[[...page]]'>) {
  const { locale, page } = await resolve(params);
  const filter = { locale, video: true };
  const [listing, t] = await Promise.all([requireListingPage(filter, page), getTranslations({ locale, namespace: 'VideoHub' })]);
  return (
    <ArticleListing
      locale={locale}
      filter={filter}
      page={page}
      listing={listing}
      basePath={videoPath(locale)}
      header={<ListingHeader kicker={t('kicker')} title={t('title')} description={t('description')} page={page} />}
    />
  );
}
