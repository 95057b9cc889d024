/**
 * Slugs are lowercase-kebab: ASCII letters and digits in groups joined by single hyphens.
 * Tag slugs are derived from tag names with {@link slugify}; article, section and author slugs
 * are chosen by people and only validated.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 120;

export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/**
 * Derives a slug from a human name: "Real Madrid" → "real-madrid", "WK 2026" → "wk-2026",
 * "Atlético Madrid" → "atletico-madrid". Returns "" when the name has no letters or digits.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, '');
}
