/**
 * Desk accounts: creating, listing, finding and removing users. The CLI (`npm run content -- user …`)
 * and, later, the admin screens call these; nothing else touches the users table.
 *
 * Emails are trimmed and lowercased before they are checked or stored, so `Redactie@Example.nl`
 * and `redactie@example.nl` are one account on both engines (the unique constraint sees the
 * lowercased form). New input is validated with one zod schema; every problem names its field.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '@/lib/db/connection';
import type { UsersTable } from '@/lib/db/schema';
import { withWriteTransaction } from '@/lib/db/transaction';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';
import { checkNewPassword, passwordProblemText } from './password-policy';
import { isRole, ROLES, type Role } from './roles';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** ISO 8601, UTC. */
  createdAt: string;
  updatedAt: string;
}

export interface UserProblem {
  path: 'email' | 'name' | 'role' | 'password';
  message: string;
}

/** Input that cannot become (or does not match) an account; nothing was written. */
export class UserInputError extends Error {
  override readonly name = 'UserInputError';
  constructor(readonly problems: UserProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
  }
}

export const EMAIL_MAX_LENGTH = 254;

/** `  Redactie@Example.NL ` → `redactie@example.nl`. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const EmailSchema = z
  .string()
  .transform(normalizeEmail)
  .pipe(z.email({ error: 'expected an email address, like name@example.nl' }).max(EMAIL_MAX_LENGTH));

export const NewUserSchema = z
  .strictObject({
    email: EmailSchema,
    name: z.string().trim().min(1, { error: 'must not be empty' }).max(100, { error: 'must be at most 100 characters' }),
    role: z.enum(ROLES, { error: `expected one of ${ROLES.join(', ')}` }),
    password: z
      .string()
      .refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, { error: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
      .refine((value) => [...value].length <= PASSWORD_MAX_LENGTH, { error: `must be at most ${PASSWORD_MAX_LENGTH} characters` }),
  })
  .superRefine((user, context) => {
    // Length is answered above; the rest of the policy (common, repetitive, personal) here, once the name and email are known.
    const problem = checkNewPassword(user.password, { email: user.email, name: user.name });
    if (problem !== null && problem.code !== 'passwordTooShort' && problem.code !== 'passwordTooLong') {
      context.addIssue({ code: 'custom', path: ['password'], message: passwordProblemText(problem).replace(/^the password /, '') });
    }
  });
/** Unchecked input, as it arrives from the CLI or a form; {@link createUser} validates it. */
export interface NewUser {
  email: string;
  name: string;
  role: string;
  password: string;
}

function problemsOf(error: z.ZodError): UserProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path[0];
    const path = field === 'email' || field === 'name' || field === 'role' || field === 'password' ? field : 'email';
    return { path, message: issue.message };
  });
}

/** The one place a users row becomes a {@link User}. */
function reshapeUser(row: Pick<UsersTable, 'id' | 'email' | 'name' | 'role' | 'created_at' | 'updated_at'>): User {
  if (!isRole(row.role)) throw new Error(`user ${row.id} has an unknown role "${row.role}"`);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'created_at', 'updated_at'] as const;

function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Validates and creates an account. Throws {@link UserInputError} for invalid input or an email that
 * already has an account (compared case-insensitively).
 */
export async function createUser(database: Database, input: NewUser, options: { now: Date }): Promise<User> {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) throw new UserInputError(problemsOf(parsed.error));
  const { email, name, role, password } = parsed.data;
  const duplicate = new UserInputError([{ path: 'email', message: 'a user with this email already exists' }]);
  if ((await findUserByEmail(database, email)) !== null) throw duplicate;

  // Hashing takes tens of milliseconds; do it before taking SQLite's write lock.
  const passwordHash = await hashPassword(password);
  const now = options.now.getTime();
  const row = { id: randomUUID(), email, name, role, password_hash: passwordHash, created_at: now, updated_at: now };
  try {
    await withWriteTransaction(database, (trx) => trx.insertInto('users').values(row).execute());
  } catch (error) {
    // Another process created the same email between the check and the insert.
    if (isUniqueViolation(error)) throw duplicate;
    throw error;
  }
  return reshapeUser(row);
}

/** Every account, ordered by email. */
export async function listUsers(database: Database): Promise<User[]> {
  const rows = await database.db.selectFrom('users').select(USER_COLUMNS).orderBy('email').execute();
  return rows.map(reshapeUser);
}

/** The account with this email (any case), or null. */
export async function findUserByEmail(database: Database, email: string): Promise<User | null> {
  const row = await database.db.selectFrom('users').select(USER_COLUMNS).where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return row === undefined ? null : reshapeUser(row);
}

/** What sign-in and a password change check: the stored hash, and the state a reset left. */
export interface Credentials {
  user: User;
  passwordHash: string;
  /** Set by an admin reset: the user must choose a new password before anything else. */
  passwordChangeRequired: boolean;
  /** When a one-time password stops working; null for a password the user chose. */
  passwordExpiresAt: Date | null;
}

/** For sign-in and password changes only: the account and its stored password hash. */
export async function findCredentials(database: Database, email: string): Promise<Credentials | null> {
  const row = await database.db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash', 'password_change_required', 'password_expires_at'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    user: reshapeUser(row),
    passwordHash: row.password_hash,
    passwordChangeRequired: row.password_change_required === 1,
    passwordExpiresAt: row.password_expires_at === null ? null : new Date(row.password_expires_at),
  };
}

/** Replaces a user's stored hash (after sign-in found it used older parameters). */
export async function updatePasswordHash(database: Database, userId: string, passwordHash: string, options: { now: Date }): Promise<void> {
  await database.db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: options.now.getTime() })
    .where('id', '=', userId)
    .execute();
}

/**
 * Removes the account with this email and, in the same transaction, every session it has (the
 * foreign key cascades too; deleting explicitly does not depend on SQLite's foreign_keys pragma).
 * Returns the removed user, or null when there was none.
 */
export async function removeUser(database: Database, email: string): Promise<User | null> {
  return withWriteTransaction(database, async (trx) => {
    const row = await trx.selectFrom('users').select(USER_COLUMNS).where('email', '=', normalizeEmail(email)).executeTakeFirst();
    if (row === undefined) return null;
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    await trx.deleteFrom('users').where('id', '=', row.id).execute();
    return reshapeUser(row);
  });
}

// ---------------------------------------------------------------------------------------------
// The admin screens (desk users page): finding by id, changing a role, removing by id, and a
// generated first password. An admin can neither demote nor remove themself, so the desk always
// keeps at least the acting admin, and nobody locks themself out by a slip.

/** Refused because it would change the acting admin's own account. */
export class OwnAccountError extends Error {
  override readonly name = 'OwnAccountError';
  constructor(action: 'change-role' | 'remove') {
    super(`an admin cannot ${action === 'remove' ? 'remove' : 'change the role of'} their own account`);
  }
}

/** The account with this id, or null. */
export async function findUserById(database: Database, id: string): Promise<User | null> {
  const row = await database.db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : reshapeUser(row);
}

/**
 * Gives an account another role; the change applies to its current sessions at their next request
 * (sessions read the role from the account). Returns the updated user, or null when there is no
 * such account. Throws {@link UserInputError} for an unknown role and {@link OwnAccountError} when
 * `actingUserId` is the account itself.
 */
export async function changeUserRole(
  database: Database,
  input: { userId: string; role: string; actingUserId: string },
  options: { now: Date },
): Promise<User | null> {
  if (!isRole(input.role)) throw new UserInputError([{ path: 'role', message: `expected one of ${ROLES.join(', ')}` }]);
  if (input.userId === input.actingUserId) throw new OwnAccountError('change-role');
  const role = input.role;
  return withWriteTransaction(database, async (trx) => {
    const row = await trx.selectFrom('users').select(USER_COLUMNS).where('id', '=', input.userId).executeTakeFirst();
    if (row === undefined) return null;
    if (row.role === role) return reshapeUser(row);
    const updatedAt = options.now.getTime();
    await trx.updateTable('users').set({ role, updated_at: updatedAt }).where('id', '=', input.userId).execute();
    return reshapeUser({ ...row, role, updated_at: updatedAt });
  });
}

/**
 * Removes an account by id, with its sessions (see {@link removeUser}). Throws
 * {@link OwnAccountError} when `actingUserId` is the account itself; null when there is none.
 */
export async function removeUserById(database: Database, input: { userId: string; actingUserId: string }): Promise<User | null> {
  if (input.userId === input.actingUserId) throw new OwnAccountError('remove');
  const user = await findUserById(database, input.userId);
  return user === null ? null : removeUser(database, user.email);
}

/** No look-alikes (0/O, 1/l/I), so a password read aloud or copied by hand survives. */
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const GENERATED_PASSWORD_LENGTH = 20;

/**
 * A random password for a new account: 20 characters from a 56-character alphabet (about 116
 * bits), drawn without modulo bias from the CSPRNG. Comfortably above the length policy.
 */
export function generatePassword(length: number = GENERATED_PASSWORD_LENGTH): string {
  const alphabetSize = PASSWORD_ALPHABET.length;
  const unbiasedLimit = 256 - (256 % alphabetSize);
  let password = '';
  while (password.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < unbiasedLimit && password.length < length) password += PASSWORD_ALPHABET[byte % alphabetSize];
    }
  }
  return password;
}
