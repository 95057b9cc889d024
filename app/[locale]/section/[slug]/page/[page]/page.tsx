import { SectionListing, sectionListingMetadata } from '@/components/pages/SectionListing';
import { getPathname } from '@/lib/i18n/navigation';
import { requireLocale, requirePageNumber } from '@/lib/site/params';

// Page 2 and later of the listing, reached through `?pagina=N` / `?page=N` (see next.config.js).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

async function resolve(params: PageProps<'/[locale]/section/[slug]/page/[page]'>['params']) {
  const { locale: rawLocale, slug, page: rawPage } = await params;
  const locale = requireLocale(rawLocale);
  const page = requirePageNumber(rawPage, getPathname({ locale, href: { pathname: '/section/[slug]', params: { slug } } }));
  return { locale, slug, page };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/section/[slug]/page/[page]'>) {
  const { locale, slug, page } = await resolve(params);
  return sectionListingMetadata(locale, slug, page);
}

export default async function Page({ params }: PageProps<'/[locale]/section/[slug]/page/[page]'>) {
  const { locale, slug, page } = await resolve(params);
  return <SectionListing locale={locale} slug={slug} page={page} />;
}
