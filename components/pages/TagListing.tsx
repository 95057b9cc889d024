import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/seo/metadata';
import { getTagBySlug } from '@/lib/site/content';
import { listingPageHref } from '@/lib/site/pagination';
import { ArticleListingPage, ListingHeader } from './ArticleListingPage';

const tagPath = (locale: Locale, slug: string) => getPathname({ locale, href: { pathname: '/tag/[slug]', params: { slug } } });

export async function tagListingMetadata(locale: Locale, slug: string, page: number): Promise<Metadata> {
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

export async function TagListing({ locale, slug, page }: { locale: Locale; slug: string; page: number }) {
  const tag = await getTagBySlug(slug);
  if (!tag) notFound();
  const t = await getTranslations({ locale, namespace: 'ArticleListingPage' });
  return (
    <ArticleListingPage
      locale={locale}
      filter={{ locale, tag: slug }}
      page={page}
      basePath={tagPath(locale, slug)}
      header={<ListingHeader kicker={t('tagKicker')} title={tag.name} page={page} />}
    />
  );
}
