/**
 * What the admin screens' writes answer: success with the cache tags to revalidate, or problems
 * as stable codes per form field. The screens turn a code into a localized sentence next to its
 * field; nothing here is UI text, so the same logic serves Dutch and English (and tests).
 */
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@/lib/content/slug';

export type AdminProblemCode =
  | 'required'
  | 'tooLong'
  | 'invalid'
  | 'invalidSlug'
  | 'slugTaken'
  | 'invalidEmail'
  | 'emailTaken'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'passwordCommon'
  | 'passwordRepetitive'
  | 'passwordPersonal'
  | 'passwordWrong'
  | 'passwordUnchanged'
  | 'passwordMismatch'
  | 'throttled'
  | 'invalidSrc'
  | 'notFound'
  | 'inUse'
  | 'ownAccount';

export interface AdminProblem {
  /** The form field it belongs to; `form` for the form as a whole. */
  field: string;
  code: AdminProblemCode;
  /** Values for the message: `max` for tooLong, `count` for inUse, `min`/`max` for passwords, `minutes` for throttled. */
  params?: Record<string, number>;
}

export type AdminOutcome<T = undefined> =
  | { ok: true; tags: string[]; value: T }
  | { ok: false; problems: AdminProblem[] };

export const refused = (...problems: AdminProblem[]): { ok: false; problems: AdminProblem[] } => ({ ok: false, problems });

/** A required, trimmed text of at most `max` characters (counted in code points). */
export function checkText(field: string, value: string, max: number, required = true): AdminProblem | null {
  const trimmed = value.trim();
  if (required && trimmed.length === 0) return { field, code: 'required' };
  if ([...trimmed].length > max) return { field, code: 'tooLong', params: { max } };
  return null;
}

/** A slug as the content schema wants it: lowercase-kebab, at most SLUG_MAX_LENGTH characters. */
export function checkSlug(slug: string, field = 'slug'): AdminProblem | null {
  if (slug.length === 0) return { field, code: 'required' };
  if (slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(slug)) return { field, code: 'invalidSlug' };
  return null;
}
