import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect, unauthorized } from 'next/navigation';
import { ArticlePage } from '@/components/article/ArticlePage';
import { relatedArticles, relatedQuery } from '@/lib/data/related';
import { getDatabase } from '@/lib/db/connection';
import { sharePreviewPath } from '@/lib/preview/links';
import { getSharedPreview } from '@/lib/preview/shared-article';
import { requireLocale } from '@/lib/site/params';
import { previewArticleMetadata } from '../../news/[slug]/article-metadata';

// A shared preview is rendered per request from the token (Next sends `private, no-store`), never
// cached, never indexed (metadata here and an X-Robots-Tag header from next.config.js), and sets
// no cookie. A link that does not verify answers 401 with the page in ./unauthorized.tsx.
export const dynamic = 'force-dynamic';

interface SharePageProps {
  params: Promise<{ locale: string; token: string }>;
}

export async function generateMetadata({ params }: SharePageProps): Promise<Metadata> {
  const { locale, token } = await params;
  const shared = await getSharedPreview(token);
  if (shared.kind !== 'article') {
    const t = await getTranslations({ locale: requireLocale(locale), namespace: 'PreviewUnauthorized' });
    return { title: t('metaTitle'), robots: { index: false, follow: false } };
  }
  return previewArticleMetadata(shared.article);
}

export default async function Page({ params }: SharePageProps) {
  const { locale: rawLocale, token } = await params;
  const locale = requireLocale(rawLocale);
  const shared = await getSharedPreview(token);
  if (shared.kind === 'refused') unauthorized();
  if (shared.kind === 'gone') notFound();
  const { article, expiresAt } = shared;
  // The token names the article, not the edition: show it under its own locale's address.
  if (article.locale !== locale) redirect(sharePreviewPath(article.locale, decodeURIComponent(token)));
  // Read next: public articles only, uncached (the cached read is keyed by the unpublished text).
  const related = await relatedArticles(await getDatabase(), relatedQuery(article));
  return <ArticlePage article={article} related={related} preview={{ kind: 'shared', expiresAt }} />;
}
