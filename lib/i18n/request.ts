/**
 * next-intl request configuration. The locale always comes from the `[locale]` route segment
 * (via setRequestLocale), never from headers, so pages stay statically renderable.
 */
import { getRequestConfig } from 'next-intl/server';
import { siteConfig } from '@/lib/site/config';
import { defaultLocale, isLocale } from './locales';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return {
    locale,
    timeZone: siteConfig.timeZone,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
