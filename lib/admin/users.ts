/**
 * The users screen's writes, over lib/auth/users.ts: validation answered as field codes (the
 * screen localizes them), a generated password when the admin leaves the field empty, and the
 * refusals that protect the acting admin's own account. Accounts touch no public page, so these
 * revalidate no cache tags.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { isRole } from '@/lib/auth/roles';
import {
  changeUserRole,
  createUser,
  EmailSchema,
  findUserByEmail,
  generatePassword,
  OwnAccountError,
  removeUserById,
  UserInputError,
  type User,
} from '@/lib/auth/users';
import type { Database } from '@/lib/db/connection';
import { checkText, refused, type AdminOutcome, type AdminProblem } from './problems';

export const USER_NAME_MAX = 100;

export interface NewAccount {
  user: User;
  /** The password that was generated for it (shown to the admin once), or null when one was typed. */
  generatedPassword: string | null;
}

/** Creates an account; an empty password means "generate one". */
export async function addAccount(
  database: Database,
  input: { email: string; name: string; role: string; password: string },
  now: Date,
): Promise<AdminOutcome<NewAccount>> {
  const problems: AdminProblem[] = [];
  const email = EmailSchema.safeParse(input.email);
  if (input.email.trim() === '') problems.push({ field: 'email', code: 'required' });
  else if (!email.success) problems.push({ field: 'email', code: 'invalidEmail' });
  const nameProblem = checkText('name', input.name, USER_NAME_MAX);
  if (nameProblem !== null) problems.push(nameProblem);
  if (!isRole(input.role)) problems.push({ field: 'role', code: 'invalid' });
  const generated = input.password === '' ? generatePassword() : null;
  const password = generated ?? input.password;
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push({ field: 'password', code: 'passwordTooShort', params: { min: PASSWORD_MIN_LENGTH } });
  if (length > PASSWORD_MAX_LENGTH) problems.push({ field: 'password', code: 'passwordTooLong', params: { max: PASSWORD_MAX_LENGTH } });
  if (email.success && (await findUserByEmail(database, email.data)) !== null) problems.push({ field: 'email', code: 'emailTaken' });
  if (problems.length > 0) return refused(...problems);
  try {
    const user = await createUser(database, { email: input.email, name: input.name, role: input.role, password }, { now });
    return { ok: true, tags: [], value: { user, generatedPassword: generated } };
  } catch (error) {
    // A concurrent creation of the same email, or anything the schema saw that the checks above did not.
    if (error instanceof UserInputError) {
      return refused(
        ...error.problems.map((problem): AdminProblem =>
          problem.path === 'email' ? { field: 'email', code: 'emailTaken' } : { field: problem.path, code: 'invalid' },
        ),
      );
    }
    throw error;
  }
}

/** Gives another account a new role. */
export async function changeAccountRole(
  database: Database,
  input: { userId: string; role: string; actingUserId: string },
  now: Date,
): Promise<AdminOutcome<User>> {
  if (!isRole(input.role)) return refused({ field: 'role', code: 'invalid' });
  try {
    const user = await changeUserRole(database, input, { now });
    if (user === null) return refused({ field: 'form', code: 'notFound' });
    return { ok: true, tags: [], value: user };
  } catch (error) {
    if (error instanceof OwnAccountError) return refused({ field: 'form', code: 'ownAccount' });
    throw error;
  }
}

/** Removes another account, ending its sessions. */
export async function removeAccount(database: Database, input: { userId: string; actingUserId: string }): Promise<AdminOutcome<User>> {
  try {
    const user = await removeUserById(database, input);
    if (user === null) return refused({ field: 'form', code: 'notFound' });
    return { ok: true, tags: [], value: user };
  } catch (error) {
    if (error instanceof OwnAccountError) return refused({ field: 'form', code: 'ownAccount' });
    throw error;
  }
}
