import type { Metadata } from 'next';
import { cache } from 'react';
import { draftMode } from 'next/headers';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { ArticlePage } from '@/components/article/ArticlePage';
import { getSession } from '@/lib/auth/request-session';
import { getArticleForPreview, type PublicArticleResult } from '@/lib/data/articles';
import { relatedArticles, relatedQuery } from '@/lib/data/related';
import { getDatabase } from '@/lib/db/connection';
import type { Locale } from '@/lib/i18n/locales';
import { getArticle, getRelatedArticles } from '@/lib/site/content';
import { requireLocale } from '@/lib/site/params';
import { articleMetadata, articlePath, NOT_INDEXED, previewArticleMetadata } from './article-metadata';

// Rendered on first visit, then served statically until the article's tags are revalidated.
// In Draft Mode Next renders per request and sends `private, no-store`; only an editor's session
// then sees the stored (draft) text, and nothing of that render is cached.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

/**
 * The article at `slug` for this request, read once for the page and generateMetadata.
 *
 * Draft Mode alone proves nothing: its cookie says "skip the caches", not "this is an editor". The
 * stored text, in any status, is read only when Draft Mode is on AND the request carries a valid
 * desk session, straight from the data layer and never into a cache another visitor could be
 * served from. Everyone else gets the public read (lib/site/content.ts), cached under the slug's
 * own tag, which the article's update-check endpoint shares. The session is read only inside Draft
 * Mode, so the public render never touches cookies and stays static.
 */
const getArticleBySlug = cache(async (locale: Locale, slug: string): Promise<{ draft: boolean; found: PublicArticleResult }> => {
  const { isEnabled } = await draftMode();
  if (isEnabled && (await getSession()) !== null) {
    return { draft: true, found: await getArticleForPreview(await getDatabase(), locale, slug) };
  }
  return { draft: false, found: await getArticle(locale, slug) };
});

export async function generateMetadata({ params }: PageProps<'/[locale]/news/[slug]'>): Promise<Metadata> {
  const { locale, slug } = await params;
  const { draft, found } = await getArticleBySlug(requireLocale(locale), slug);
  if (found?.kind !== 'article') return draft ? NOT_INDEXED : {};
  return draft ? previewArticleMetadata(found.article) : articleMetadata(found.article);
}

/**
 * A current slug renders; an old slug redirects to the current URL (308 for the public, a
 * temporary redirect in Draft Mode, where the slug may still change); anything else is a 404.
 */
export default async function Page({ params }: PageProps<'/[locale]/news/[slug]'>) {
  const { locale: rawLocale, slug } = await params;
  const locale = requireLocale(rawLocale);
  const { draft, found } = await getArticleBySlug(locale, slug);
  if (found === null) notFound();
  if (found.kind === 'moved') {
    if (draft) redirect(articlePath(locale, found.slug));
    permanentRedirect(articlePath(locale, found.slug));
  }
  const { article } = found;
  if (!draft) return <ArticlePage article={article} related={await getRelatedArticles(relatedQuery(article))} />;
  // The cached related read is keyed by what the article is now; a draft's tags are not public yet.
  const related = await relatedArticles(await getDatabase(), relatedQuery(article));
  return <ArticlePage article={article} related={related} preview={{ kind: 'draft', articleId: article.id, status: article.status }} />;
}
