/** The desk account the browser server creates (with the CLI) and the desk suite signs in with. */
export const TEST_EDITOR = {
  email: 'redactie@example.test',
  name: 'Rita Redactie',
  role: 'editor',
  password: 'een-lang-testwachtwoord-2026',
} as const;
