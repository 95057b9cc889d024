import { redirect } from 'next/navigation';
import { DeskShell } from '@/components/desk/DeskShell';
import { PasswordChange } from '@/components/desk/PasswordChange';
import { passwordPath, signInUrl } from '@/lib/auth/desk-paths';
import { getPasswordChangeSession } from '@/lib/auth/request-session';
import { requireLocale } from '@/lib/site/params';
import { deskPageMetadata } from '../page-metadata';
import { changePasswordAction } from './actions';

// Behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export const generateMetadata = deskPageMetadata('DeskPassword');

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
