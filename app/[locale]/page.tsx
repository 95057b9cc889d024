import { getTranslations } from 'next-intl/server';
import { HomeFront } from '@/components/home/HomeFront';
import { getPathname } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/seo/metadata';
import { getHomeFront } from '@/lib/site/content';
import { requireLocale } from '@/lib/site/params';

export const revalidate = 3600;

export async function generateMetadata({ params }: PageProps<'/[locale]'>) {
  const locale = requireLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Site' });
  return {
    ...pageMetadata({
      locale,
      title: `${t('name')} – ${t('tagline')}`,
      description: t('tagline'),
      path: getPathname({ locale, href: '/' }),
      languages: { nl: getPathname({ locale: 'nl', href: '/' }), en: getPathname({ locale: 'en', href: '/' }) },
    }),
    title: { absolute: `${t('name')} – ${t('tagline')}` },
  };
}

export default async function Page({ params }: PageProps<'/[locale]'>) {
  const locale = requireLocale((await params).locale);
  return <HomeFront locale={locale} front={await getHomeFront(locale)} />;
}
