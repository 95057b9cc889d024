'use server';
// The authors screen's Server Actions: origin, session and permission first (../admin-action.ts),
// then lib/desk/admin/authors.ts, then revalidation of bylines and author pages on every instance.
import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { AdminFormState } from '@/components/desk/admin/admin-form-state';
import { problemsState, successState } from '@/components/desk/admin/admin-messages';
import { addAuthor, removeAuthor, updateAuthor } from '@/lib/desk/admin/authors';
import { revalidateEverywhere } from '@/lib/publishing/revalidate';
import { runAdminAction } from '../admin-action';

const FIELDS = ['slug', 'name', 'bio', 'image'] as const;

const fieldsOf = (values: Record<string, string>) => ({
  slug: values.slug ?? '',
  name: values.name ?? '',
  bio: values.bio ?? '',
  image: values.image ?? '',
});

export async function addAuthorAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return runAdminAction(rawLocale, form, FIELDS, 'authors.manage', async ({ locale, values, database }) => {
    const outcome = await addAuthor(database, fieldsOf(values), new Date());
    if (!outcome.ok) return problemsState(locale, outcome.problems, values);
    await revalidateEverywhere(outcome.tags);
    refresh();
    const t = await getTranslations({ locale, namespace: 'DeskAdminAuthors' });
    return successState(t('added', { name: outcome.value.name, slug: outcome.value.slug }));
  });
}

export async function updateAuthorAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return runAdminAction(rawLocale, form, FIELDS, 'authors.manage', async ({ locale, values, database }) => {
    const outcome = await updateAuthor(database, fieldsOf(values), new Date());
    if (!outcome.ok) return problemsState(locale, outcome.problems, values);
    await revalidateEverywhere(outcome.tags);
    refresh();
    const t = await getTranslations({ locale, namespace: 'DeskAdminAuthors' });
    const { value } = outcome;
    return successState(t('saved', { name: value.name }), { slug: value.slug, name: value.name, bio: value.bio ?? '', image: value.image ?? '' });
  });
}

export async function removeAuthorAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return runAdminAction(rawLocale, form, ['slug'], 'authors.manage', async ({ locale, values, database }) => {
    const outcome = await removeAuthor(database, { slug: values.slug ?? '' });
    const t = await getTranslations({ locale, namespace: 'DeskAdminAuthors' });
    if (!outcome.ok) {
      const count = outcome.problems.find((problem) => problem.code === 'inUse')?.params?.count ?? 0;
      return problemsState(locale, outcome.problems, values, { inUse: t('inUse', { count }) });
    }
    await revalidateEverywhere(outcome.tags);
    refresh();
    return successState(t('removed', { slug: values.slug ?? '' }), values);
  });
}
