import { setRequestLocale } from 'next-intl/server';
import LocaleNotFound from './[locale]/not-found';
import { defaultLocale } from '@/lib/i18n/locales';
import './globals.css';

// Paths outside every locale (for example "/nl-be/…") get the default edition's 404 page.
// LocaleNotFound is a server component, so no client provider is needed: wrapping it in one
// would ship its messages in every page's payload (Next sends the root not-found with each page).
export default function RootNotFound() {
  setRequestLocale(defaultLocale);
  return (
    <html lang={defaultLocale}>
      <body>
        <main id="main">
          <LocaleNotFound />
        </main>
      </body>
    </html>
  );
}
