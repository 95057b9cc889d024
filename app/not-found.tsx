import { NextIntlClientProvider } from 'next-intl';
import { getMessages, setRequestLocale } from 'next-intl/server';
import LocaleNotFound from './[locale]/not-found';
import { defaultLocale } from '@/lib/i18n/locales';
import './globals.css';

// Paths outside every locale (for example "/nl-be/…") get the default edition's 404 page.
export default async function RootNotFound() {
  setRequestLocale(defaultLocale);
  const messages = await getMessages({ locale: defaultLocale });
  return (
    <html lang={defaultLocale}>
      <body>
        <NextIntlClientProvider locale={defaultLocale} messages={{ NotFound: messages.NotFound ?? {} }}>
          <main id="main">
            <LocaleNotFound />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
