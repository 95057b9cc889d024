import { AuthorListing, authorListingMetadata } from '@/components/pages/AuthorListing';
import { getPathname } from '@/lib/i18n/navigation';
import { requireLocale, requirePageNumber } from '@/lib/site/params';

// Page 2 and later of the listing, reached through `?pagina=N` / `?page=N` (see next.config.js).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

async function resolve(params: PageProps<'/[locale]/author/[slug]/page/[page]'>['params']) {
  const { locale: rawLocale, slug, page: rawPage } = await params;
  const locale = requireLocale(rawLocale);
  const page = requirePageNumber(rawPage, getPathname({ locale, href: { pathname: '/author/[slug]', params: { slug } } }));
  return { locale, slug, page };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/author/[slug]/page/[page]'>) {
  const { locale, slug, page } = await resolve(params);
  return authorListingMetadata(locale, slug, page);
}

export default async function Page({ params }: PageProps<'/[locale]/author/[slug]/page/[page]'>) {
  const { locale, slug, page } = await resolve(params);
  return <AuthorListing locale={locale} slug={slug} page={page} />;
}
