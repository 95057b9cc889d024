/**
 * Which of the desk's own (localized) messages replaces a validator problem. The content model
 * and the data layer word their problems in English for imports and logs; the form shows the most
 * common ones in the editor's language and any other as the validator wrote it.
 */
import type { ArticleFormValues, FieldProblem } from './article-form';

export type ProblemMessageKey =
  | 'publishedAtFormat'
  | 'publishedAtNonexistent'
  | 'chooseSection'
  | 'slugEmpty'
  | 'mustNotBeEmpty'
  | 'atLeastOneAuthor'
  | 'atLeastOneBlock'
  | 'requiredForStatus'
  | 'slug'
  | 'scheduleInPast'
  | 'remoteImage';

const KNOWN_MESSAGES: ReadonlyArray<[RegExp, ProblemMessageKey]> = [
  [/^must not be empty$/, 'mustNotBeEmpty'],
  [/^expected at least one author$/, 'atLeastOneAuthor'],
  [/^expected at least one block$/, 'atLeastOneBlock'],
  [/^is required for a (published|scheduled) article$/, 'requiredForStatus'],
  [/^expected a lowercase-kebab slug/, 'slug'],
  [/^must be in the future to schedule/, 'scheduleInPast'],
  [/^a remote image cannot be shown/, 'remoteImage'],
];

/** The message key for `problem` (`problem.<key>` in DeskArticleForm), or null to show its own text. */
export function problemMessageKey(problem: FieldProblem, values?: ArticleFormValues): ProblemMessageKey | null {
  if (problem.code === 'publishedAtFormat' || problem.code === 'publishedAtNonexistent') return problem.code;
  // An empty required choice says "choose one" rather than "not a slug".
  if (problem.field === 'section' && values?.section.trim() === '') return 'chooseSection';
  if (problem.field === 'slug' && values?.slug.trim() === '') return 'slugEmpty';
  return KNOWN_MESSAGES.find(([pattern]) => pattern.test(problem.message))?.[1] ?? null;
}
