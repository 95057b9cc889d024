import { getTranslations } from 'next-intl/server';
import { PreviewRefusal, type PreviewRefusalText } from '@/components/preview/PreviewRefusal.client';
import type { Locale } from '@/lib/i18n/locales';
import { localizedPath } from '@/lib/i18n/paths';

async function refusalText(locale: Locale): Promise<PreviewRefusalText> {
  const t = await getTranslations({ locale, namespace: 'PreviewUnauthorized' });
  return { title: t('title'), description: t('description'), home: t('home'), homeHref: localizedPath(locale, '/') };
}

// The 401 page of a forged, altered or expired preview link; Next adds `noindex` and answers 401.
// Translations are asked for by explicit locale: this boundary renders before the locale layout
// has set the request locale, and asking without one would fix the whole render to the default.
export default async function PreviewUnauthorized() {
  const [nl, en] = await Promise.all([refusalText('nl'), refusalText('en')]);
  return <PreviewRefusal text={{ nl, en }} />;
}
