import type { Database } from '@/lib/db/connection';
import { verifyPassword } from '@/lib/auth/password';
import { can, PERMISSIONS, type Permission, type Role } from '@/lib/auth/roles';
import { createUser, findCredentials, findUserByEmail, listUsers, removeUser, UserInputError } from '@/lib/auth/users';
import { describeEachEngine } from '../data/engines';

const NOW = new Date('2026-11-23T08:00:00Z');
const PASSWORD = 'a long enough password';

describe('roles', () => {
  it.each<[Role, Permission, boolean]>([
    ['editor', 'articles.edit', true],
    ['editor', 'users.manage', false],
    ['editor', 'sections.manage', false],
    ['editor', 'authors.manage', false],
    ...PERMISSIONS.map((permission): [Role, Permission, boolean] => ['admin', permission, true]),
  ])('%s may %s: %p', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });
});

describeEachEngine('desk accounts', (harness) => {
  let database: Database;
  beforeAll(async () => {
    database = await harness.fresh();
  });

  const problemsOf = async (work: Promise<unknown>) => {
    const error: unknown = await work.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof UserInputError)) throw new Error(`expected a UserInputError, got ${String(error)}`);
    return error.problems;
  };

  it('creates an account with a lowercased email and a hashed password', async () => {
    const user = await createUser(database, { email: '  Rita@Example.TEST ', name: ' Rita Redactie ', role: 'editor', password: PASSWORD }, { now: NOW });
    expect(user).toMatchObject({ email: 'rita@example.test', name: 'Rita Redactie', role: 'editor', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    const credentials = await findCredentials(database, 'rita@example.test');
    expect(credentials?.passwordHash).toMatch(/^scrypt\$15\$8\$1\$/);
    await expect(verifyPassword(PASSWORD, credentials?.passwordHash ?? '')).resolves.toBe(true);
  });

  it.each(['rita@example.test', 'RITA@EXAMPLE.TEST', 'Rita@Example.Test'])('refuses a second account for %s (emails compare case-insensitively)', async (email) => {
    expect(await problemsOf(createUser(database, { email, name: 'Dubbel', role: 'admin', password: PASSWORD }, { now: NOW }))).toEqual([
      { path: 'email', message: 'a user with this email already exists' },
    ]);
  });

  it.each([
    ['an invalid role', { role: 'owner' }, 'role'],
    ['an empty role', { role: '' }, 'role'],
    ['an invalid email', { email: 'rita-at-example' }, 'email'],
    ['an empty name', { name: '   ' }, 'name'],
    ['a short password', { password: 'elf tekens!' }, 'password'],
  ])('refuses %s, naming the field', async (_label, change, field) => {
    const input = { email: 'nieuw@example.test', name: 'Nieuw', role: 'editor', password: PASSWORD, ...change };
    const problems = await problemsOf(createUser(database, input, { now: NOW }));
    expect(problems.map((problem) => problem.path)).toEqual([field]);
    expect(await findUserByEmail(database, 'nieuw@example.test')).toBeNull();
  });

  it('lists accounts by email, without password hashes', async () => {
    await createUser(database, { email: 'admin@example.test', name: 'Anne Admin', role: 'admin', password: PASSWORD }, { now: NOW });
    const users = await listUsers(database);
    expect(users.map((user) => [user.email, user.role])).toEqual([
      ['admin@example.test', 'admin'],
      ['rita@example.test', 'editor'],
    ]);
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });

  it('finds an account by email in any case', async () => {
    expect((await findUserByEmail(database, 'ADMIN@example.test'))?.name).toBe('Anne Admin');
    expect(await findUserByEmail(database, 'nobody@example.test')).toBeNull();
  });

  it('removes an account and reports an unknown one as null', async () => {
    expect((await removeUser(database, 'Admin@Example.test'))?.email).toBe('admin@example.test');
    expect(await removeUser(database, 'admin@example.test')).toBeNull();
    expect((await listUsers(database)).map((user) => user.email)).toEqual(['rita@example.test']);
  });
});
