import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { sectionFeedPath } from '@/lib/seo/feed-paths';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteConfig } from '@/lib/site/config';
import { getSectionBySlug } from '@/lib/site/content';
import { listingPageHref } from '@/lib/site/pagination';
import { ArticleListingPage, ListingHeader } from './ArticleListingPage';

const sectionPath = (locale: Locale, slug: string) =>
  getPathname({ locale, href: { pathname: '/section/[slug]', params: { slug } } });

export async function sectionListingMetadata(locale: Locale, slug: string, page: number): Promise<Metadata> {
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

export async function SectionListing({ locale, slug, page }: { locale: Locale; slug: string; page: number }) {
  const section = await getSectionBySlug(locale, slug);
  if (!section) notFound();
  const t = await getTranslations({ locale, namespace: 'ArticleListingPage' });
  return (
    <ArticleListingPage
      locale={locale}
      filter={{ locale, section: slug }}
      page={page}
      basePath={sectionPath(locale, slug)}
      header={<ListingHeader kicker={t('sectionKicker')} title={section.name} page={page} />}
    />
  );
}
