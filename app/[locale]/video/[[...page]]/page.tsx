import { VideoHub, videoHubMetadata } from '@/components/pages/VideoHub';
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

async function resolve(params: PageProps<'/[locale]/video/[[...page]]'>['params']) {
  const { locale: rawLocale, page: segments } = await params;
  const locale = requireLocale(rawLocale);
  return { locale, page: listingPage(segments, getPathname({ locale, href: '/video' })) };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/video/[[...page]]'>) {
  const { locale, page } = await resolve(params);
  return videoHubMetadata(locale, page);
}

export default async function Page({ params }: PageProps<'/[locale]/video/[[...page]]'>) {
  const { locale, page } = await resolve(params);
  return <VideoHub locale={locale} page={page} />;
}
