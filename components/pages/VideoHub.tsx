import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/seo/metadata';
import { listingPageHref } from '@/lib/site/pagination';
import { ArticleListingPage, ListingHeader } from './ArticleListingPage';

const videoPath = (locale: Locale) => getPathname({ locale, href: '/video' });

export async function videoHubMetadata(locale: Locale, page: number): Promise<Metadata> {
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
export async function VideoHub({ locale, page }: { locale: Locale; page: number }) {
  const t = await getTranslations({ locale, namespace: 'VideoHub' });
  return (
    <ArticleListingPage
      locale={locale}
      filter={{ locale, video: true }}
      page={page}
      basePath={videoPath(locale)}
      header={<ListingHeader kicker={t('kicker')} title={t('title')} description={t('description')} page={page} />}
    />
  );
}
