import type { Database } from '@/lib/db/connection';
import { addAccount, changeAccountRole, removeAccount } from '@/lib/desk/admin/users';
import { PASSWORD_MIN_LENGTH, verifyPassword } from '@/lib/auth/password';
import { createSession, validateSession } from '@/lib/auth/sessions';
import { createUser, findCredentials, findUserByEmail, generatePassword, GENERATED_PASSWORD_LENGTH } from '@/lib/auth/users';
import { describeEachEngine } from '../data/engines';

const NOW = new Date('2026-11-23T08:00:00Z');
const PASSWORD = 'a long enough password';

describe('generated passwords', () => {
  it('are 20 characters without look-alikes, and differ every time', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword());
    for (const password of passwords) {
      expect(password).toHaveLength(GENERATED_PASSWORD_LENGTH);
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]+$/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
    expect(GENERATED_PASSWORD_LENGTH).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
  });
});

describeEachEngine('managing accounts from the desk', (harness) => {
  let database: Database;
  let adminId: string;
  beforeEach(async () => {
    database = await harness.fresh();
    adminId = (await createUser(database, { email: 'admin@example.test', name: 'Ada Admin', role: 'admin', password: PASSWORD }, { now: NOW })).id;
  });

  it('adds an account with a typed password', async () => {
    const outcome = await addAccount(database, { email: ' Rita@Example.test', name: 'Rita', role: 'editor', password: PASSWORD }, NOW);
    expect(outcome).toMatchObject({ ok: true, tags: [], value: { user: { email: 'rita@example.test', role: 'editor' }, generatedPassword: null } });
    const credentials = await findCredentials(database, 'rita@example.test');
    expect(await verifyPassword(PASSWORD, credentials?.passwordHash ?? '')).toBe(true);
  });

  it('generates a password when the field is left empty, and that password signs in', async () => {
    const outcome = await addAccount(database, { email: 'piet@example.test', name: 'Piet', role: 'admin', password: '' }, NOW);
    if (!outcome.ok) throw new Error('expected success');
    const generated = outcome.value.generatedPassword;
    expect(generated).toHaveLength(GENERATED_PASSWORD_LENGTH);
    const credentials = await findCredentials(database, 'piet@example.test');
    expect(await verifyPassword(generated ?? '', credentials?.passwordHash ?? '')).toBe(true);
  });

  it.each<[string, { email: string; name: string; role: string; password: string }, Array<{ field: string; code: string }>]>([
    ['an empty email', { email: ' ', name: 'X', role: 'editor', password: PASSWORD }, [{ field: 'email', code: 'required' }]],
    ['a bad email', { email: 'not-an-email', name: 'X', role: 'editor', password: PASSWORD }, [{ field: 'email', code: 'invalidEmail' }]],
    ['a taken email (any case)', { email: 'ADMIN@example.test', name: 'X', role: 'editor', password: PASSWORD }, [{ field: 'email', code: 'emailTaken' }]],
    ['an empty name', { email: 'x@example.test', name: '', role: 'editor', password: PASSWORD }, [{ field: 'name', code: 'required' }]],
    ['an unknown role', { email: 'x@example.test', name: 'X', role: 'owner', password: PASSWORD }, [{ field: 'role', code: 'invalid' }]],
    ['a short password', { email: 'x@example.test', name: 'X', role: 'editor', password: 'kort' }, [{ field: 'password', code: 'passwordTooShort' }]],
    [
      'everything wrong at once',
      { email: 'nope', name: '', role: '', password: 'x' },
      [
        { field: 'email', code: 'invalidEmail' },
        { field: 'name', code: 'required' },
        { field: 'role', code: 'invalid' },
        { field: 'password', code: 'passwordTooShort' },
      ],
    ],
  ])('refuses %s, naming each field', async (_label, input, expected) => {
    const outcome = await addAccount(database, input, NOW);
    expect(outcome.ok ? [] : outcome.problems).toEqual(expected.map((problem) => expect.objectContaining(problem)));
  });

  it('changes another account’s role, effective for its open session at once', async () => {
    const rita = await createUser(database, { email: 'rita@example.test', name: 'Rita', role: 'editor', password: PASSWORD }, { now: NOW });
    const { token } = await createSession(database, { userId: rita.id, now: NOW });
    const outcome = await changeAccountRole(database, { userId: rita.id, role: 'admin', actingUserId: adminId }, NOW);
    expect(outcome).toMatchObject({ ok: true, value: { role: 'admin' } });
    expect((await validateSession(database, token, { now: NOW }))?.user.role).toBe('admin');
  });

  it('refuses to change the acting admin’s own role, or an unknown role or account', async () => {
    expect(await changeAccountRole(database, { userId: adminId, role: 'editor', actingUserId: adminId }, NOW)).toEqual({ ok: false, problems: [{ field: 'form', code: 'ownAccount' }] });
    expect((await findUserByEmail(database, 'admin@example.test'))?.role).toBe('admin');
    expect(await changeAccountRole(database, { userId: 'nobody', role: 'editor', actingUserId: adminId }, NOW)).toEqual({ ok: false, problems: [{ field: 'form', code: 'notFound' }] });
    expect(await changeAccountRole(database, { userId: 'nobody', role: 'root', actingUserId: adminId }, NOW)).toEqual({ ok: false, problems: [{ field: 'role', code: 'invalid' }] });
  });

  it('removes another account and ends its sessions, but never the acting admin’s own', async () => {
    const rita = await createUser(database, { email: 'rita@example.test', name: 'Rita', role: 'editor', password: PASSWORD }, { now: NOW });
    const { token } = await createSession(database, { userId: rita.id, now: NOW });
    expect(await removeAccount(database, { userId: rita.id, actingUserId: adminId })).toMatchObject({ ok: true, value: { email: 'rita@example.test' } });
    expect(await validateSession(database, token, { now: NOW })).toBeNull();
    expect(await findUserByEmail(database, 'rita@example.test')).toBeNull();

    expect(await removeAccount(database, { userId: adminId, actingUserId: adminId })).toEqual({ ok: false, problems: [{ field: 'form', code: 'ownAccount' }] });
    expect(await findUserByEmail(database, 'admin@example.test')).not.toBeNull();
    expect(await removeAccount(database, { userId: rita.id, actingUserId: adminId })).toEqual({ ok: false, problems: [{ field: 'form', code: 'notFound' }] });
  });
});
