import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { DeskShell } from '@/components/desk/DeskShell';
import { PasswordChange } from '@/components/desk/PasswordChange';
import { passwordPath, signInUrl } from '@/lib/auth/desk-paths';
import { getPasswordChangeSession } from '@/lib/auth/request-session';
import { requireLocale } from '@/lib/site/params';
import { changePasswordAction } from './actions';

// Behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/desk/password'>): Promise<Metadata> {
  const locale = requireLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'DeskPassword' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/** Every user's own password change; the only page a session with a one-time password may open. */
export default async function Page({ params }: PageProps<'/[locale]/desk/password'>) {
  const locale = requireLocale((await params).locale);
  const pagePath = passwordPath(locale);
  const session = await getPasswordChangeSession();
  if (session === null) redirect(signInUrl(locale, pagePath));
  const forced = session.passwordChangeRequired;
  return (
    <DeskShell locale={locale} user={session.user} current="password" pagePath={pagePath} navigation={!forced}>
      <PasswordChange locale={locale} pagePath={pagePath} forced={forced} action={changePasswordAction.bind(null, locale)} />
    </DeskShell>
  );
}
