/**
 * Server-side desk sessions.
 *
 * The browser holds a random token (32 bytes, base64url); the database holds only its SHA-256, so
 * the sessions table (or a backup of it) cannot be turned back into working cookies. Hashing
 * without a salt is enough here: the token has 256 bits of entropy, nothing to guess.
 *
 * A session ends at whichever comes first:
 * - idle timeout: no request for SESSION_IDLE_MINUTES (default 120);
 * - absolute lifetime: 12 hours after sign-in, however active;
 * - sign-out, or the user's removal.
 * Activity is written back (`last_seen_at`) at most once a minute, so a desk page does not write to
 * the database on every request; the idle window is therefore measured from the last write, which
 * may be up to a minute before the last request.
 *
 * Every function takes the clock as `now`, so tests control time.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@/lib/db/connection';
import { isRole, type Role } from './roles';

export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_SESSION_IDLE_MINUTES = 120;
/** How stale `last_seen_at` may get before a request writes it again. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

const TOKEN_BYTES = 32;
/** 32 bytes in unpadded base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The idle timeout from SESSION_IDLE_MINUTES: a whole number of minutes from 1 up to the absolute
 * lifetime. Anything else is a configuration mistake and throws.
 */
export function sessionIdleMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.SESSION_IDLE_MINUTES?.trim();
  if (!raw) return DEFAULT_SESSION_IDLE_MINUTES * 60 * 1000;
  const minutes = Number(raw);
  if (!/^[0-9]+$/.test(raw) || minutes < 1 || minutes * 60 * 1000 > SESSION_ABSOLUTE_LIFETIME_MS) {
    throw new Error(`SESSION_IDLE_MINUTES "${raw}" must be a whole number of minutes from 1 to ${SESSION_ABSOLUTE_LIFETIME_MS / 60_000}`);
  }
  return minutes * 60 * 1000;
}

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export function sessionPolicy(env?: Readonly<Record<string, string | undefined>>): SessionPolicy {
  return { idleMs: sessionIdleMs(env), absoluteMs: SESSION_ABSOLUTE_LIFETIME_MS };
}

/** The stored id of a token: SHA-256, hex. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ValidSession {
  /** The stored id (the token's hash), never the token. */
  id: string;
  user: SessionUser;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /**
   * The user signed in with a one-time password from an admin reset and has not chosen their own
   * yet: this session may only change the password (lib/auth/request-session.ts enforces it).
   */
  passwordChangeRequired: boolean;
}

export interface NewSession {
  /** For the cookie only; it is not stored anywhere. */
  token: string;
  expiresAt: Date;
}

export interface CreateSessionInput {
  userId: string;
  now: Date;
  ip?: string | null;
  userAgent?: string | null;
  policy?: SessionPolicy;
}

const USER_AGENT_MAX_LENGTH = 512;

/**
 * Starts a session for `userId` and returns its token. Also clears out sessions that have ended
 * (idle or absolute), so the table does not grow with abandoned sign-ins.
 */
export async function createSession(database: Database, input: CreateSessionInput): Promise<NewSession> {
  const policy = input.policy ?? sessionPolicy();
  const now = input.now.getTime();
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const expiresAt = now + policy.absoluteMs;
  await database.db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - policy.idleMs)]))
    .execute();
  await database.db
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      user_id: input.userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: input.ip ?? null,
      user_agent: input.userAgent ? input.userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
    })
    .execute();
  return { token, expiresAt: new Date(expiresAt) };
}

/**
 * The session a token belongs to, with its user, or null when the token is malformed, unknown or
 * the session has ended (an ended session's row is deleted). A valid session's `last_seen_at` is
 * moved to `now` when it is at least a minute old.
 */
export async function validateSession(
  database: Database,
  token: string | null | undefined,
  options: { now: Date; policy?: SessionPolicy },
): Promise<ValidSession | null> {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
  const policy = options.policy ?? sessionPolicy();
  const now = options.now.getTime();
  const id = sessionIdOf(token);
  const row = await database.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as id',
      'sessions.created_at as created_at',
      'sessions.last_seen_at as last_seen_at',
      'sessions.expires_at as expires_at',
      'users.id as user_id',
      'users.email as email',
      'users.name as name',
      'users.role as role',
      'users.password_change_required as password_change_required',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return null;
  if (now >= row.expires_at || now - row.last_seen_at >= policy.idleMs || !isRole(row.role)) {
    await database.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  let lastSeenAt = row.last_seen_at;
  if (now - row.last_seen_at >= SESSION_TOUCH_INTERVAL_MS) {
    await database.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
    lastSeenAt = now;
  }
  return {
    id,
    user: { id: row.user_id, email: row.email, name: row.name, role: row.role },
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(lastSeenAt),
    expiresAt: new Date(row.expires_at),
    passwordChangeRequired: row.password_change_required === 1,
  };
}

/** Ends the session of this token (sign-out). Unknown or malformed tokens are ignored. */
export async function destroySession(database: Database, token: string | null | undefined): Promise<void> {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return;
  await database.db.deleteFrom('sessions').where('id', '=', sessionIdOf(token)).execute();
}

/** Ends every session of a user (password change, removal, "sign out everywhere"). Returns how many. */
export async function destroyUserSessions(database: Database, userId: string): Promise<number> {
  const result = await database.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
