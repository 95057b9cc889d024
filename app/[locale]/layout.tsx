import type { Metadata, Viewport } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ErrorPageLabelsProvider } from '@/components/layout/ErrorPageLabels.client';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { SkipLink } from '@/components/layout/SkipLink';
import { yearInZone } from '@/lib/dates/format';
import { defaultLocale, isLocale, locales, type Locale } from '@/lib/i18n/locales';
import { siteConfig } from '@/lib/site/config';
import { getNavigationSections } from '@/lib/site/content';
import { localizedPath } from '@/lib/i18n/paths';
import '../globals.css';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

/**
 * Dutch URLs carry no prefix, so a path that no route claims (`/dit/bestaat/niet`) arrives here with
 * its first segment as the "locale". It is a Dutch address that does not exist: the layout draws the
 * Dutch edition around it, and the page answers 404 (every page checks its locale with
 * requireLocale, and the catch-all always does). Calling notFound() here instead would leave only
 * the bare root not-found page, without the site's header and footer.
 */
function editionOf(segment: string): Locale {
  return isLocale(segment) ? segment : defaultLocale;
}

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const locale = editionOf((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Site' });
  return {
    metadataBase: new URL(siteConfig.url),
    title: { default: `${t('name')} – ${t('tagline')}`, template: `%s | ${t('name')}` },
    description: t('tagline'),
    applicationName: t('name'),
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#b3261e',
};

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const locale = editionOf((await params).locale);
  setRequestLocale(locale);

  const [sections, tError] = await Promise.all([getNavigationSections(locale), getTranslations({ locale, namespace: 'ErrorPage' })]);

  return (
    <html lang={locale}>
      <body>
        {/*
          No NextIntlClientProvider: public client leaves get their strings as props from their
          server parents, so next-intl's client runtime stays off public pages. The error boundary
          (error.tsx), which Next renders without props, reads its strings from this context.
        */}
        <ErrorPageLabelsProvider
          labels={{
            title: tError('title'),
            description: tError('description'),
            retry: tError('retry'),
            home: tError('home'),
            homeHref: localizedPath(locale, '/'),
          }}
        >
          <SkipLink />
          <SiteHeader locale={locale} sections={sections} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter locale={locale} sections={sections} year={yearInZone(new Date(), siteConfig.timeZone)} />
        </ErrorPageLabelsProvider>
      </body>
    </html>
  );
}
