/**
 * `npm run content -- user …`, run as a newsroom developer runs it: a child process with the
 * password on standard input.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { DatabaseConfig } from '@/lib/db/config';
import { verifyPassword } from '@/lib/auth/password';
import { createSession, validateSession } from '@/lib/auth/sessions';
import { findCredentials } from '@/lib/auth/users';
import { describeEachEngine } from '../data/engines';

const ROOT = path.resolve(__dirname, '../..');
const TSX_CLI = require.resolve('tsx/cli');
const PASSWORD = 'een wachtwoord van voldoende lengte';

function databaseUrl(config: DatabaseConfig): string {
  if (config.engine === 'sqlite') return `file:${config.filename}`;
  const url = new URL(config.url);
  if (config.schema !== undefined) url.searchParams.set('schema', config.schema);
  return url.toString();
}

describeEachEngine('the user CLI', (harness) => {
  let config: DatabaseConfig;
  beforeAll(() => {
    config = harness.freshConfig();
  });

  const cli = (args: string[], input?: string) => {
    const result = spawnSync(process.execPath, [TSX_CLI, 'scripts/content.ts', 'user', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl(config), DATABASE_SCHEMA: '' },
      input: input ?? '',
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const add = (email: string, input: string | undefined = `${PASSWORD}\n`, role = 'editor') =>
    cli(['add', '--email', email, '--name', 'Rita Redactie', '--role', role, '--password-stdin'], input);

  it('adds a user with the password from standard input, without its trailing newline', async () => {
    const result = add('Rita@Example.test');
    expect(result).toMatchObject({ status: 0, stdout: 'Added editor rita@example.test (Rita Redactie).\n' });
    const database = await harness.open(config);
    const stored = await findCredentials(database, 'rita@example.test');
    await expect(verifyPassword(PASSWORD, stored?.passwordHash ?? '')).resolves.toBe(true);
    await expect(verifyPassword(`${PASSWORD}\n`, stored?.passwordHash ?? '')).resolves.toBe(false);
  }, 60_000);

  it('refuses a duplicate email in another case with exit code 1', () => {
    const result = add('RITA@example.test');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('email: a user with this email already exists');
  }, 60_000);

  it.each([
    ['a short password', 'te kort\n', 'editor', 'password: must be at least 12 characters'],
    ['an unknown role', `${PASSWORD}\n`, 'hoofdredacteur', 'role: expected one of editor, admin'],
    ['a password that is only long', 'aaaaaaaaaaaa\n', 'editor', 'password: is too repetitive'],
    ['a common password with a year on it', 'Wachtwoord2026!\n', 'editor', 'password: is on the list of common and breached passwords'],
  ])('refuses %s with exit code 1 and names the field', (_label, input, role, message) => {
    const result = add('nieuw@example.test', input, role);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  }, 60_000);

  it('refuses to add without --password-stdin, with exit code 2 and the reason', () => {
    const result = cli(['add', '--email', 'nieuw@example.test', '--name', 'Nieuw', '--role', 'editor']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('pass --password-stdin and pipe the password in');
  }, 60_000);

  it('lists users: email, name, role and when they were created', () => {
    const result = cli(['list']);
    expect(result.status).toBe(0);
    const [header, row, ...rest] = result.stdout.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['EMAIL', 'NAME', 'ROLE', 'CREATED']);
    expect(row?.split(/\s{2,}/)).toEqual(['rita@example.test', 'Rita Redactie', 'editor', expect.stringMatching(/^\d{4}-\d\d-\d\dT/)]);
    expect(rest).toEqual([]);
    expect(result.stdout).not.toContain('scrypt');
  }, 60_000);

  it('resets a password: a one-time password on standard output only, every session ended, the event on standard error', async () => {
    const database = await harness.open(config);
    const user = await findCredentials(database, 'rita@example.test');
    const now = new Date();
    const { token } = await createSession(database, { userId: user?.user.id ?? '', now });

    const result = cli(['reset-password', '--email', 'Rita@Example.test']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^[A-Za-z0-9]{20}\n$/);
    const oneTime = result.stdout.trim();
    expect(result.stderr).toContain('Reset the password of rita@example.test (Rita Redactie); ended 1 session.');
    const auditLine = result.stderr.split('\n').find((line) => line.startsWith('{'));
    expect(JSON.parse(auditLine ?? '{}')).toMatchObject({ log: 'audit', event: 'password.reset', subject: { email: 'rita@example.test' }, details: { via: 'cli' } });
    expect(result.stderr).not.toContain(oneTime);

    expect(await validateSession(database, token, { now })).toBeNull();
    const stored = await findCredentials(database, 'rita@example.test');
    await expect(verifyPassword(PASSWORD, stored?.passwordHash ?? '')).resolves.toBe(false);
    await expect(verifyPassword(oneTime, stored?.passwordHash ?? '')).resolves.toBe(true);
    expect(stored?.passwordChangeRequired).toBe(true);
    const row = await database.db.selectFrom('audit_events').selectAll().where('type', '=', 'password.reset').executeTakeFirst();
    expect(row).toMatchObject({ actor_id: null, subject_email: 'rita@example.test' });
  }, 60_000);

  it.each([
    [['reset-password', '--email', 'niemand@example.test'], 'No desk account has the email niemand@example.test; nothing was changed.'],
    [['reset-password', '--email', 'geen adres'], '"geen adres" is not an email address'],
  ])('refuses %j with exit code 1 and says why, changing nothing', (args, message) => {
    const result = cli(args);
    expect(result).toMatchObject({ status: 1, stdout: '' });
    expect(result.stderr).toContain(message);
  }, 60_000);

  it('says plainly when the database cannot be reached, with exit code 1', () => {
    const result = spawnSync(process.execPath, [TSX_CLI, 'scripts/content.ts', 'user', 'reset-password', '--email', 'rita@example.test'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/sportnieuws', DATABASE_SCHEMA: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the database cannot be reached');
  }, 60_000);

  it('removes a user and their sessions; an unknown email exits 1', async () => {
    const database = await harness.open(config);
    const user = await findCredentials(database, 'rita@example.test');
    const now = new Date();
    const { token } = await createSession(database, { userId: user?.user.id ?? '', now });

    expect(cli(['remove', '--email', 'Rita@example.test'])).toMatchObject({ status: 0 });
    expect(await validateSession(database, token, { now })).toBeNull();
    expect(await database.db.selectFrom('sessions').select('id').execute()).toEqual([]);
    expect(cli(['remove', '--email', 'rita@example.test']).status).toBe(1);
  }, 60_000);

  it.each([
    [['frobnicate'], 'unknown user command'],
    [[], 'user needs add, list, remove or reset-password'],
    [['reset-password'], 'user reset-password needs --email'],
    [['reset-password', '--email', 'rita@example.test', '--password-stdin'], '--password-stdin does not apply to user reset-password'],
    [['remove'], 'user remove needs --email'],
    [['list', '--role', 'admin'], '--role does not apply to user list'],
  ])('answers a wrong command line %j with exit code 2', (args, message) => {
    const result = cli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  }, 60_000);
});
