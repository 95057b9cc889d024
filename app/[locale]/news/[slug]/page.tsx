import { ArticlePage, articleMetadata, resolveArticle } from '@/components/pages/ArticlePage';
import { requireLocale } from '@/lib/site/params';

// Rendered on first visit, then served statically until the article's tags are revalidated.
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
  const article = await resolveArticle(requireLocale(locale), slug);
  return <ArticlePage article={article} />;
}
