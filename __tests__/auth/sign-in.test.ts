import { randomBytes, scryptSync } from 'node:crypto';
import type { Database } from '@/lib/db/connection';
import { signIn } from '@/lib/auth/sign-in';
import { validateSession } from '@/lib/auth/sessions';
import { createUser, findCredentials } from '@/lib/auth/users';
import { describeEachEngine } from '../data/engines';

const T0 = new Date('2026-11-23T08:00:00Z');
const PASSWORD = 'a long enough password';

describeEachEngine('signing in', (harness) => {
  let database: Database;
  beforeAll(async () => {
    database = await harness.fresh();
    await createUser(database, { email: 'rita@example.test', name: 'Rita Redactie', role: 'editor', password: PASSWORD }, { now: T0 });
  });
  beforeEach(async () => {
    await database.db.deleteFrom('sign_in_attempts').execute();
  });

  const attempt = (email: string, password: string, address = '203.0.113.7') =>
    signIn(database, { email, password, address, userAgent: 'Jest', now: T0 });

  it('starts a session for the right password, whatever the email’s case', async () => {
    const result = await attempt('Rita@Example.test', PASSWORD);
    if (result.kind !== 'signed-in') throw new Error(`expected signed-in, got ${result.kind}`);
    expect(result.user.email).toBe('rita@example.test');
    expect((await validateSession(database, result.token, { now: T0 }))?.user.name).toBe('Rita Redactie');
  });

  it('answers a wrong password and an unknown account identically', async () => {
    expect(await attempt('rita@example.test', 'not the password at all')).toEqual({ kind: 'invalid' });
    expect(await attempt('nobody@example.test', PASSWORD)).toEqual({ kind: 'invalid' });
    expect(await attempt('', '')).toEqual({ kind: 'invalid' });
  });

  it('locks an account after 5 failures, even for the right password, without checking it', async () => {
    for (let i = 0; i < 5; i += 1) expect((await attempt('rita@example.test', 'wrong password here')).kind).toBe('invalid');
    expect(await attempt('rita@example.test', PASSWORD)).toMatchObject({ kind: 'throttled', scope: 'account' });
  });

  it('throttles unknown accounts exactly like real ones', async () => {
    for (let i = 0; i < 5; i += 1) await attempt('nobody@example.test', 'wrong password here');
    expect(await attempt('nobody@example.test', PASSWORD)).toMatchObject({ kind: 'throttled', scope: 'account' });
  });

  it('clears the account’s failures after a successful sign-in', async () => {
    for (let i = 0; i < 4; i += 1) await attempt('rita@example.test', 'wrong password here');
    expect((await attempt('rita@example.test', PASSWORD)).kind).toBe('signed-in');
    for (let i = 0; i < 4; i += 1) await attempt('rita@example.test', 'wrong password here');
    expect((await attempt('rita@example.test', PASSWORD)).kind).toBe('signed-in');
  });

  it('upgrades a hash with older parameters on the next successful sign-in', async () => {
    const salt = randomBytes(16);
    const weak = scryptSync(PASSWORD, salt, 64, { N: 2 ** 14, r: 8, p: 1 });
    const user = await createUser(database, { email: 'oud@example.test', name: 'Oud', role: 'editor', password: PASSWORD }, { now: T0 });
    await database.db
      .updateTable('users')
      .set({ password_hash: `scrypt$14$8$1$${salt.toString('base64')}$${weak.toString('base64')}` })
      .where('id', '=', user.id)
      .execute();
    expect((await attempt('oud@example.test', PASSWORD)).kind).toBe('signed-in');
    expect((await findCredentials(database, 'oud@example.test'))?.passwordHash).toMatch(/^scrypt\$15\$8\$1\$/);
  });
});
