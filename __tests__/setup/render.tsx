/**
 * The one render helper for component tests: wraps the UI in next-intl's provider with the real
 * messages and the site's zone, as the app's layout does. Components that use `useTranslations`,
 * `Link` from lib/i18n/navigation or `useFormatter` render here exactly as on the server.
 */
import { render, type RenderOptions, type RenderResult } from '@testing-library/react';
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import type { ReactElement, ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import en from '@/messages/en.json';
import nl from '@/messages/nl.json';

const MESSAGES: Record<Locale, AbstractIntlMessages> = { nl, en };

/** The zone the provider formats in, and the one component tests pass as `timeZone`. */
export const TEST_TIME_ZONE = 'Europe/Amsterdam';

interface RenderWithIntlOptions extends Omit<RenderOptions, 'wrapper' | 'queries'> {
  locale?: Locale;
}

export function renderWithIntl(ui: ReactElement, { locale = 'nl', ...options }: RenderWithIntlOptions = {}): RenderResult {
  function IntlWrapper({ children }: { children: ReactNode }) {
    return (
      <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone={TEST_TIME_ZONE}>
        {children}
      </NextIntlClientProvider>
    );
  }
  return render(ui, { wrapper: IntlWrapper, ...options });
}
