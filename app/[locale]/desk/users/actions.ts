'use server';
// The users screen's Server Actions: origin, session and permission first (lib/admin/guard.ts),
// then lib/admin/users.ts, which never lets the acting admin demote or remove themself.
import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { AdminFormState } from '@/components/desk/admin/admin-form-state';
import { formValues, problemsState, refusedState, successState } from '@/components/desk/admin/admin-messages';
import { guardAdminAction } from '@/lib/admin/guard';
import { addAccount, changeAccountRole, removeAccount } from '@/lib/admin/users';
import { getDatabase } from '@/lib/db/connection';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';

const localeOf = (raw: string): Locale => (isLocale(raw) ? raw : defaultLocale);

export async function addUserAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, ['email', 'name', 'role', 'password']);
  const guard = await guardAdminAction('users.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await addAccount(
    await getDatabase(),
    { email: values.email ?? '', name: values.name ?? '', role: values.role ?? '', password: values.password ?? '' },
    new Date(),
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
  const outcome = await removeAccount(await getDatabase(), { userId: values.userId ?? '', actingUserId: guard.session.user.id });
  if (!outcome.ok) return problemsState(locale, outcome.problems, values);
  refresh();
  const t = await getTranslations({ locale, namespace: 'DeskAdminUsers' });
  return successState(t('removed', { name: outcome.value.name }), values);
}
