/**
 * Account recovery: a user changing their own password, and an admin (desk or CLI) resetting
 * someone else's. Both end sessions, so a password that leaked stops working everywhere at once:
 *
 * - {@link changeOwnPassword}: the current password is required (a session left open on a shared
 *   machine must not be enough to lock its owner out), wrong guesses count against the sign-in
 *   throttle, and the new password goes through lib/auth/password-policy.ts. Every session of the
 *   user ends, the current one included, and a new one starts: the caller sets its cookie, so the
 *   browser that changed the password stays signed in on a fresh token (rotation).
 * - {@link resetPassword}: a generated one-time password, shown once to whoever asked, valid for
 *   {@link ONE_TIME_PASSWORD_TTL_MS}; all the user's sessions end. Until the user picks their own
 *   password, a session signed in with it can do nothing but that (lib/auth/request-session.ts).
 *
 * Both record an audit event (lib/auth/audit.ts); neither writes the password anywhere but its hash.
 */
import type { Database } from '@/lib/db/connection';
import { recordAuditEvent, type AuditAccount } from './audit';
import { hashPassword, verifyPassword } from './password';
import { checkNewPassword, type PasswordPolicyProblem } from './password-policy';
import { createSession, destroyUserSessions, type SessionPolicy } from './sessions';
import { checkThrottle, recordFailure, type ThrottleScope } from './throttle';
import { findCredentials, generatePassword, normalizeEmail, type User } from './users';

/** How long a one-time password from a reset works: long enough to pass it on, short enough to matter little if it leaks. */
export const ONE_TIME_PASSWORD_TTL_MS = 24 * 60 * 60 * 1000;

/** Where a change or reset came from, for the audit trail. */
export interface RecoveryClient {
  address: string | null;
  userAgent: string | null;
}

export interface ChangeOwnPasswordInput {
  email: string;
  currentPassword: string;
  newPassword: string;
  client: RecoveryClient;
  /** The stored id of the session asking (ValidSession.id), so the others can be counted apart. */
  currentSessionId?: string | null;
  now: Date;
  policy?: SessionPolicy;
}

export type ChangeOwnPasswordResult =
  | { kind: 'changed'; user: User; token: string; expiresAt: Date; otherSessionsEnded: number }
  | { kind: 'wrong-password' }
  | { kind: 'throttled'; scope: ThrottleScope; retryAfterMs: number }
  | { kind: 'unchanged' }
  | { kind: 'refused'; problem: PasswordPolicyProblem }
  | { kind: 'not-found' };

/**
 * Changes the signed-in user's password (see the module comment). `email` is the session's user;
 * a removed account answers `not-found`.
 */
export async function changeOwnPassword(database: Database, input: ChangeOwnPasswordInput): Promise<ChangeOwnPasswordResult> {
  const subject = { email: normalizeEmail(input.email), address: input.client.address };
  const verdict = await checkThrottle(database, subject, input.now);
  if (!verdict.allowed) return { kind: 'throttled', scope: verdict.scope, retryAfterMs: verdict.retryAfterMs };
  const credentials = await findCredentials(database, subject.email);
  if (credentials === null) return { kind: 'not-found' };
  if (!(await verifyPassword(input.currentPassword, credentials.passwordHash))) {
    await recordFailure(database, subject, input.now);
    return { kind: 'wrong-password' };
  }
  const { user } = credentials;
  const problem = checkNewPassword(input.newPassword, { email: user.email, name: user.name });
  if (problem !== null) return { kind: 'refused', problem };
  if (await verifyPassword(input.newPassword, credentials.passwordHash)) return { kind: 'unchanged' };

  const passwordHash = await hashPassword(input.newPassword);
  await database.db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_change_required: 0, password_expires_at: null, updated_at: input.now.getTime() })
    .where('id', '=', user.id)
    .execute();
  const others = await database.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', user.id)
    .where('id', '!=', input.currentSessionId ?? '')
    .executeTakeFirst();
  const otherSessionsEnded = Number(others?.count ?? 0);
  await destroyUserSessions(database, user.id);
  const session = await createSession(database, {
    userId: user.id,
    now: input.now,
    ip: input.client.address,
    userAgent: input.client.userAgent,
    ...(input.policy === undefined ? {} : { policy: input.policy }),
  });
  await recordAuditEvent(
    database,
    {
      type: 'password.changed',
      actor: user,
      subject: user,
      address: input.client.address,
      details: { forced: credentials.passwordChangeRequired, otherSessionsEnded },
    },
    input.now,
  );
  return { kind: 'changed', user, token: session.token, expiresAt: session.expiresAt, otherSessionsEnded };
}

export interface ResetPasswordInput {
  /** The account to reset, by email (the CLI) or id (the desk). */
  target: { email: string } | { id: string };
  /** Who asked: the admin's account in the desk, null on the command line. */
  actor: AuditAccount | null;
  via: 'desk' | 'cli';
  address?: string | null;
  now: Date;
}

export type ResetPasswordResult =
  | { kind: 'reset'; user: User; oneTimePassword: string; expiresAt: Date; sessionsEnded: number }
  | { kind: 'not-found' }
  | { kind: 'own-account' };

/**
 * Gives an account a new one-time password and ends all its sessions (see the module comment).
 * An admin cannot reset their own account this way (`own-account`): they change their password.
 */
export async function resetPassword(database: Database, input: ResetPasswordInput): Promise<ResetPasswordResult> {
  const select = database.db.selectFrom('users').select(['id', 'email']);
  const row = await ('id' in input.target
    ? select.where('id', '=', input.target.id)
    : select.where('email', '=', normalizeEmail(input.target.email))
  ).executeTakeFirst();
  if (row === undefined) return { kind: 'not-found' };
  if (input.actor !== null && input.actor.id === row.id) return { kind: 'own-account' };

  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const expiresAt = input.now.getTime() + ONE_TIME_PASSWORD_TTL_MS;
  await database.db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_change_required: 1, password_expires_at: expiresAt, updated_at: input.now.getTime() })
    .where('id', '=', row.id)
    .execute();
  const sessionsEnded = await destroyUserSessions(database, row.id);
  const credentials = await findCredentials(database, row.email);
  if (credentials === null) return { kind: 'not-found' };
  await recordAuditEvent(
    database,
    {
      type: 'password.reset',
      actor: input.actor,
      subject: credentials.user,
      address: input.address ?? null,
      details: { via: input.via, sessionsEnded, validUntil: new Date(expiresAt).toISOString() },
    },
    input.now,
  );
  return { kind: 'reset', user: credentials.user, oneTimePassword, expiresAt: new Date(expiresAt), sessionsEnded };
}
