'use client';
// A client leaf only because of where it renders: Next's unauthorized.tsx boundary receives no
// params and is created before the locale layout sets next-intl's request locale, so the server
// cannot tell which edition it is in. useParams can; the server passes both editions' strings.
import NextLink from 'next/link';
import { useParams } from 'next/navigation';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import styles from './preview.module.css';

export interface PreviewRefusalText {
  title: string;
  description: string;
  home: string;
  homeHref: string;
}

export function PreviewRefusal({ text }: { text: Record<Locale, PreviewRefusalText> }) {
  const params = useParams<{ locale?: string }>();
  const locale = isLocale(params?.locale) ? params.locale : defaultLocale;
  const { title, description, home, homeHref } = text[locale];
  return (
    <div className={styles.refusal}>
      <h1>{title}</h1>
      <p>{description}</p>
      <p>
        <NextLink href={homeHref}>{home}</NextLink>
      </p>
    </div>
  );
}
