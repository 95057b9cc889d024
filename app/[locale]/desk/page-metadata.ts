/**
 * The metadata every desk page has: a title from its messages, and out of search engines (the
 * desk is behind a session; its pages are never cached either: each sets `dynamic`).
 */
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireLocale } from '@/lib/site/params';

/** `generateMetadata` for a desk page titled by `namespace`.`key` in the route's locale. */
export function deskPageMetadata(namespace: string, key = 'title') {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const locale = requireLocale((await params).locale);
    const t = await getTranslations({ locale, namespace });
    return { title: t(key), robots: { index: false, follow: false } };
  };
}
