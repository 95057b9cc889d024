'use server';
// The users screen's Server Actions: origin, session and permission first (../admin-action.ts),
// then lib/desk/admin/users.ts, which never lets the acting admin demote, reset or remove themself, and
// records each change in the audit trail with the admin and their address.
import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { AdminFormState } from '@/components/desk/admin/admin-form-state';
import { problemsState, successState } from '@/components/desk/admin/admin-messages';
import { requestClient } from '@/lib/auth/request-session';
import { cardTime } from '@/lib/dates/format';
import { addAccount, changeAccountRole, removeAccount, resetAccountPassword, type AuditContext } from '@/lib/desk/admin/users';
import { siteConfig } from '@/lib/site/config';
import { runAdminAction, type AdminRequest } from '../admin-action';

/**
 * Every users-screen action: the shared admin preamble, then the acting admin and their address,
 * which each account change records in the audit trail.
 */
function accountAction(
  rawLocale: string,
  form: FormData,
  fields: readonly string[],
  run: (request: AdminRequest & { audit: AuditContext }) => Promise<AdminFormState>,
): Promise<AdminFormState> {
  return runAdminAction(rawLocale, form, fields, 'users.manage', async (request) =>
    run({ ...request, audit: { actor: request.session.user, address: (await requestClient()).address } }),
  );
}

export async function addUserAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return accountAction(rawLocale, form, ['email', 'name', 'role', 'password'], async ({ locale, values, database, audit }) => {
    const outcome = await addAccount(
      database,
      { email: values.email ?? '', name: values.name ?? '', role: values.role ?? '', password: values.password ?? '' },
      new Date(),
      audit,
    );
    if (!outcome.ok) return problemsState(locale, outcome.problems, values);
    refresh();
    const t = await getTranslations({ locale, namespace: 'DeskAdminUsers' });
    const { user, generatedPassword } = outcome.value;
    return generatedPassword === null
      ? successState(t('added', { email: user.email }))
      : successState(t('addedWithPassword', { email: user.email }), {}, generatedPassword);
  });
}

export async function changeRoleAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return accountAction(rawLocale, form, ['userId', 'role'], async ({ locale, values, session, database, audit }) => {
    const outcome = await changeAccountRole(database, { userId: values.userId ?? '', role: values.role ?? '', actingUserId: session.user.id }, new Date(), audit);
    if (!outcome.ok) return problemsState(locale, outcome.problems, values);
    refresh();
    const t = await getTranslations({ locale, namespace: 'DeskAdminUsers' });
    return successState(t('roleChanged', { name: outcome.value.name, role: outcome.value.role }), values);
  });
}

export async function removeUserAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return accountAction(rawLocale, form, ['userId'], async ({ locale, values, session, database, audit }) => {
    const outcome = await removeAccount(database, { userId: values.userId ?? '', actingUserId: session.user.id }, audit);
    if (!outcome.ok) return problemsState(locale, outcome.problems, values);
    refresh();
    const t = await getTranslations({ locale, namespace: 'DeskAdminUsers' });
    return successState(t('removed', { name: outcome.value.name }), values);
  });
}

/** Gives another account a one-time password (shown once, here) and signs it out everywhere. */
export async function resetPasswordAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return accountAction(rawLocale, form, ['userId'], async ({ locale, values, session, database, audit }) => {
    const outcome = await resetAccountPassword(database, { userId: values.userId ?? '', actingUserId: session.user.id }, audit, new Date());
    if (!outcome.ok) return problemsState(locale, outcome.problems, values);
    const t = await getTranslations({ locale, namespace: 'DeskAdminUsers' });
    const { user, oneTimePassword, expiresAt } = outcome.value;
    const expires = cardTime(expiresAt.toISOString(), new Date(), locale, siteConfig.timeZone);
    return successState(t('passwordReset', { name: user.name, expires }), values, oneTimePassword);
  });
}
