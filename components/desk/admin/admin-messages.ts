/**
 * Turning the admin logic's problem codes (lib/desk/admin/problems.ts) into the form state, in the
 * request's locale. Used by the admin Server Actions only.
 */
import { getTranslations } from 'next-intl/server';
import type { AdminProblem } from '@/lib/desk/admin/problems';
import type { Locale } from '@/lib/i18n/locales';
import type { AdminFormState } from './admin-form-state';

/** Message keys of a screen's namespace that replace the shared wording for some codes (e.g. `inUse`). */
export type ProblemOverrides = Partial<Record<AdminProblem['code'], string>>;

export async function problemsState(
  locale: Locale,
  problems: readonly AdminProblem[],
  values: Record<string, string>,
  overrides: ProblemOverrides = {},
): Promise<AdminFormState> {
  const t = await getTranslations({ locale, namespace: 'DeskAdmin' });
  const errors: Record<string, string> = {};
  const formMessages: string[] = [];
  for (const problem of problems) {
    const text = overrides[problem.code] ?? t(`problems.${problem.code}`, problem.params ?? {});
    if (problem.field === 'form') formMessages.push(text);
    else errors[problem.field] ??= text;
  }
  return { status: 'error', message: formMessages.length === 0 ? null : formMessages.join(' '), secret: null, errors, values };
}

/** The answer when the request itself is refused (cross-site, signed out, not an admin). */
export async function refusedState(locale: Locale, reason: 'refused' | 'signedOut' | 'forbidden', values: Record<string, string>): Promise<AdminFormState> {
  const t = await getTranslations({ locale, namespace: 'DeskAdmin' });
  return { status: 'error', message: t(reason), secret: null, errors: {}, values };
}

export const successState = (message: string, values: Record<string, string> = {}, secret: string | null = null): AdminFormState => ({
  status: 'success',
  message,
  secret,
  errors: {},
  values,
});

/** The submitted text fields, as typed (files and repeated names are ignored). */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    values[name] = typeof value === 'string' ? value.slice(0, 10_000) : '';
  }
  return values;
}
