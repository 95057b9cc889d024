import { AuthorListing, authorListingMetadata } from '@/components/pages/AuthorListing';
import { requireLocale } from '@/lib/site/params';

// Statically rendered on first visit, then served from the cache until its tags are revalidated.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/[locale]/author/[slug]'>) {
  const { locale, slug } = await params;
  return authorListingMetadata(requireLocale(locale), slug, 1);
}

export default async function Page({ params }: PageProps<'/[locale]/author/[slug]'>) {
  const { locale, slug } = await params;
  return <AuthorListing locale={requireLocale(locale)} slug={slug} page={1} />;
}
