/**
 * Sections, as the admin screen manages them: add, rename, reorder, remove. Writes go through
 * applyContent (lib/data/write.ts), the import's own writer, after the same schema the import
 * uses (SectionInputSchema); the only write it cannot express, removal, is a delete that re-checks
 * in the same transaction that no article (of any status) is filed under the section.
 *
 * The order is kept as 0, 10, 20, … in navigation order; a move swaps two neighbours and writes
 * back only the sections whose number changed (applyContent skips unchanged rows). Sections without
 * an order (from an import) come after the ordered ones (lib/content/sections.ts) and keep having
 * none until an editor moves them or something above them: the screen then writes the order it
 * shows, down to the last section the move touched.
 */
import { sql } from 'kysely';
import { cacheTags } from '@/lib/cache/tags';
import { SectionInputSchema, type Section, type SectionInput } from '@/lib/content/model';
import { slugify } from '@/lib/content/slug';
import type { Database } from '@/lib/db/connection';
import { withWriteTransaction } from '@/lib/db/transaction';
import { listSections } from '@/lib/data/taxonomy';
import { applyContent, ContentWriteError } from '@/lib/data/write';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { checkSlug, checkText, refused, type AdminOutcome, type AdminProblem } from './problems';

export const SECTION_NAME_MAX = 80;
const ORDER_STEP = 10;

export interface SectionWithCount extends Section {
  /** Articles of any status filed under it. */
  articles: number;
}

const sectionTags = (locale: Locale) => [cacheTags.taxonomy(), cacheTags.listings(locale)];

/** A locale's sections in navigation order, each with how many articles (any status) it holds. */
export async function listSectionsForAdmin(database: Database, locale: Locale): Promise<SectionWithCount[]> {
  const [sections, counts] = await Promise.all([
    listSections(database, locale),
    database.db
      .selectFrom('articles')
      .select(['section_slug', (eb) => eb.fn.countAll<number>().as('count')])
      .where('locale', '=', locale)
      .groupBy('section_slug')
      .execute(),
  ]);
  const countOf = new Map(counts.map((row) => [row.section_slug, Number(row.count)]));
  return sections.map((section) => ({ ...section, articles: countOf.get(section.slug) ?? 0 }));
}


/** Validates with the import's schema and writes through applyContent. */
async function writeSections(database: Database, sections: SectionInput[], now: Date): Promise<AdminProblem[]> {
  for (const section of sections) {
    const parsed = SectionInputSchema.safeParse(section);
    if (!parsed.success) {
      return parsed.error.issues.map((issue) => ({ field: issue.path[0] === 'slug' ? 'slug' : 'name', code: 'invalid' as const }));
    }
  }
  try {
    await applyContent(database, { sections }, { now });
  } catch (error) {
    if (error instanceof ContentWriteError) return [{ field: 'form', code: 'invalid' }];
    throw error;
  }
  return [];
}

/**
 * Adds a section at the end of `locale`'s navigation. The slug defaults to one made from the name;
 * either way it must be free in that locale.
 */
export async function addSection(
  database: Database,
  input: { locale: string; name: string; slug: string },
  now: Date,
): Promise<AdminOutcome<Section>> {
  if (!isLocale(input.locale)) return refused({ field: 'locale', code: 'invalid' });
  const locale = input.locale;
  const name = input.name.trim();
  const slug = input.slug.trim() === '' ? slugify(name) : input.slug.trim();
  const problems = [checkText('name', name, SECTION_NAME_MAX), checkSlug(slug)].filter((problem) => problem !== null);
  if (problems.length > 0) return refused(...problems);
  const existing = await listSections(database, locale);
  if (existing.some((section) => section.slug === slug)) return refused({ field: 'slug', code: 'slugTaken' });
  // After the last ordered section: a section made by hand belongs in the navigation an editor set
  // up, ahead of any imported section that has no order.
  const orders = existing.flatMap((section) => (section.order === null ? [] : [section.order]));
  const order = orders.length === 0 ? 0 : Math.max(...orders) + ORDER_STEP;
  if (order > 10_000) return refused({ field: 'form', code: 'invalid' });
  const section: SectionInput = { locale, slug, name, order };
  const writeProblems = await writeSections(database, [section], now);
  if (writeProblems.length > 0) return refused(...writeProblems);
  return { ok: true, tags: sectionTags(locale), value: { locale, slug, name, order } };
}

/** Renames a section; its slug (and so its URL) stays. */
export async function renameSection(
  database: Database,
  input: { locale: string; slug: string; name: string },
  now: Date,
): Promise<AdminOutcome<Section>> {
  if (!isLocale(input.locale)) return refused({ field: 'form', code: 'notFound' });
  const locale = input.locale;
  const name = input.name.trim();
  const problem = checkText('name', name, SECTION_NAME_MAX);
  if (problem !== null) return refused(problem);
  const current = (await listSections(database, locale)).find((section) => section.slug === input.slug);
  if (current === undefined) return refused({ field: 'form', code: 'notFound' });
  if (current.name === name) return { ok: true, tags: [], value: current };
  const writeProblems = await writeSections(
    database,
    [{ locale, slug: current.slug, name, ...(current.order === null ? {} : { order: current.order }) }],
    now,
  );
  if (writeProblems.length > 0) return refused(...writeProblems);
  return { ok: true, tags: sectionTags(locale), value: { ...current, name } };
}

/** Moves a section one place up or down in its locale's navigation (no-op at either end). */
export async function moveSection(
  database: Database,
  input: { locale: string; slug: string; direction: 'up' | 'down' },
  now: Date,
): Promise<AdminOutcome> {
  if (!isLocale(input.locale)) return refused({ field: 'form', code: 'notFound' });
  const locale = input.locale;
  const sections = await listSections(database, locale);
  const index = sections.findIndex((section) => section.slug === input.slug);
  if (index === -1) return refused({ field: 'form', code: 'notFound' });
  const target = input.direction === 'up' ? index - 1 : index + 1;
  const moved = sections[index];
  const other = sections[target];
  if (moved === undefined || other === undefined) return { ok: true, tags: [], value: undefined };
  const reordered = [...sections];
  reordered[index] = other;
  reordered[target] = moved;
  // Number every section up to the last ordered one or the last one the move touched, whichever is
  // further down; the unordered sections below that stay unordered, and still come last.
  const lastOrdered = sections.findLastIndex((section) => section.order !== null);
  const numbered = reordered.slice(0, Math.max(lastOrdered, index, target) + 1);
  const changed = numbered
    .map((section, position): SectionInput => ({ locale, slug: section.slug, name: section.name, order: position * ORDER_STEP }))
    .filter((section, position) => sections.find((candidate) => candidate.slug === section.slug)?.order !== position * ORDER_STEP);
  const writeProblems = await writeSections(database, changed, now);
  if (writeProblems.length > 0) return refused(...writeProblems);
  return { ok: true, tags: sectionTags(locale), value: undefined };
}

/**
 * Removes a section that holds no article of any status (drafts included: their section must keep
 * existing). The check and the delete are one transaction, so an article filed meanwhile either
 * blocks the removal or waits for it (and then fails its own reference check).
 */
export async function removeSection(database: Database, input: { locale: string; slug: string }): Promise<AdminOutcome> {
  if (!isLocale(input.locale)) return refused({ field: 'form', code: 'notFound' });
  const locale = input.locale;
  return withWriteTransaction(database, async (trx): Promise<AdminOutcome> => {
    const section = await trx.selectFrom('sections').select('slug').where('locale', '=', locale).where('slug', '=', input.slug).executeTakeFirst();
    if (section === undefined) return refused({ field: 'form', code: 'notFound' });
    const { count } = await trx
      .selectFrom('articles')
      .select(sql<number>`count(*)`.as('count'))
      .where('locale', '=', locale)
      .where('section_slug', '=', input.slug)
      .executeTakeFirstOrThrow();
    if (Number(count) > 0) return refused({ field: 'form', code: 'inUse', params: { count: Number(count) } });
    await trx.deleteFrom('sections').where('locale', '=', locale).where('slug', '=', input.slug).execute();
    return { ok: true, tags: sectionTags(locale), value: undefined };
  });
}
