/**
 * One sign-in attempt, from submitted credentials to a new session, independent of Next (the
 * Server Action sets the cookie). The order matters:
 *
 * 1. throttled? → refuse without looking at the password (no oracle while locked out);
 * 2. unknown account → spend a dummy verification, count a failure, answer exactly as for a wrong
 *    password, so neither the answer nor its timing says whether the account exists;
 * 3. wrong password → count a failure;
 * 4. right password → clear the (account, address) pair's counter and remember the address as one
 *    the account signs in from (lib/auth/throttle.ts), upgrade an old hash, start a session.
 *
 * A one-time password (lib/auth/recovery.ts) past its expiry counts as wrong. Every success and
 * failure is an audit event (lib/auth/audit.ts), with the attempted email only when it is shaped
 * like one; so is the failure that trips a throttle limit (`sign-in.throttled`), but not each
 * attempt refused while it holds.
 */
import type { Database } from '@/lib/db/connection';
import { recordAuditEvent } from './audit';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './password';
import { createSession, type SessionPolicy } from './sessions';
import { checkThrottle, recordFailure, recordSuccess, THROTTLE_RULES, type ThrottleScope } from './throttle';
import { EMAIL_MAX_LENGTH, findCredentials, normalizeEmail, updatePasswordHash, type User } from './users';

export interface SignInInput {
  email: string;
  password: string;
  address: string | null;
  userAgent: string | null;
  now: Date;
  policy?: SessionPolicy;
}

export type SignInResult =
  | { kind: 'signed-in'; user: User; token: string; expiresAt: Date; passwordChangeRequired: boolean }
  | { kind: 'invalid' }
  | { kind: 'throttled'; scope: ThrottleScope; retryAfterMs: number };

export async function signIn(database: Database, input: SignInInput): Promise<SignInResult> {
  const email = normalizeEmail(input.email).slice(0, EMAIL_MAX_LENGTH + 1);
  const subject = { email, address: input.address };
  const verdict = await checkThrottle(database, subject, input.now);
  // Refused attempts are not recorded one by one: they cost an attacker no hashing, so recording
  // each would let anyone fill the audit table. The trip that started the refusals is recorded.
  if (!verdict.allowed) return { kind: 'throttled', scope: verdict.scope, retryAfterMs: verdict.retryAfterMs };

  const credentials = email.length > 0 && email.length <= EMAIL_MAX_LENGTH ? await findCredentials(database, email) : null;
  // verifyPassword refuses (without hashing) anything over the maximum length, for real and dummy alike.
  const { password } = input;
  const matches = credentials === null ? await dummyVerify(password) : await verifyPassword(password, credentials.passwordHash);
  // A one-time password past its time is as good as a wrong one, and answers the same.
  const expired = credentials?.passwordExpiresAt != null && input.now.getTime() >= credentials.passwordExpiresAt.getTime();
  if (credentials === null || !matches || expired) {
    const tripped = await recordFailure(database, subject, input.now);
    await recordAuditEvent(
      database,
      {
        type: 'sign-in.failed',
        actor: null,
        subject: credentials === null ? { id: null, email } : credentials.user,
        address: input.address,
        details: { reason: credentials === null ? 'unknown account' : matches ? 'one-time password expired' : 'wrong password' },
      },
      input.now,
    );
    for (const scope of tripped) {
      const rule = THROTTLE_RULES[scope];
      await recordAuditEvent(
        database,
        {
          type: 'sign-in.throttled',
          actor: null,
          subject: credentials === null ? { id: null, email } : credentials.user,
          address: input.address,
          details: { scope, failures: rule.limit, windowMinutes: rule.windowMs / 60_000 },
        },
        input.now,
      );
    }
    return { kind: 'invalid' };
  }

  await recordSuccess(database, subject, input.now);
  if (needsRehash(credentials.passwordHash)) {
    await updatePasswordHash(database, credentials.user.id, await hashPassword(password), { now: input.now });
  }
  const session = await createSession(database, {
    userId: credentials.user.id,
    now: input.now,
    ip: input.address,
    userAgent: input.userAgent,
    ...(input.policy === undefined ? {} : { policy: input.policy }),
  });
  await recordAuditEvent(
    database,
    {
      type: 'sign-in.succeeded',
      // The account signed itself in; for a failure nobody is known to be at the keyboard.
      actor: credentials.user,
      subject: credentials.user,
      address: input.address,
      details: credentials.passwordChangeRequired ? { mustChangeFirst: true } : {},
    },
    input.now,
  );
  return {
    kind: 'signed-in',
    user: credentials.user,
    token: session.token,
    expiresAt: session.expiresAt,
    passwordChangeRequired: credentials.passwordChangeRequired,
  };
}
