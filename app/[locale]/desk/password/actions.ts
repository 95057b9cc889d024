'use server';
// Changing one's own password: the origin check, the session (also one that signed in with a
// one-time password: this is the one thing it may do), then lib/desk/admin/users.ts over
// lib/auth/recovery.ts. Every session of the user ends; this browser gets a fresh one.
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import type { AdminFormState } from '@/components/desk/admin/admin-form-state';
import { formValues, problemsState, refusedState, successState } from '@/components/desk/admin/admin-messages';
import { changeOwnAccountPassword } from '@/lib/desk/admin/users';
import { deskPath } from '@/lib/auth/desk-paths';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { assertSameOriginAction, getPasswordChangeSession, requestClient, setSessionCookie } from '@/lib/auth/request-session';
import { getDatabase } from '@/lib/db/connection';
import { actionLocale } from '@/lib/desk/guard';

export async function changePasswordAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = actionLocale(rawLocale);
  const values = formValues(form, ['currentPassword', 'newPassword', 'confirmPassword']);
  // Passwords are never sent back to the form, not even on an error.
  const shown = {};
  try {
    await assertSameOriginAction();
  } catch {
    return refusedState(locale, 'refused', shown);
  }
  const session = await getPasswordChangeSession();
  if (session === null) return refusedState(locale, 'signedOut', shown);
  const outcome = await changeOwnAccountPassword(
    await getDatabase(),
    {
      email: session.user.email,
      currentPassword: values.currentPassword ?? '',
      newPassword: values.newPassword ?? '',
      confirmPassword: values.confirmPassword ?? '',
    },
    { ...(await requestClient()), currentSessionId: session.id },
    new Date(),
  );
  const t = await getTranslations({ locale, namespace: 'DeskPassword' });
  if (!outcome.ok) return problemsState(locale, outcome.problems, shown, { passwordTooShort: t('tooShort', { min: PASSWORD_MIN_LENGTH }) });
  await setSessionCookie(outcome.value.token);
  // After a forced change the desk opens; otherwise the page says what happened.
  if (session.passwordChangeRequired) redirect(deskPath(locale));
  return successState(t('changed', { count: outcome.value.otherSessionsEnded }));
}
