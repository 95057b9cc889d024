import type { Database } from '@/lib/db/connection';
import { captureAuditLog, listAuditEvents } from '@/lib/auth/audit';
import { changeOwnPassword, ONE_TIME_PASSWORD_TTL_MS, resetPassword } from '@/lib/auth/recovery';
import { createSession, validateSession } from '@/lib/auth/sessions';
import { signIn } from '@/lib/auth/sign-in';
import { createUser, findCredentials, type User } from '@/lib/auth/users';
import { addAccount, changeAccountRole, changeOwnAccountPassword, removeAccount, resetAccountPassword } from '@/lib/desk/admin/users';
import { describeEachEngine } from '../data/engines';

const T0 = new Date('2026-11-30T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const PASSWORD = 'zeven ijsvogels op een rij';
const NEW_PASSWORD = 'Trapveldje-Oost-Hagelslag';
const OFFICE = { address: '198.51.100.1', userAgent: 'Jest' };

describeEachEngine('account recovery', (harness) => {
  let database: Database;
  let editor: User;
  let admin: User;
  let logLines: string[];
  let restoreLog: () => void;

  beforeEach(async () => {
    database = await harness.fresh();
    editor = await createUser(database, { email: 'merel@example.test', name: 'Merel Jansen', role: 'editor', password: PASSWORD }, { now: T0 });
    admin = await createUser(database, { email: 'chef@example.test', name: 'Chef Redactie', role: 'admin', password: 'fietsbel plakband kompas' }, { now: T0 });
    logLines = [];
    restoreLog = captureAuditLog((line) => logLines.push(line));
  });
  afterEach(() => restoreLog());

  const startSession = (user: User, now = T0) => createSession(database, { userId: user.id, now, ip: OFFICE.address, userAgent: 'Jest' });
  const isValid = async (token: string, now = T0) => (await validateSession(database, token, { now })) !== null;
  const change = (currentPassword: string, newPassword: string, now = T0) =>
    changeOwnPassword(database, { email: editor.email, currentPassword, newPassword, client: OFFICE, now });

  describe('changing one’s own password', () => {
    it('needs the current password, ends every other session, and rotates the one that changed it', async () => {
      const here = await startSession(editor);
      const elsewhere = await startSession(editor);
      const result = await change(PASSWORD, NEW_PASSWORD, later(1000));
      if (result.kind !== 'changed') throw new Error(`expected changed, got ${result.kind}`);
      expect(await isValid(here.token, later(2000))).toBe(false);
      expect(await isValid(elsewhere.token, later(2000))).toBe(false);
      expect(await isValid(result.token, later(2000))).toBe(true);
      expect(result.token).not.toBe(here.token);
      // The old password no longer signs in; the new one does.
      expect((await signIn(database, { email: editor.email, password: PASSWORD, ...OFFICE, now: later(3000) })).kind).toBe('invalid');
      expect((await signIn(database, { email: editor.email, password: NEW_PASSWORD, ...OFFICE, now: later(4000) })).kind).toBe('signed-in');
    });

    it('refuses a wrong current password and changes nothing', async () => {
      const session = await startSession(editor);
      expect(await change('not my password at all', NEW_PASSWORD)).toEqual({ kind: 'wrong-password' });
      expect(await isValid(session.token)).toBe(true);
      expect((await signIn(database, { email: editor.email, password: PASSWORD, ...OFFICE, now: later(1000) })).kind).toBe('signed-in');
    });

    it('counts wrong current passwords against the sign-in throttle, so a stolen session cannot guess it', async () => {
      for (let index = 0; index < 5; index += 1) expect((await change(`wrong guess number ${index}`, NEW_PASSWORD)).kind).toBe('wrong-password');
      expect(await change(PASSWORD, NEW_PASSWORD)).toMatchObject({ kind: 'throttled', scope: 'pair' });
    });

    it.each([
      ['aaaaaaaaaaaa', 'passwordRepetitive'],
      ['password1234', 'passwordCommon'],
      ['merel.jansen2026', 'passwordPersonal'],
      ['te kort', 'passwordTooShort'],
    ])('refuses the new password %p (%s) and keeps the old one', async (newPassword, code) => {
      expect(await change(PASSWORD, newPassword)).toEqual({ kind: 'refused', problem: expect.objectContaining({ code }) });
      expect((await signIn(database, { email: editor.email, password: PASSWORD, ...OFFICE, now: later(1000) })).kind).toBe('signed-in');
    });

    it('refuses the same password again', async () => {
      expect(await change(PASSWORD, PASSWORD)).toEqual({ kind: 'unchanged' });
    });

    it('answers the desk form field by field: a mismatch, a wrong current password, a weak new one', async () => {
      const form = (input: Partial<{ currentPassword: string; newPassword: string; confirmPassword: string }>) =>
        changeOwnAccountPassword(
          database,
          { email: editor.email, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, ...input },
          OFFICE,
          T0,
        );
      expect(await form({ confirmPassword: 'something else entirely' })).toEqual({ ok: false, problems: [{ field: 'confirmPassword', code: 'passwordMismatch' }] });
      expect(await form({ currentPassword: '' })).toEqual({ ok: false, problems: [{ field: 'currentPassword', code: 'required' }] });
      expect(await form({ currentPassword: 'not it, not even close' })).toEqual({ ok: false, problems: [{ field: 'currentPassword', code: 'passwordWrong' }] });
      expect(await form({ newPassword: 'aaaaaaaaaaaa', confirmPassword: 'aaaaaaaaaaaa' })).toEqual({
        ok: false,
        problems: [{ field: 'newPassword', code: 'passwordRepetitive' }],
      });
      expect(await form({})).toMatchObject({ ok: true, value: { otherSessionsEnded: 0 } });
    });

    it('records password.changed, never the password', async () => {
      await startSession(editor);
      await change(PASSWORD, NEW_PASSWORD, later(1000));
      const page = await listAuditEvents(database, { type: 'password.changed' });
      expect(page.entries).toHaveLength(1);
      expect(page.entries[0]).toMatchObject({ actor: { email: editor.email }, subject: { email: editor.email }, address: OFFICE.address, details: { otherSessionsEnded: 1 } });
      expect(logLines.join('\n')).not.toContain(NEW_PASSWORD);
      expect(logLines.join('\n')).not.toContain(PASSWORD);
    });
  });

  describe('an admin reset', () => {
    it('gives a one-time password, ends every session, and lets it do nothing but choose a new password', async () => {
      const session = await startSession(editor);
      const result = await resetPassword(database, { target: { id: editor.id }, actor: admin, via: 'desk', address: '192.0.2.9', now: later(1000) });
      if (result.kind !== 'reset') throw new Error(`expected reset, got ${result.kind}`);
      expect(result.oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(result.sessionsEnded).toBe(1);
      expect(await isValid(session.token, later(2000))).toBe(false);

      // The old password is gone; the one-time password signs in to a session marked for a change.
      expect((await signIn(database, { email: editor.email, password: PASSWORD, ...OFFICE, now: later(3000) })).kind).toBe('invalid');
      const signedIn = await signIn(database, { email: editor.email, password: result.oneTimePassword, ...OFFICE, now: later(4000) });
      if (signedIn.kind !== 'signed-in') throw new Error(`expected signed-in, got ${signedIn.kind}`);
      expect(signedIn.passwordChangeRequired).toBe(true);
      expect((await validateSession(database, signedIn.token, { now: later(5000) }))?.passwordChangeRequired).toBe(true);

      // Choosing a new password lifts the restriction.
      const changed = await changeOwnPassword(database, { email: editor.email, currentPassword: result.oneTimePassword, newPassword: NEW_PASSWORD, client: OFFICE, now: later(6000) });
      if (changed.kind !== 'changed') throw new Error(`expected changed, got ${changed.kind}`);
      expect((await validateSession(database, changed.token, { now: later(7000) }))?.passwordChangeRequired).toBe(false);
      expect((await findCredentials(database, editor.email))?.passwordExpiresAt).toBeNull();
    });

    it('lets the one-time password expire after 24 hours', async () => {
      const result = await resetPassword(database, { target: { email: 'MEREL@example.test' }, actor: null, via: 'cli', now: T0 });
      if (result.kind !== 'reset') throw new Error(`expected reset, got ${result.kind}`);
      expect(result.expiresAt).toEqual(later(ONE_TIME_PASSWORD_TTL_MS));
      const tooLate = await signIn(database, { email: editor.email, password: result.oneTimePassword, ...OFFICE, now: later(ONE_TIME_PASSWORD_TTL_MS) });
      expect(tooLate).toEqual({ kind: 'invalid' });
      const failed = await listAuditEvents(database, { type: 'sign-in.failed' });
      expect(failed.entries[0]?.details).toEqual({ reason: 'one-time password expired' });
    });

    it('refuses an unknown account and the admin’s own', async () => {
      expect(await resetPassword(database, { target: { email: 'niemand@example.test' }, actor: null, via: 'cli', now: T0 })).toEqual({ kind: 'not-found' });
      expect(await resetAccountPassword(database, { userId: admin.id, actingUserId: admin.id }, { actor: admin, address: null }, T0)).toEqual({
        ok: false,
        problems: [{ field: 'form', code: 'ownAccount' }],
      });
      expect(await resetAccountPassword(database, { userId: 'no-such-id', actingUserId: admin.id }, { actor: admin, address: null }, T0)).toEqual({
        ok: false,
        problems: [{ field: 'form', code: 'notFound' }],
      });
    });

    it('records password.reset with the admin and the account, and the one-time password nowhere', async () => {
      const outcome = await resetAccountPassword(database, { userId: editor.id, actingUserId: admin.id }, { actor: admin, address: '192.0.2.9' }, T0);
      if (!outcome.ok) throw new Error('expected a reset');
      const page = await listAuditEvents(database, { email: editor.email, type: 'password.reset' });
      expect(page.entries[0]).toMatchObject({ actor: { id: admin.id, email: admin.email }, subject: { id: editor.id, email: editor.email }, address: '192.0.2.9' });
      expect(page.entries[0]?.details).toMatchObject({ via: 'desk', sessionsEnded: 0 });
      const stored = JSON.stringify(await database.db.selectFrom('audit_events').selectAll().execute());
      expect(stored).not.toContain(outcome.value.oneTimePassword);
      expect(logLines.join('\n')).not.toContain(outcome.value.oneTimePassword);
    });
  });

  describe('account changes by an admin', () => {
    it('records user.added, role.changed (from, to) and user.removed with the admin and their address', async () => {
      const context = { actor: admin, address: '192.0.2.9' };
      const added = await addAccount(database, { email: 'nieuw@example.test', name: 'Nieuwe Collega', role: 'editor', password: '' }, T0, context);
      if (!added.ok) throw new Error('expected the account to be added');
      const id = added.value.user.id;
      await changeAccountRole(database, { userId: id, role: 'admin', actingUserId: admin.id }, later(1000), context);
      // Saving the same role again is no change, and no event.
      await changeAccountRole(database, { userId: id, role: 'admin', actingUserId: admin.id }, later(2000), context);
      await removeAccount(database, { userId: id, actingUserId: admin.id }, context, later(3000));
      const page = await listAuditEvents(database, { email: 'nieuw@example.test' });
      expect(page.entries.map((entry) => [entry.type, entry.actor?.email, entry.address, entry.details])).toEqual([
        ['user.removed', admin.email, '192.0.2.9', { role: 'admin', via: 'desk' }],
        ['role.changed', admin.email, '192.0.2.9', { from: 'editor', to: 'admin' }],
        ['user.added', admin.email, '192.0.2.9', { role: 'editor', via: 'desk' }],
      ]);
      // The generated first password is in none of it.
      expect(JSON.stringify(page) + logLines.join('\n')).not.toContain(added.value.generatedPassword ?? 'missing');
    });

    it('refuses a password that is only long when an admin adds an account', async () => {
      const outcome = await addAccount(database, { email: 'zwak@example.test', name: 'Zwak', role: 'editor', password: 'aaaaaaaaaaaa' }, T0, { actor: admin, address: null });
      expect(outcome).toEqual({ ok: false, problems: [{ field: 'password', code: 'passwordRepetitive' }] });
    });
  });

  describe('sign-in events', () => {
    it('records a success, a failure (wrong password, unknown account) and a throttle trip, without passwords', async () => {
      const attempt = (email: string, password: string) => signIn(database, { email, password, address: '203.0.113.7', userAgent: 'Jest', now: T0 });
      await attempt(editor.email, PASSWORD);
      await attempt('niemand@example.test', 'guessing a password');
      for (let index = 0; index < 5; index += 1) await attempt(editor.email, `wrong guess ${index} here`);
      expect((await attempt(editor.email, PASSWORD)).kind).toBe('throttled');
      const page = await listAuditEvents(database, {});
      const types = page.entries.map((entry) => entry.type);
      expect(types.filter((type) => type === 'sign-in.succeeded')).toHaveLength(1);
      // The success is the account's own doing (the desk shows it under "by"); failures have no actor.
      expect(page.entries.find((entry) => entry.type === 'sign-in.succeeded')).toMatchObject({ actor: { email: editor.email }, subject: { email: editor.email } });
      expect(page.entries.filter((entry) => entry.type === 'sign-in.failed').every((entry) => entry.actor === null)).toBe(true);
      expect(types.filter((type) => type === 'sign-in.failed')).toHaveLength(6);
      // The fifth failure trips the limit for this address and account: recorded once, right after it.
      expect(page.entries[0]).toMatchObject({ type: 'sign-in.throttled', subject: { email: editor.email }, address: '203.0.113.7', details: { scope: 'pair', failures: 5 } });
      expect(page.entries[1]?.type).toBe('sign-in.failed');
      // Attempts refused while the limit holds cost no hashing; they add no rows, or anyone could fill the table.
      const rows = async () => (await database.db.selectFrom('audit_events').select('id').execute()).length;
      const before = await rows();
      for (let index = 0; index < 20; index += 1) expect((await attempt(editor.email, PASSWORD)).kind).toBe('throttled');
      expect(await rows()).toBe(before);
      expect(page.entries.find((entry) => entry.subject?.email === 'niemand@example.test')?.details).toEqual({ reason: 'unknown account' });
      const everything = logLines.join('\n') + JSON.stringify(page);
      for (const secret of [PASSWORD, 'guessing a password', 'wrong guess 0 here']) expect(everything).not.toContain(secret);
    });

    it('never records a session token or its stored id', async () => {
      const result = await signIn(database, { email: editor.email, password: PASSWORD, ...OFFICE, now: T0 });
      if (result.kind !== 'signed-in') throw new Error('expected signed-in');
      const session = await validateSession(database, result.token, { now: T0 });
      const everything = logLines.join('\n') + JSON.stringify(await database.db.selectFrom('audit_events').selectAll().execute());
      expect(everything).not.toContain(result.token);
      expect(everything).not.toContain(session?.id ?? 'missing');
    });
  });
});
