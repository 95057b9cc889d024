/** What the sign-in Server Action hands back to the form: a message to show, and the email to keep. */
export interface SignInFormState {
  error: string | null;
  email: string;
}

export const initialSignInState: SignInFormState = { error: null, email: '' };
