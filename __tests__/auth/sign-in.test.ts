import { randomBytes, scryptSync } from 'node:crypto';
import type { Database } from '@/lib/db/connection';
import { signIn } from '@/lib/auth/sign-in';
import { validateSession } from '@/lib/auth/sessions';
import { createUser, findCredentials } from '@/lib/auth/users';
import { describeEachEngine } from '../data/engines';

const T0 = new Date('2026-11-23T08:00:00Z');
const LAST_WEEK = new Date(T0.getTime() - 7 * 24 * 60 * 60 * 1000);
const PASSWORD = 'a long enough password';
const ATTACKER = '203.0.113.7';
const OFFICE = '198.51.100.1';

describeEachEngine('signing in', (harness) => {
  let database: Database;
  beforeAll(async () => {
    database = await harness.fresh();
    await createUser(database, { email: 'rita@example.test', name: 'Rita Redactie', role: 'editor', password: PASSWORD }, { now: T0 });
  });
  beforeEach(async () => {
    await database.db.deleteFrom('sign_in_attempts').execute();
  });

  const attempt = (email: string, password: string, address = ATTACKER) =>
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

  it('locks an address out of an account after 5 failures, even for the right password, without checking it', async () => {
    for (let i = 0; i < 5; i += 1) expect((await attempt('rita@example.test', 'wrong password here')).kind).toBe('invalid');
    expect(await attempt('rita@example.test', PASSWORD)).toMatchObject({ kind: 'throttled', scope: 'pair' });
  });

  it('does not let someone who knows an editor’s email lock the editor out', async () => {
    // The editor signed in from the office last week.
    expect((await signIn(database, { email: 'rita@example.test', password: PASSWORD, address: OFFICE, userAgent: 'Jest', now: LAST_WEEK })).kind).toBe('signed-in');
    // Then someone sprays wrong passwords at the account from their own address and from 30 others.
    for (let i = 0; i < 10; i += 1) await attempt('rita@example.test', 'wrong password here', ATTACKER);
    for (let i = 0; i < 30; i += 1) await attempt('rita@example.test', 'wrong password here', `192.0.2.${i + 1}`);
    expect(await attempt('rita@example.test', PASSWORD, ATTACKER)).toMatchObject({ kind: 'throttled', scope: 'pair' });
    expect(await attempt('rita@example.test', PASSWORD, '192.0.2.200')).toMatchObject({ kind: 'throttled', scope: 'account' });
    // The editor, at the office, still gets in.
    expect((await attempt('rita@example.test', PASSWORD, OFFICE)).kind).toBe('signed-in');
  });

  it('lets the editor in from a new address while one address hammers the account', async () => {
    for (let i = 0; i < 10; i += 1) await attempt('rita@example.test', 'wrong password here', ATTACKER);
    expect((await attempt('rita@example.test', PASSWORD, '198.51.100.77')).kind).toBe('signed-in');
  });

  it('throttles unknown accounts exactly like real ones', async () => {
    for (let i = 0; i < 5; i += 1) await attempt('nobody@example.test', 'wrong password here');
    expect(await attempt('nobody@example.test', PASSWORD)).toMatchObject({ kind: 'throttled', scope: 'pair' });
    for (let i = 0; i < 20; i += 1) await attempt('nobody@example.test', 'wrong password here', `192.0.2.${i + 1}`);
    expect(await attempt('nobody@example.test', PASSWORD, '192.0.2.200')).toMatchObject({ kind: 'throttled', scope: 'account' });
  });

  it('runs the same statements for a wrong password on a real account as for an account that does not exist', async () => {
    const statements = async (email: string) => {
      const seen: string[] = [];
      const logged: Database = {
        ...database,
        db: database.db.withPlugin({
          transformQuery: ({ node }) => {
            seen.push(node.kind);
            return node;
          },
          transformResult: async ({ result }) => result,
        }),
      };
      expect(await signIn(logged, { email, password: 'wrong password here', address: ATTACKER, userAgent: 'Jest', now: T0 })).toEqual({ kind: 'invalid' });
      return seen;
    };
    const real = await statements('rita@example.test');
    await database.db.deleteFrom('sign_in_attempts').execute();
    expect(await statements('nobody@example.test')).toEqual(real);
    // The throttle's reads and counters, then the audit trail's row (lib/auth/audit.ts).
    expect(real).toEqual(['SelectQueryNode', 'SelectQueryNode', 'InsertQueryNode', 'InsertQueryNode', 'InsertQueryNode', 'DeleteQueryNode', 'InsertQueryNode']);
  });

  it('clears the failures of the address after a successful sign-in from it', async () => {
    for (let i = 0; i < 4; i += 1) await attempt('rita@example.test', 'wrong password here');
    expect((await attempt('rita@example.test', PASSWORD)).kind).toBe('signed-in');
    for (let i = 0; i < 4; i += 1) await attempt('rita@example.test', 'wrong password here');
    expect((await attempt('rita@example.test', PASSWORD)).kind).toBe('signed-in');
  });

  it('records the client’s address on the session', async () => {
    const result = await attempt('rita@example.test', PASSWORD, '198.51.100.42');
    if (result.kind !== 'signed-in') throw new Error(`expected signed-in, got ${result.kind}`);
    const session = await validateSession(database, result.token, { now: T0 });
    const row = await database.db.selectFrom('sessions').select('ip').where('id', '=', session?.id ?? '').executeTakeFirst();
    expect(row?.ip).toBe('198.51.100.42');
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
