/**
 * A slug for a new title that no article has, or had: old slugs keep redirecting.
 */
import { slugify, SLUG_MAX_LENGTH } from '@/lib/content/slug';
import type { Database } from '@/lib/db/connection';
import type { Locale } from '@/lib/i18n/locales';


/**
 * A free slug for `title` in `locale`: its slugify form, or that with the lowest "-2", "-3", …
 * suffix that no other article has as its current or an earlier slug (slugs redirect, so old ones
 * stay taken). `excludeId`'s own slugs count as free. "" when the title has no letters or digits.
 */
export async function suggestSlug(database: Database, locale: Locale, title: string, excludeId?: string): Promise<string> {
  const base = slugify(title);
  if (base === '') return '';
  // Room for a suffix of up to 7 characters ("-999999") within the slug's maximum length.
  const stem = base.slice(0, SLUG_MAX_LENGTH - 7).replace(/-+$/, '');
  let query = database.db
    .selectFrom('article_slugs')
    .select('slug')
    .where('locale', '=', locale)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${stem}-%`)]));
  if (excludeId !== undefined) query = query.where('article_id', '<>', excludeId);
  const taken = new Set((await query.execute()).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${stem}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
