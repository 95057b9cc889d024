import { sql } from 'kysely';
import type { Database } from '@/lib/db/connection';
import {
  createSession,
  destroySession,
  destroyUserSessions,
  SESSION_ABSOLUTE_LIFETIME_MS,
  sessionIdleMs,
  sessionIdOf,
  validateSession,
  type SessionPolicy,
} from '@/lib/auth/sessions';
import { createUser, removeUser, type User } from '@/lib/auth/users';
import { describeEachEngine } from '../data/engines';

const T0 = new Date('2026-11-23T08:00:00Z');
const MINUTE = 60_000;
const POLICY: SessionPolicy = { idleMs: 120 * MINUTE, absoluteMs: SESSION_ABSOLUTE_LIFETIME_MS };
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('SESSION_IDLE_MINUTES', () => {
  it.each<[string | undefined, number | 'throws']>([
    [undefined, 120 * MINUTE],
    ['', 120 * MINUTE],
    ['30', 30 * MINUTE],
    ['720', 720 * MINUTE],
    ['0', 'throws'],
    ['721', 'throws'],
    ['1.5', 'throws'],
    ['soon', 'throws'],
  ])('%p → %p', (value, expected) => {
    const read = () => sessionIdleMs({ SESSION_IDLE_MINUTES: value });
    if (expected === 'throws') expect(read).toThrow(/SESSION_IDLE_MINUTES/);
    else expect(read()).toBe(expected);
  });
});

describeEachEngine('desk sessions', (harness) => {
  let database: Database;
  let user: User;
  beforeAll(async () => {
    database = await harness.fresh();
    user = await createUser(database, { email: 'rita@example.test', name: 'Rita Redactie', role: 'editor', password: 'a long enough password' }, { now: T0 });
  });

  const start = (now = T0) => createSession(database, { userId: user.id, now, ip: '203.0.113.7', userAgent: 'Jest', policy: POLICY });
  const validate = (token: string, now: Date) => validateSession(database, token, { now, policy: POLICY });
  const storedRow = (token: string) => database.db.selectFrom('sessions').selectAll().where('id', '=', sessionIdOf(token)).executeTakeFirst();

  it('creates a session whose token is 32 random bytes in base64url, valid at once, with the user', async () => {
    const { token, expiresAt } = await start();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(expiresAt).toEqual(at(SESSION_ABSOLUTE_LIFETIME_MS));
    const session = await validate(token, T0);
    expect(session?.user).toEqual({ id: user.id, email: 'rita@example.test', name: 'Rita Redactie', role: 'editor' });
  });

  it('never stores the token itself: the row is keyed by its SHA-256, and no column holds the token', async () => {
    const { token } = await start();
    const row = await storedRow(token);
    expect(row?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(row).toMatchObject({ user_id: user.id, created_at: T0.getTime(), last_seen_at: T0.getTime(), ip: '203.0.113.7', user_agent: 'Jest' });
    const { rows } = await sql<Record<string, unknown>>`select * from sessions`.execute(database.db);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it.each([
    ['a minute before the idle timeout', 119 * MINUTE, true],
    ['1 ms before the idle timeout', 120 * MINUTE - 1, true],
    ['exactly at the idle timeout', 120 * MINUTE, false],
    ['1 ms after the idle timeout', 120 * MINUTE + 1, false],
  ])('with no activity %s (%d ms), the session is valid: %p', async (_label, idle, valid) => {
    const { token } = await start();
    const session = await validate(token, at(idle));
    expect(session !== null).toBe(valid);
    // An ended session is deleted, so it stays ended even if the clock were turned back.
    if (!valid) expect(await storedRow(token)).toBeUndefined();
  });

  it('ends after 12 hours however active the editor is', async () => {
    const { token } = await start();
    for (let hour = 1; hour < 12; hour += 1) expect(await validate(token, at(hour * 60 * MINUTE))).not.toBeNull();
    expect(await validate(token, at(SESSION_ABSOLUTE_LIFETIME_MS - 1))).not.toBeNull();
    expect(await validate(token, at(SESSION_ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it('writes activity back at most once a minute, and counts idle time from the last write', async () => {
    const { token } = await start();
    await validate(token, at(30_000));
    expect((await storedRow(token))?.last_seen_at).toBe(T0.getTime());
    await validate(token, at(59_999));
    expect((await storedRow(token))?.last_seen_at).toBe(T0.getTime());
    await validate(token, at(MINUTE));
    expect((await storedRow(token))?.last_seen_at).toBe(at(MINUTE).getTime());
    // Active at minute 1, so still valid 120 minutes after sign-in.
    expect(await validate(token, at(120 * MINUTE))).not.toBeNull();
  });

  it.each([
    ['an unknown token', 'A'.repeat(43)],
    ['a token of the wrong shape', 'not-a-token'],
    ['the stored id instead of the token', 'x'],
    ['an empty token', ''],
  ])('rejects %s', async (_label, token) => {
    const { token: real } = await start();
    const presented = token === 'x' ? sessionIdOf(real) : token;
    expect(await validate(presented, T0)).toBeNull();
  });

  it('ends one session on sign-out and leaves the others', async () => {
    const first = await start();
    const second = await start();
    await destroySession(database, first.token);
    expect(await validate(first.token, T0)).toBeNull();
    expect(await validate(second.token, T0)).not.toBeNull();
  });

  it('ends every session of a user at once', async () => {
    const tokens = [await start(), await start()].map((session) => session.token);
    expect(await destroyUserSessions(database, user.id)).toBeGreaterThanOrEqual(2);
    for (const token of tokens) expect(await validate(token, T0)).toBeNull();
  });

  it('clears out ended sessions when a new one starts', async () => {
    const old = await start();
    await start(at(13 * 60 * MINUTE));
    expect(await storedRow(old.token)).toBeUndefined();
  });

  it('ends the sessions of a removed user', async () => {
    const other = await createUser(database, { email: 'tijdelijk@example.test', name: 'Tijdelijk', role: 'admin', password: 'another long password' }, { now: T0 });
    const { token } = await createSession(database, { userId: other.id, now: T0, policy: POLICY });
    await removeUser(database, 'Tijdelijk@Example.test');
    expect(await validate(token, T0)).toBeNull();
    expect(await storedRow(token)).toBeUndefined();
  });
});
