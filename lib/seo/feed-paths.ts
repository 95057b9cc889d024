/**
 * Public paths of the RSS feeds. Dutch, the default locale, has no prefix; next.config.js
 * rewrites `/feed.xml` and `/rubriek/{slug}/feed.xml` onto the `[locale]` route handlers.
 */
import { defaultLocale, type Locale } from '@/lib/i18n/locales';

/** `/feed.xml` (nl), `/en/feed.xml`. */
export function localeFeedPath(locale: Locale): string {
  return locale === defaultLocale ? '/feed.xml' : `/${locale}/feed.xml`;
}

/** The feed of a section, next to its listing: `/rubriek/voetbal` → `/rubriek/voetbal/feed.xml`. */
export function sectionFeedPath(sectionPath: string): string {
  return `${sectionPath.replace(/\/+$/, '')}/feed.xml`;
}
