import { ArticlePage, articleMetadata, resolveArticleForRequest } from '@/components/pages/ArticlePage';
import { requireLocale } from '@/lib/site/params';

// Rendered on first visit, then served statically until the article's tags are revalidated.
// In Draft Mode Next renders per request and sends `private, no-store`; only an editor's session
// then sees the stored (draft) text, and nothing of that render is cached.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/[locale]/news/[slug]'>) {
  const { locale, slug } = await params;
  return articleMetadata(requireLocale(locale), slug);
}

export default async function Page({ params }: PageProps<'/[locale]/news/[slug]'>) {
  const { locale, slug } = await params;
  const { article, preview } = await resolveArticleForRequest(requireLocale(locale), slug);
  return <ArticlePage article={article} preview={preview} />;
}
