/**
 * Builds the Metadata object for a page: title, description, canonical URL, language alternates
 * and robots. Every public page goes through here so that canonical and hreflang rules live in one
 * place.
 */
import type { Metadata } from 'next';
import type { Locale } from '@/lib/i18n/locales';
import { siteConfig } from '@/lib/site/config';

export interface PageMetadataInput {
  locale: Locale;
  title: string;
  description?: string;
  /** The page's own path (with its page query for page 2+), e.g. "/rubriek/voetbal?pagina=2". */
  path: string;
  /** Paths of the same page in each locale, only where the page really exists in both. */
  languages?: Partial<Record<Locale, string>>;
  /** The default-language version for x-default; defaults to the Dutch path. */
  xDefault?: string;
  noindex?: boolean;
}

export function absoluteUrl(path: string): string {
  return new URL(path, `${siteConfig.url}/`).toString();
}

export function pageMetadata(input: PageMetadataInput): Metadata {
  const languages: Record<string, string> = {};
  if (input.languages && Object.keys(input.languages).length > 1) {
    for (const [locale, path] of Object.entries(input.languages)) languages[locale] = absoluteUrl(path);
    languages['x-default'] = absoluteUrl(input.xDefault ?? input.languages.nl ?? input.path);
  }
  return {
    title: input.title,
    description: input.description,
    alternates: {
      canonical: absoluteUrl(input.path),
      ...(Object.keys(languages).length ? { languages } : {}),
    },
    robots: input.noindex ? { index: false, follow: true } : { index: true, follow: true },
  };
}
