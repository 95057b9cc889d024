import { TagListing, tagListingMetadata } from '@/components/pages/TagListing';
import { getPathname } from '@/lib/i18n/navigation';
import { listingPage, requireLocale } from '@/lib/site/params';

// Every page of the listing in one route: page 1 at the listing's own URL, page 2 and later at
// `?pagina=N` / `?page=N`, which next.config.js rewrites onto `/page/N` so that each page is
// statically cached on its own (reading searchParams would make it dynamic). Rendered on first
// visit, then served from the cache until its tags are revalidated.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

async function resolve(params: PageProps<'/[locale]/tag/[slug]/[[...page]]'>['params']) {
  const { locale: rawLocale, slug, page: segments } = await params;
  const locale = requireLocale(rawLocale);
  return { locale, slug, page: listingPage(segments, getPathname({ locale, href: { pathname: '/tag/[slug]', params: { slug } } })) };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/tag/[slug]/[[...page]]'>) {
  const { locale, slug, page } = await resolve(params);
  return tagListingMetadata(locale, slug, page);
}

export default async function Page({ params }: PageProps<'/[locale]/tag/[slug]/[[...page]]'>) {
  const { locale, slug, page } = await resolve(params);
  return <TagListing locale={locale} slug={slug} page={page} />;
}
