import type { Database } from '@/lib/db/connection';
import {
  auditLogLine,
  auditRow,
  captureAuditLog,
  InvalidAuditCursorError,
  listAuditEvents,
  recordAuditEvent,
  type AuditEvent,
} from '@/lib/auth/audit';
import { describeEachEngine } from '../data/engines';

const T0 = new Date('2026-11-30T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const editor = { id: 'u-editor', email: 'merel@example.test' };
const admin = { id: 'u-admin', email: 'chef@example.test' };

describe('what an audit event keeps', () => {
  it('writes one JSON object on one line, with the event, actor, subject and address', () => {
    const line = auditLogLine(
      auditRow({ type: 'role.changed', actor: admin, subject: editor, address: '198.51.100.4', details: { from: 'editor', to: 'admin' } }, T0),
    );
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      time: '2026-11-30T09:00:00.000Z',
      level: 'notice',
      log: 'audit',
      event: 'role.changed',
      actor: { id: 'u-admin', email: 'chef@example.test' },
      subject: { id: 'u-editor', email: 'merel@example.test' },
      address: '198.51.100.4',
      details: { from: 'editor', to: 'admin' },
    });
  });

  it.each([['password'], ['newPassword'], ['token'], ['shareToken'], ['sessionId'], ['cookie'], ['passwordHash'], ['secret'], ['apiKey']])(
    'drops a detail named %p, whatever it holds',
    (key) => {
      const row = auditRow({ type: 'password.reset', actor: admin, subject: editor, details: { [key]: 'hunter2-hunter2', via: 'desk' } }, T0);
      expect(JSON.parse(row.details)).toEqual({ via: 'desk' });
      expect(auditLogLine(row)).not.toContain('hunter2');
    },
  );

  it('does not keep a sign-in "email" that is not shaped like one (a password typed in the wrong field)', () => {
    const row = auditRow({ type: 'sign-in.failed', actor: null, subject: { id: null, email: 'Correct Horse Battery' } }, T0);
    expect(row.subject_email).toBeNull();
    expect(auditLogLine(row)).not.toContain('Horse');
  });

  it('flattens line breaks and control characters, so a crafted value cannot forge a second log line', () => {
    const row = auditRow({ type: 'article.published', actor: editor, articleId: 'a1\n{"log":"audit","event":"user.removed"}' }, T0);
    const line = auditLogLine(row);
    expect(line.split('\n')).toHaveLength(1);
    expect(row.article_id).not.toMatch(/[\n\r]/);
  });
});

describeEachEngine('the audit table', (harness) => {
  let database: Database;
  let lines: string[];
  let restore: () => void;
  beforeAll(async () => {
    database = await harness.fresh();
  });
  beforeEach(() => {
    lines = [];
    restore = captureAuditLog((line) => lines.push(line));
  });
  afterEach(() => restore());

  const record = (event: AuditEvent, seconds: number) => recordAuditEvent(database, event, at(seconds));

  it('stores each event and writes its log line, newest first when read back', async () => {
    await record({ type: 'sign-in.failed', actor: null, subject: { id: null, email: 'merel@example.test' }, address: '203.0.113.9' }, 1);
    await record({ type: 'sign-in.succeeded', actor: null, subject: editor, address: '203.0.113.9' }, 2);
    expect(lines.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(['sign-in.failed', 'sign-in.succeeded']);
    const page = await listAuditEvents(database, { email: 'merel@example.test' });
    expect(page.entries.map((entry) => entry.type)).toEqual(['sign-in.succeeded', 'sign-in.failed']);
    expect(page.entries[0]).toMatchObject({ at: at(2).toISOString(), subject: { id: 'u-editor', email: 'merel@example.test' }, address: '203.0.113.9' });
  });

  it('filters by account (as actor or as subject, any case) and by event type, and pages by key', async () => {
    for (let index = 0; index < 7; index += 1) {
      await record({ type: 'article.published', actor: editor, articleId: `article-${index}` }, 10 + index);
    }
    await record({ type: 'role.changed', actor: admin, subject: editor, details: { from: 'editor', to: 'admin' } }, 20);
    await record({ type: 'user.added', actor: admin, subject: { id: 'u-other', email: 'ander@example.test' } }, 21);

    const byAdmin = await listAuditEvents(database, { email: 'CHEF@example.test' });
    expect(byAdmin.entries.map((entry) => entry.type)).toEqual(['user.added', 'role.changed']);

    const first = await listAuditEvents(database, { type: 'article.published', limit: 3 });
    expect(first.entries.map((entry) => entry.articleId)).toEqual(['article-6', 'article-5', 'article-4']);
    expect(first.next).not.toBeNull();
    // Something happens between two page loads: the next page neither repeats nor skips a row.
    await record({ type: 'article.published', actor: editor, articleId: 'article-late' }, 30);
    const second = await listAuditEvents(database, { type: 'article.published', limit: 3, cursor: first.next });
    expect(second.entries.map((entry) => entry.articleId)).toEqual(['article-3', 'article-2', 'article-1']);
    const third = await listAuditEvents(database, { type: 'article.published', limit: 3, cursor: second.next });
    expect(third.entries.map((entry) => entry.articleId)).toEqual(['article-0']);
    expect(third.next).toBeNull();

    const editorsEvents = await listAuditEvents(database, { email: 'merel@example.test', type: 'role.changed' });
    expect(editorsEvents.entries).toHaveLength(1);
    expect(editorsEvents.entries[0]?.details).toEqual({ from: 'editor', to: 'admin' });
  });

  it.each([['0'], ['-1'], ['abc'], ['1e3'], ['99999999999999999'], [' 5']])('refuses the cursor %p', async (cursor) => {
    await expect(listAuditEvents(database, { cursor })).rejects.toBeInstanceOf(InvalidAuditCursorError);
  });

  it('still logs, and never throws, when the table refuses the row', async () => {
    const closed = await harness.fresh();
    await closed.close();
    await expect(recordAuditEvent(closed, { type: 'user.removed', actor: admin, subject: editor }, T0)).resolves.toBeUndefined();
    const events = lines.map((line) => (JSON.parse(line) as { event: string; failed?: string }));
    expect(events[0]?.event).toBe('user.removed');
    expect(events[1]).toMatchObject({ event: 'audit.write-failed', failed: 'user.removed' });
  });
});
