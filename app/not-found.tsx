import messages from '@/messages/nl.json';
import { defaultLocale } from '@/lib/i18n/locales';
import pathnames from '@/lib/i18n/pathnames.json';
import styles from '@/components/layout/layout.module.css';
import './globals.css';

/**
 * Paths outside every locale (for example "/nl-be/…") get the default edition's 404 page.
 *
 * Deliberately free of next-intl: Next renders the root not-found into the tree of EVERY page (it is
 * the root layout's not-found boundary), so a client provider here would ship its messages with every
 * page, and next-intl's request locale set here would leak into the page around it. The strings are
 * read on the server from the default locale's catalogue; the links are plain anchors.
 */
export default function RootNotFound() {
  const t = messages.NotFound;
  return (
    <html lang={defaultLocale}>
      <body>
        <main id="main">
          <div className={styles.errorPage}>
            <h1>{t.title}</h1>
            <p>{t.description}</p>
            <ul>
              <li>
                {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- this 404 is a root layout of its own: a <Link> to another root layout is a full page load anyway */}
                <a href="/">{t.home}</a>
              </li>
              <li>
                <a href={pathnames['/search'].nl}>{t.search}</a>
              </li>
            </ul>
          </div>
        </main>
      </body>
    </html>
  );
}
