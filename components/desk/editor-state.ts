/**
 * What the desk's editing Server Actions hand back to their forms (useActionState). Plain,
 * serializable data: strings already localized on the server.
 */
import type { ArticleFormField, ArticleFormValues } from '@/lib/desk/article-form';

/** A problem as the form shows it: next to `field` (null: the article as a whole) and in the summary. */
export interface ShownProblem {
  field: ArticleFormField | null;
  message: string;
  /** The body line it concerns. */
  line?: number;
}

export interface ArticleFormState {
  /** Exactly what the editor submitted (or the stored article), so nothing typed is lost. */
  values: ArticleFormValues;
  problems: ShownProblem[];
  /** A message about the whole submission (conflict, refused, signed out), shown in the summary. */
  formError: string | null;
  /** Counts failed submissions: a new value re-renders the fields and focuses the summary. */
  attempt: number;
}

export interface PublicationState {
  error: string | null;
  /** The schedule field as typed. */
  scheduleAt: string;
  attempt: number;
}

export interface SharePreviewState {
  url: string | null;
  /** Already formatted for display, in the site zone. */
  expires: string | null;
  expiresIso: string | null;
  error: string | null;
}

export const initialSharePreviewState: SharePreviewState = { url: null, expires: null, expiresIso: null, error: null };

export interface RestoreState {
  error: string | null;
  attempt: number;
}

export const initialRestoreState: RestoreState = { error: null, attempt: 0 };
