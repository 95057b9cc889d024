import { VideoHub, videoHubMetadata } from '@/components/pages/VideoHub';
import { requireLocale } from '@/lib/site/params';

export const revalidate = 3600;

export async function generateMetadata({ params }: PageProps<'/[locale]/video'>) {
  const { locale } = await params;
  return videoHubMetadata(requireLocale(locale), 1);
}

export default async function Page({ params }: PageProps<'/[locale]/video'>) {
  const { locale } = await params;
  return <VideoHub locale={requireLocale(locale)} page={1} />;
}
