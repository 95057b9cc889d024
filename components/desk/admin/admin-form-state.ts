/**
 * What an admin Server Action hands back to its form: the outcome, a message for the whole form,
 * a localized error per field, and the values to show again (on an error, everything that was
 * typed; on success, what the form should now hold).
 */
export interface AdminFormState {
  status: 'idle' | 'error' | 'success';
  message: string | null;
  /** Shown once, as code, next to the success message (a generated password). */
  secret: string | null;
  errors: Record<string, string>;
  values: Record<string, string>;
}

export const initialAdminFormState: AdminFormState = { status: 'idle', message: null, secret: null, errors: {}, values: {} };

export type AdminFormAction = (previous: AdminFormState, form: FormData) => Promise<AdminFormState>;
