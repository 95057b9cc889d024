'use server';
// The sign-in Server Action: origin check, then lib/auth/sign-in.ts (throttling, verification,
// the session), then the cookie and the redirect to a checked `next`.
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import type { SignInFormState } from '@/components/desk/sign-in-state';
import { passwordPath, safeNextPath } from '@/lib/auth/desk-paths';
import { assertSameOriginAction, requestClient, setSessionCookie } from '@/lib/auth/request-session';
import { signIn } from '@/lib/auth/sign-in';
import { getDatabase } from '@/lib/db/connection';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export async function signInAction(rawLocale: string, _previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const t = await getTranslations({ locale, namespace: 'DeskSignIn' });
  const email = field(form, 'email').trim().slice(0, 254);
  try {
    await assertSameOriginAction();
  } catch {
    return { error: t('refused'), email };
  }
  const client = await requestClient();
  const result = await signIn(await getDatabase(), {
    email,
    password: field(form, 'password'),
    address: client.address,
    userAgent: client.userAgent,
    now: new Date(),
  });
  if (result.kind === 'throttled') {
    return { error: t('throttled', { minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) }), email };
  }
  if (result.kind === 'invalid') return { error: t('invalid'), email };
  await setSessionCookie(result.token);
  // Signed in with a one-time password: choosing a new one comes first.
  if (result.passwordChangeRequired) redirect(passwordPath(locale));
  redirect(safeNextPath(field(form, 'next'), locale));
}
