'use server';
// The authors screen's Server Actions: origin, session and permission first (lib/admin/guard.ts),
// then lib/admin/authors.ts, then revalidation of bylines and author pages on every instance.
import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { AdminFormState } from '@/components/desk/admin/admin-form-state';
import { formValues, problemsState, refusedState, successState } from '@/components/desk/admin/admin-messages';
import { addAuthor, removeAuthor, updateAuthor } from '@/lib/desk/admin/authors';
import { guardAdminAction } from '@/lib/desk/guard';
import { getDatabase } from '@/lib/db/connection';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { revalidateEverywhere } from '@/lib/publishing/revalidate';

const localeOf = (raw: string): Locale => (isLocale(raw) ? raw : defaultLocale);
const FIELDS = ['slug', 'name', 'bio', 'image'] as const;

const fieldsOf = (values: Record<string, string>) => ({
  slug: values.slug ?? '',
  name: values.name ?? '',
  bio: values.bio ?? '',
  image: values.image ?? '',
});

export async function addAuthorAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, FIELDS);
  const guard = await guardAdminAction('authors.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await addAuthor(await getDatabase(), fieldsOf(values), new Date());
  if (!outcome.ok) return problemsState(locale, outcome.problems, values);
  await revalidateEverywhere(outcome.tags);
  refresh();
  const t = await getTranslations({ locale, namespace: 'DeskAdminAuthors' });
  return successState(t('added', { name: outcome.value.name, slug: outcome.value.slug }));
}

export async function updateAuthorAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, FIELDS);
  const guard = await guardAdminAction('authors.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await updateAuthor(await getDatabase(), fieldsOf(values), new Date());
  if (!outcome.ok) return problemsState(locale, outcome.problems, values);
  await revalidateEverywhere(outcome.tags);
  refresh();
  const t = await getTranslations({ locale, namespace: 'DeskAdminAuthors' });
  const { value } = outcome;
  return successState(t('saved', { name: value.name }), { slug: value.slug, name: value.name, bio: value.bio ?? '', image: value.image ?? '' });
}

export async function removeAuthorAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, ['slug']);
  const guard = await guardAdminAction('authors.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await removeAuthor(await getDatabase(), { slug: values.slug ?? '' });
  const t = await getTranslations({ locale, namespace: 'DeskAdminAuthors' });
  if (!outcome.ok) {
    const count = outcome.problems.find((problem) => problem.code === 'inUse')?.params?.count ?? 0;
    return problemsState(locale, outcome.problems, values, { inUse: t('inUse', { count }) });
  }
  await revalidateEverywhere(outcome.tags);
  refresh();
  return successState(t('removed', { slug: values.slug ?? '' }), values);
}
