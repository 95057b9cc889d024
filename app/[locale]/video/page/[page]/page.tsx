import { VideoHub, videoHubMetadata } from '@/components/pages/VideoHub';
import { getPathname } from '@/lib/i18n/navigation';
import { requireLocale, requirePageNumber } from '@/lib/site/params';

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

async function resolve(params: PageProps<'/[locale]/video/page/[page]'>['params']) {
  const { locale: rawLocale, page: rawPage } = await params;
  const locale = requireLocale(rawLocale);
  return { locale, page: requirePageNumber(rawPage, getPathname({ locale, href: '/video' })) };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/video/page/[page]'>) {
  const { locale, page } = await resolve(params);
  return videoHubMetadata(locale, page);
}

export default async function Page({ params }: PageProps<'/[locale]/video/page/[page]'>) {
  const { locale, page } = await resolve(params);
  return <VideoHub locale={locale} page={page} />;
}
