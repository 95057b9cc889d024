/** The desk account the browser server creates (with the CLI) and the desk suite signs in with. */
export const TEST_EDITOR = {
  email: 'redactie@example.test',
  name: 'Rita Redactie',
  role: 'editor',
  password: 'een-lang-testwachtwoord-2026',
} as const;

/** An admin account (users, sections, authors), for the admin screens' suite. */
export const TEST_ADMIN = {
  email: 'beheer@example.test',
  name: 'Bram Beheer',
  role: 'admin',
  password: 'een-ander-lang-testwachtwoord-2026',
} as const;
