'use server';
// The sections screen's Server Actions. Each starts with the origin, session and permission check
// (../admin-action.ts), writes through lib/desk/admin/sections.ts, revalidates what changed on every
// instance, and refreshes the screen.
import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { AdminFormState } from '@/components/desk/admin/admin-form-state';
import { problemsState, successState } from '@/components/desk/admin/admin-messages';
import { addSection, moveSection, removeSection, renameSection } from '@/lib/desk/admin/sections';
import type { Locale } from '@/lib/i18n/locales';
import { revalidateEverywhere } from '@/lib/publishing/revalidate';
import { runAdminAction } from '../admin-action';

async function inUseMessage(locale: Locale, count: number | undefined) {
  const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
  return { inUse: t('inUse', { count: count ?? 0 }) };
}

export async function addSectionAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return runAdminAction(rawLocale, form, ['locale', 'name', 'slug'], 'sections.manage', async ({ locale, values, database }) => {
    const outcome = await addSection(database, { locale: values.locale ?? '', name: values.name ?? '', slug: values.slug ?? '' }, new Date());
    if (!outcome.ok) return problemsState(locale, outcome.problems, values);
    await revalidateEverywhere(outcome.tags);
    refresh();
    const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
    return successState(t('added', { name: outcome.value.name, slug: outcome.value.slug }), { locale: values.locale ?? '' });
  });
}

export async function renameSectionAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return runAdminAction(rawLocale, form, ['locale', 'slug', 'name'], 'sections.manage', async ({ locale, values, database }) => {
    const outcome = await renameSection(database, { locale: values.locale ?? '', slug: values.slug ?? '', name: values.name ?? '' }, new Date());
    if (!outcome.ok) return problemsState(locale, outcome.problems, values);
    await revalidateEverywhere(outcome.tags);
    refresh();
    const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
    return successState(t('renamed', { name: outcome.value.name }), { ...values, name: outcome.value.name });
  });
}

export async function moveSectionAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return runAdminAction(rawLocale, form, ['locale', 'slug', 'direction'], 'sections.manage', async ({ locale, values, database }) => {
    const direction = values.direction === 'up' ? 'up' : 'down';
    const outcome = await moveSection(database, { locale: values.locale ?? '', slug: values.slug ?? '', direction }, new Date());
    if (!outcome.ok) return problemsState(locale, outcome.problems, values);
    await revalidateEverywhere(outcome.tags);
    refresh();
    const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
    return successState(t('moved'), values);
  });
}

export async function removeSectionAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  return runAdminAction(rawLocale, form, ['locale', 'slug'], 'sections.manage', async ({ locale, values, database }) => {
    const outcome = await removeSection(database, { locale: values.locale ?? '', slug: values.slug ?? '' });
    if (!outcome.ok) {
      const inUse = outcome.problems.find((problem) => problem.code === 'inUse');
      return problemsState(locale, outcome.problems, values, await inUseMessage(locale, inUse?.params?.count));
    }
    await revalidateEverywhere(outcome.tags);
    refresh();
    const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
    return successState(t('removed', { slug: values.slug ?? '' }), values);
  });
}
