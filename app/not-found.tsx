import { NextIntlClientProvider } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import LocaleNotFound from './[locale]/not-found';
import { defaultLocale } from '@/lib/i18n/locales';
import './globals.css';

// Paths outside every locale (for example "/nl-be/…") get the default edition's 404 page.
// The provider only gives the localized links their locale. It gets no messages: the page's text
// renders on the server, and Next sends the root not-found with every page's RSC payload, so any
// messages passed here would ship with every page.
export default function RootNotFound() {
  setRequestLocale(defaultLocale);
  return (
    <html lang={defaultLocale}>
      <body>
        <NextIntlClientProvider locale={defaultLocale} messages={{}}>
          <main id="main">
            <LocaleNotFound />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
