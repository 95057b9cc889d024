/**
 * The order of sections, wherever sections are listed: navigation, the desk's section screen and
 * forms, sitemaps and the export.
 *
 * Sections with an `order` come first, lowest first. Sections without one (common in imported
 * content) follow, so a new import never pushes itself in front of the navigation an editor set up.
 * Ties, among equal orders and among unordered sections, go by name in the alphabetical order of the
 * section's language (accents and case aside, "Écoles" next to "Eerste"), then by slug, which is
 * unique per locale, so the order is total and the same on SQLite and PostgreSQL, whatever their
 * collation.
 *
 * Sorting happens here rather than in SQL because engines disagree on both: SQLite sorts NULL
 * first and compares names byte-wise, PostgreSQL sorts NULL last and compares by the database's
 * collation. A locale has tens of sections, not thousands.
 */
import type { Locale } from '@/lib/i18n/locales';

interface OrderedSection {
  slug: string;
  locale: Locale;
  name: string;
  order: number | null;
}

const collators = new Map<string, Intl.Collator>();
function collator(locale: Locale): Intl.Collator {
  let found = collators.get(locale);
  if (found === undefined) {
    found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, found);
  }
  return found;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Navigation order within one locale; see the module comment. Sections of different locales sort by locale first. */
export function compareSections(a: OrderedSection, b: OrderedSection): number {
  if (a.locale !== b.locale) return byCodeUnits(a.locale, b.locale);
  if (a.order !== b.order) {
    if (a.order === null) return 1;
    if (b.order === null) return -1;
    return a.order - b.order;
  }
  return collator(a.locale).compare(a.name, b.name) || byCodeUnits(a.slug, b.slug);
}

/** A sorted copy of `sections` in {@link compareSections} order. */
export function sortSections<T extends OrderedSection>(sections: readonly T[]): T[] {
  return [...sections].sort(compareSections);
}
