/**
 * The users screen's writes, over lib/auth/users.ts and lib/auth/recovery.ts: validation answered
 * as field codes (the screen localizes them), a generated password when the admin leaves the field
 * empty, password resets and one's own password change, and the refusals that protect the acting
 * admin's own account. Each change is an audit event. Accounts touch no public page, so these
 * revalidate no cache tags.
 */
import type { AuditAccount } from '@/lib/auth/audit';
import { recordAuditEvent } from '@/lib/auth/audit';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { changeOwnPassword, resetPassword, type RecoveryClient } from '@/lib/auth/recovery';
import { isRole } from '@/lib/auth/roles';
import {
  changeUserRole,
  createUser,
  EmailSchema,
  findUserByEmail,
  findUserById,
  generatePassword,
  OwnAccountError,
  removeUserById,
  UserInputError,
  type User,
} from '@/lib/auth/users';
import type { Database } from '@/lib/db/connection';
import { checkText, refused, type AdminOutcome, type AdminProblem } from './problems';

export const USER_NAME_MAX = 100;

/** Who is acting, for the audit trail (lib/auth/audit.ts): the admin's account and address. */
export interface AuditContext {
  actor: AuditAccount | null;
  address: string | null;
}

const NO_AUDIT_CONTEXT: AuditContext = { actor: null, address: null };

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
  audit: AuditContext = NO_AUDIT_CONTEXT,
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
  const passwordProblem = checkNewPassword(password, { email: input.email, name: input.name });
  if (passwordProblem !== null) problems.push({ field: 'password', ...passwordProblem });
  if (email.success && (await findUserByEmail(database, email.data)) !== null) problems.push({ field: 'email', code: 'emailTaken' });
  if (problems.length > 0) return refused(...problems);
  try {
    const user = await createUser(database, { email: input.email, name: input.name, role: input.role, password }, { now });
    await recordAuditEvent(database, { type: 'user.added', actor: audit.actor, subject: user, address: audit.address, details: { role: user.role, via: 'desk' } }, now);
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
  audit: AuditContext = NO_AUDIT_CONTEXT,
): Promise<AdminOutcome<User>> {
  if (!isRole(input.role)) return refused({ field: 'role', code: 'invalid' });
  try {
    const before = await findUserById(database, input.userId);
    const user = await changeUserRole(database, input, { now });
    if (user === null) return refused({ field: 'form', code: 'notFound' });
    if (before !== null && before.role !== user.role) {
      await recordAuditEvent(
        database,
        { type: 'role.changed', actor: audit.actor, subject: user, address: audit.address, details: { from: before.role, to: user.role } },
        now,
      );
    }
    return { ok: true, tags: [], value: user };
  } catch (error) {
    if (error instanceof OwnAccountError) return refused({ field: 'form', code: 'ownAccount' });
    throw error;
  }
}

/** Removes another account, ending its sessions. */
export async function removeAccount(
  database: Database,
  input: { userId: string; actingUserId: string },
  audit: AuditContext = NO_AUDIT_CONTEXT,
  now: Date = new Date(),
): Promise<AdminOutcome<User>> {
  try {
    const user = await removeUserById(database, input);
    if (user === null) return refused({ field: 'form', code: 'notFound' });
    await recordAuditEvent(database, { type: 'user.removed', actor: audit.actor, subject: user, address: audit.address, details: { role: user.role, via: 'desk' } }, now);
    return { ok: true, tags: [], value: user };
  } catch (error) {
    if (error instanceof OwnAccountError) return refused({ field: 'form', code: 'ownAccount' });
    throw error;
  }
}

export interface PasswordReset {
  user: User;
  /** Shown once to the admin, who passes it on; it works until {@link PasswordReset.expiresAt}. */
  oneTimePassword: string;
  expiresAt: Date;
}

/**
 * Resets another account's password to a one-time password and ends all its sessions
 * (lib/auth/recovery.ts). The acting admin's own account is refused: they change their password.
 */
export async function resetAccountPassword(
  database: Database,
  input: { userId: string; actingUserId: string },
  audit: AuditContext,
  now: Date,
): Promise<AdminOutcome<PasswordReset>> {
  if (input.userId === input.actingUserId) return refused({ field: 'form', code: 'ownAccount' });
  const result = await resetPassword(database, { target: { id: input.userId }, actor: audit.actor, via: 'desk', address: audit.address, now });
  if (result.kind === 'not-found') return refused({ field: 'form', code: 'notFound' });
  if (result.kind === 'own-account') return refused({ field: 'form', code: 'ownAccount' });
  return { ok: true, tags: [], value: { user: result.user, oneTimePassword: result.oneTimePassword, expiresAt: result.expiresAt } };
}

/**
 * The signed-in user's own password change (lib/auth/recovery.ts), answered as field problems:
 * `currentPassword` for a wrong current password (or too many), `newPassword` for the policy,
 * `confirmPassword` when the two new ones differ. On success: the new session's token, for the cookie.
 */
export async function changeOwnAccountPassword(
  database: Database,
  input: { email: string; currentPassword: string; newPassword: string; confirmPassword: string },
  client: RecoveryClient & { currentSessionId?: string | null },
  now: Date,
): Promise<AdminOutcome<{ token: string; otherSessionsEnded: number }>> {
  const problems: AdminProblem[] = [];
  if (input.currentPassword === '') problems.push({ field: 'currentPassword', code: 'required' });
  if (input.newPassword === '') problems.push({ field: 'newPassword', code: 'required' });
  else if (input.confirmPassword !== input.newPassword) problems.push({ field: 'confirmPassword', code: 'passwordMismatch' });
  if (problems.length > 0) return refused(...problems);
  const result = await changeOwnPassword(database, {
    email: input.email,
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
    client: { address: client.address, userAgent: client.userAgent },
    currentSessionId: client.currentSessionId ?? null,
    now,
  });
  switch (result.kind) {
    case 'changed':
      return { ok: true, tags: [], value: { token: result.token, otherSessionsEnded: result.otherSessionsEnded } };
    case 'wrong-password':
      return refused({ field: 'currentPassword', code: 'passwordWrong' });
    case 'throttled':
      return refused({ field: 'currentPassword', code: 'throttled', params: { minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) } });
    case 'unchanged':
      return refused({ field: 'newPassword', code: 'passwordUnchanged' });
    case 'refused':
      return refused({ field: 'newPassword', ...result.problem });
    case 'not-found':
      return refused({ field: 'form', code: 'notFound' });
  }
}
