import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeskHome } from '@/components/desk/DeskHome';
import { requireEditor } from '@/lib/auth/request-session';
import { requireLocale } from '@/lib/site/params';
import { signOut } from './actions';

// Behind a session: rendered per request, never cached (Next sends `private, no-store` for it),
// and kept out of search engines.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/desk'>): Promise<Metadata> {
  const locale = requireLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'DeskHome' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function Page({ params }: PageProps<'/[locale]/desk'>) {
  const locale = requireLocale((await params).locale);
  const session = await requireEditor(locale);
  return <DeskHome locale={locale} user={session.user} signOut={signOut.bind(null, locale)} />;
}
