/**
 * The article's address and metadata, shared by the article route and the shared-preview route.
 */
import type { Metadata } from 'next';
import { articleDescription } from '@/lib/content/description';
import type { Article } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/seo/metadata';

export const articlePath = (locale: Locale, slug: string) =>
  getPathname({ locale, href: { pathname: '/news/[slug]', params: { slug } } });

/** Never indexed: previews, and Draft Mode at a slug where nothing is. */
export const NOT_INDEXED: Metadata = { robots: { index: false, follow: false } };

export function articleMetadata(article: Article): Metadata {
  const locale = article.locale;
  const description = articleDescription(article);
  return pageMetadata({
    locale,
    title: article.title,
    // The intro, or the opening of the body when the article has none.
    ...(description === null ? {} : { description }),
    path: articlePath(locale, article.slug),
    ...(article.leadImage ? { image: { src: article.leadImage.src, alt: article.leadImage.alt } } : {}),
    article: { publishedAt: article.publishedAt, updatedAt: article.updatedAt, section: article.section.name, tags: article.tags.map((tag) => tag.name) },
  });
}

/** Metadata for a previewed article: as the public page would have it, but never indexed. */
export function previewArticleMetadata(article: Article): Metadata {
  return { ...articleMetadata(article), ...NOT_INDEXED };
}
