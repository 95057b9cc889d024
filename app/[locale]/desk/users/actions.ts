'use server';
// The users screen's Server Actions: origin, session and permission first (lib/admin/guard.ts),
// then lib/admin/users.ts, which never lets the acting admin demote, reset or remove themself, and
// records each change in the audit trail with the admin and their address.
import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { AdminFormState } from '@/components/desk/admin/admin-form-state';
import { formValues, problemsState, refusedState, successState } from '@/components/desk/admin/admin-messages';
import { guardAdminAction } from '@/lib/desk/guard';
import { addAccount, changeAccountRole, removeAccount, resetAccountPassword, type AuditContext } from '@/lib/desk/admin/users';
import { requestClient } from '@/lib/auth/request-session';
import type { ValidSession } from '@/lib/auth/sessions';
import { cardTime } from '@/lib/dates/format';
import { siteConfig } from '@/lib/site/config';
import { getDatabase } from '@/lib/db/connection';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';

const localeOf = (raw: string): Locale => (isLocale(raw) ? raw : defaultLocale);

async function auditContext(session: ValidSession): Promise<AuditContext> {
  return { actor: session.user, address: (await requestClient()).address };
}

export async function addUserAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, ['email', 'name', 'role', 'password']);
  const guard = await guardAdminAction('users.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await addAccount(
    await getDatabase(),
    { email: values.email ?? '', name: values.name ?? '', role: values.role ?? '', password: values.password ?? '' },
    new Date(),
    await auditContext(guard.session),
  );
  if (!outcome.ok) return problemsState(locale, outcome.problems, values);
  refresh();
  const t = await getTranslations({ locale, namespace: 'DeskAdminUsers' });
  const { user, generatedPassword } = outcome.value;
  return generatedPassword === null
    ? successState(t('added', { email: user.email }))
    : successState(t('addedWithPassword', { email: user.email }), {}, generatedPassword);
}

export async function changeRoleAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, ['userId', 'role']);
  const guard = await guardAdminAction('users.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await changeAccountRole(
    await getDatabase(),
    { userId: values.userId ?? '', role: values.role ?? '', actingUserId: guard.session.user.id },
    new Date(),
    await auditContext(guard.session),
  );
  if (!outcome.ok) return problemsState(locale, outcome.problems, values);
  refresh();
  const t = await getTranslations({ locale, namespace: 'DeskAdminUsers' });
  return successState(t('roleChanged', { name: outcome.value.name, role: outcome.value.role }), values);
}

export async function removeUserAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, ['userId']);
  const guard = await guardAdminAction('users.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await removeAccount(
    await getDatabase(),
    { userId: values.userId ?? '', actingUserId: guard.session.user.id },
    await auditContext(guard.session),
  );
  if (!outcome.ok) return problemsState(locale, outcome.problems, values);
  refresh();
  const t = await getTranslations({ locale, namespace: 'DeskAdminUsers' });
  return successState(t('removed', { name: outcome.value.name }), values);
}

/** Gives another account a one-time password (shown once, here) and signs it out everywhere. */
export async function resetPasswordAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, ['userId']);
  const guard = await guardAdminAction('users.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await resetAccountPassword(
    await getDatabase(),
    { userId: values.userId ?? '', actingUserId: guard.session.user.id },
    await auditContext(guard.session),
    new Date(),
  );
  if (!outcome.ok) return problemsState(locale, outcome.problems, values);
  const t = await getTranslations({ locale, namespace: 'DeskAdminUsers' });
  const { user, oneTimePassword, expiresAt } = outcome.value;
  const expires = cardTime(expiresAt.toISOString(), new Date(), locale, siteConfig.timeZone);
  return successState(t('passwordReset', { name: user.name, expires }), values, oneTimePassword);
}
