import { redirect } from 'next/navigation';
import { SignInPanel } from '@/components/desk/SignInPanel';
import { deskPath, passwordPath, safeNextPath, signInPath, signInUrl } from '@/lib/auth/desk-paths';
import { getPasswordChangeSession, getSession } from '@/lib/auth/request-session';
import { requireLocale } from '@/lib/site/params';
import { deskPageMetadata } from '../page-metadata';
import { signInAction } from './actions';

// Reads the session cookie: rendered per request, never cached, and kept out of search engines.
export const dynamic = 'force-dynamic';

export const generateMetadata = deskPageMetadata('DeskSignIn');

export default async function Page({ params, searchParams }: PageProps<'/[locale]/desk/sign-in'>) {
  const locale = requireLocale((await params).locale);
  const next = safeNextPath((await searchParams).next, locale);
  // Already signed in: go where sign-in would have gone, or first choose a password after a reset.
  if ((await getSession()) !== null) redirect(next);
  if ((await getPasswordChangeSession())?.passwordChangeRequired) redirect(passwordPath(locale));
  const pagePath = next === deskPath(locale) ? signInPath(locale) : signInUrl(locale, next);
  return <SignInPanel locale={locale} next={next} pagePath={pagePath} action={signInAction.bind(null, locale)} />;
}
