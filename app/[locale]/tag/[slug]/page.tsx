import { TagListing, tagListingMetadata } from '@/components/pages/TagListing';
import { requireLocale } from '@/lib/site/params';

// Statically rendered on first visit, then served from the cache until its tags are revalidated.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/[locale]/tag/[slug]'>) {
  const { locale, slug } = await params;
  return tagListingMetadata(requireLocale(locale), slug, 1);
}

export default async function Page({ params }: PageProps<'/[locale]/tag/[slug]'>) {
  const { locale, slug } = await params;
  return <TagListing locale={requireLocale(locale)} slug={slug} page={1} />;
}
