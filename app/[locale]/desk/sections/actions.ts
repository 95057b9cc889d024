'use server';
// The sections screen's Server Actions. Each starts with the origin, session and permission check
// (lib/admin/guard.ts), writes through lib/admin/sections.ts, revalidates what changed on every
// instance, and refreshes the screen.
import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { AdminFormState } from '@/components/desk/admin/admin-form-state';
import { formValues, problemsState, refusedState, successState } from '@/components/desk/admin/admin-messages';
import { guardAdminAction } from '@/lib/desk/guard';
import { addSection, moveSection, removeSection, renameSection } from '@/lib/desk/admin/sections';
import { getDatabase } from '@/lib/db/connection';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { revalidateEverywhere } from '@/lib/publishing/revalidate';

const localeOf = (raw: string): Locale => (isLocale(raw) ? raw : defaultLocale);

async function inUseMessage(locale: Locale, count: number | undefined) {
  const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
  return { inUse: t('inUse', { count: count ?? 0 }) };
}

export async function addSectionAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, ['locale', 'name', 'slug']);
  const guard = await guardAdminAction('sections.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await addSection(await getDatabase(), { locale: values.locale ?? '', name: values.name ?? '', slug: values.slug ?? '' }, new Date());
  if (!outcome.ok) return problemsState(locale, outcome.problems, values);
  await revalidateEverywhere(outcome.tags);
  refresh();
  const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
  return successState(t('added', { name: outcome.value.name, slug: outcome.value.slug }), { locale: values.locale ?? '' });
}

export async function renameSectionAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, ['locale', 'slug', 'name']);
  const guard = await guardAdminAction('sections.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await renameSection(await getDatabase(), { locale: values.locale ?? '', slug: values.slug ?? '', name: values.name ?? '' }, new Date());
  if (!outcome.ok) return problemsState(locale, outcome.problems, values);
  await revalidateEverywhere(outcome.tags);
  refresh();
  const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
  return successState(t('renamed', { name: outcome.value.name }), { ...values, name: outcome.value.name });
}

export async function moveSectionAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, ['locale', 'slug', 'direction']);
  const guard = await guardAdminAction('sections.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const direction = values.direction === 'up' ? 'up' : 'down';
  const outcome = await moveSection(await getDatabase(), { locale: values.locale ?? '', slug: values.slug ?? '', direction }, new Date());
  if (!outcome.ok) return problemsState(locale, outcome.problems, values);
  await revalidateEverywhere(outcome.tags);
  refresh();
  const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
  return successState(t('moved'), values);
}

export async function removeSectionAction(rawLocale: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const locale = localeOf(rawLocale);
  const values = formValues(form, ['locale', 'slug']);
  const guard = await guardAdminAction('sections.manage');
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  const outcome = await removeSection(await getDatabase(), { locale: values.locale ?? '', slug: values.slug ?? '' });
  if (!outcome.ok) {
    const inUse = outcome.problems.find((problem) => problem.code === 'inUse');
    return problemsState(locale, outcome.problems, values, await inUseMessage(locale, inUse?.params?.count));
  }
  await revalidateEverywhere(outcome.tags);
  refresh();
  const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
  return successState(t('removed', { slug: values.slug ?? '' }), values);
}
