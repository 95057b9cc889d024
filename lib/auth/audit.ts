/**
 * The security audit trail: who signed in or failed to, who was throttled, whose password changed
 * or was reset, whose role changed, which accounts came and went, which articles were published
 * or taken down, which share links were made or revoked.
 *
 * Every event goes two ways:
 * - one JSON object on one line of standard output (`{"log":"audit",…}`), for the operator's log
 *   pipeline, written first so it survives a database that refuses the row;
 * - one row of `audit_events` (migration 0006_audit), for admins in the desk.
 *
 * What is never written: passwords, session tokens or ids, share tokens, hashes. The input type
 * has no field for them, detail keys that name a secret are dropped, and a sign-in's email is only
 * kept when it looks like an email (people type passwords into the email field).
 *
 * {@link recordAuditEvent} never throws: an audit write that fails must not turn a sign-in or a
 * publication into an error page. A failure is itself logged (`audit.write-failed`). Call it after
 * the write it records has committed, with the Database, not inside a transaction: SQLite has one
 * connection per process, which the transaction holds.
 */
import type { Selectable } from 'kysely';
import type { Database } from '@/lib/db/connection';
import type { AuditEventsTable } from '@/lib/db/schema';

export const AUDIT_EVENT_TYPES = [
  'sign-in.succeeded',
  'sign-in.failed',
  'sign-in.throttled',
  'password.changed',
  'password.reset',
  'role.changed',
  'user.added',
  'user.removed',
  'article.published',
  'article.taken-down',
  'share-link.made',
  'share-link.revoked',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export function isAuditEventType(value: unknown): value is AuditEventType {
  return typeof value === 'string' && (AUDIT_EVENT_TYPES as readonly string[]).includes(value);
}

/** An account as the trail names it. A SessionUser or a User fits as is. */
export interface AuditAccount {
  id: string | null;
  email: string;
}

/** A short fact about an event: text (cut to 200 characters), a number, a boolean or null. */
export type AuditDetail = string | number | boolean | null;

export interface AuditEvent {
  type: AuditEventType;
  /** Who did it: the signed-in user; null for the CLI, the scheduler or a sign-in attempt. */
  actor: AuditAccount | null;
  /**
   * The account it concerns: the one signing in, the one reset, added, removed or given a role.
   * Leave it out when the event concerns only the actor or an article.
   */
  subject?: AuditAccount | null;
  articleId?: string | null;
  /** The client's address (lib/auth/client-address.ts), when known. */
  address?: string | null;
  /** Extra facts, e.g. `{ from: 'editor', to: 'admin' }`, `{ via: 'cli' }`. Never secrets. */
  details?: Readonly<Record<string, AuditDetail>>;
}

/** Detail keys that may carry a secret; such details are dropped, whatever their value. */
const SECRET_KEY = /pass|token|secret|session.?id|cookie|hash|otp|key$/i;
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;
const DETAIL_TEXT_MAX = 200;
const MAX_DETAILS = 12;
/** The shape of an email, loosely; anything else in an email field is not written down. */
const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{1,63}$/;
/** Control characters and line breaks would break the one-line log format and the table's display. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function cleanText(value: string, max: number): string {
  return [...value.replace(CONTROL, ' ')].slice(0, max).join('');
}

function cleanEmail(email: string | null | undefined): string | null {
  if (typeof email !== 'string') return null;
  const normalized = email.trim().toLowerCase();
  return EMAIL_SHAPE.test(normalized) ? cleanText(normalized, 254) : null;
}

function cleanDetails(details: AuditEvent['details']): Record<string, AuditDetail> {
  const clean: Record<string, AuditDetail> = {};
  for (const [key, value] of Object.entries(details ?? {}).slice(0, MAX_DETAILS)) {
    if (!DETAIL_KEY.test(key) || SECRET_KEY.test(key)) continue;
    if (typeof value === 'string') clean[key] = cleanText(value, DETAIL_TEXT_MAX);
    else if (typeof value === 'number') clean[key] = Number.isFinite(value) ? value : null;
    else if (typeof value === 'boolean' || value === null) clean[key] = value;
  }
  return clean;
}

/** The row an event becomes: everything the trail keeps, already cleaned. */
export function auditRow(event: AuditEvent, now: Date): Omit<AuditEventsTable, 'id'> {
  const text = (value: string | null | undefined, max: number) => (typeof value === 'string' && value !== '' ? cleanText(value, max) : null);
  return {
    created_at: now.getTime(),
    type: event.type,
    actor_id: text(event.actor?.id, 64),
    actor_email: cleanEmail(event.actor?.email),
    subject_id: text(event.subject?.id, 64),
    subject_email: cleanEmail(event.subject?.email),
    article_id: text(event.articleId, 64),
    address: text(event.address, 64),
    details: JSON.stringify(cleanDetails(event.details)),
  };
}

/** The log line of a row: one JSON object, keys in a fixed order, absent facts left out. */
export function auditLogLine(row: Omit<AuditEventsTable, 'id'>): string {
  const line: Record<string, unknown> = {
    time: new Date(row.created_at).toISOString(),
    level: row.type === 'sign-in.succeeded' ? 'info' : 'notice',
    log: 'audit',
    event: row.type,
  };
  if (row.actor_id !== null || row.actor_email !== null) line.actor = { id: row.actor_id, email: row.actor_email };
  if (row.subject_id !== null || row.subject_email !== null) line.subject = { id: row.subject_id, email: row.subject_email };
  if (row.article_id !== null) line.article = row.article_id;
  if (row.address !== null) line.address = row.address;
  const details = JSON.parse(row.details) as Record<string, AuditDetail>;
  if (Object.keys(details).length > 0) line.details = details;
  return JSON.stringify(line);
}

/** Where log lines go; tests replace it. Standard output, one line per event. */
let writeLine: (line: string) => void = (line) => {
  process.stdout.write(`${line}\n`);
};

/** For tests: capture the log lines; returns the function that restores standard output. */
export function captureAuditLog(sink: (line: string) => void): () => void {
  const previous = writeLine;
  writeLine = sink;
  return () => {
    writeLine = previous;
  };
}

/**
 * Records one security event: the log line, then the row. Never throws (see the module comment);
 * resolves once the row is written or its failure logged.
 */
export async function recordAuditEvent(database: Database, event: AuditEvent, now: Date = new Date()): Promise<void> {
  let row: Omit<AuditEventsTable, 'id'>;
  try {
    row = auditRow(event, now);
    writeLine(auditLogLine(row));
  } catch (error) {
    // Only a caller passing something outside the types gets here; say so and carry on.
    writeLine(JSON.stringify({ time: now.toISOString(), level: 'error', log: 'audit', event: 'audit.write-failed', reason: errorText(error) }));
    return;
  }
  try {
    await database.db.insertInto('audit_events').values(row).execute();
  } catch (error) {
    writeLine(
      JSON.stringify({ time: now.toISOString(), level: 'error', log: 'audit', event: 'audit.write-failed', failed: row.type, reason: errorText(error) }),
    );
  }
}

function errorText(error: unknown): string {
  return cleanText(error instanceof Error ? error.message : String(error), 300);
}

// ---------------------------------------------------------------------------------------------
// Reading, for the admin screen.

/** One event as the desk shows it. */
export interface AuditEntry {
  /** The row's id, as text (it is the paging key). */
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  type: AuditEventType | string;
  actor: { id: string | null; email: string | null } | null;
  subject: { id: string | null; email: string | null } | null;
  articleId: string | null;
  address: string | null;
  details: Record<string, AuditDetail>;
}

export interface AuditQuery {
  /** Events where this account (by email, any case) is the actor or the subject. */
  email?: string | null;
  type?: AuditEventType | null;
  /** The cursor of the previous page ({@link AuditPage.next}); null for the newest events. */
  cursor?: string | null;
  /** Rows per page, 1 to 200 (default 50). */
  limit?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** The cursor of the next (older) page, or null when this is the last. */
  next: string | null;
}

export class InvalidAuditCursorError extends Error {
  override readonly name = 'InvalidAuditCursorError';
  constructor() {
    super('invalid audit cursor');
  }
}

/** A cursor is the last shown row's id, in decimal: it carries nothing but a position. */
const CURSOR = /^[1-9][0-9]{0,15}$/;

export function parseAuditCursor(cursor: string): number {
  const id = Number(cursor);
  if (!CURSOR.test(cursor) || !Number.isSafeInteger(id)) throw new InvalidAuditCursorError();
  return id;
}

function reshapeAuditEntry(row: Selectable<AuditEventsTable>): AuditEntry {
  let details: Record<string, AuditDetail> = {};
  try {
    const parsed: unknown = JSON.parse(row.details);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) details = cleanDetails(parsed as Record<string, AuditDetail>);
  } catch {
    // A row is written by auditRow only; an unreadable one still shows its other columns.
  }
  const account = (id: string | null, email: string | null) => (id === null && email === null ? null : { id, email });
  return {
    id: String(row.id),
    at: new Date(row.created_at).toISOString(),
    type: row.type,
    actor: account(row.actor_id, row.actor_email),
    subject: account(row.subject_id, row.subject_email),
    articleId: row.article_id,
    address: row.address,
    details,
  };
}

/**
 * A page of events, newest first, keyed on `id`: the next page starts strictly below the last id
 * shown, so events recorded meanwhile never shift or repeat a page. Throws
 * {@link InvalidAuditCursorError} for a cursor it did not make.
 */
export async function listAuditEvents(database: Database, query: AuditQuery = {}): Promise<AuditPage> {
  const limit = Math.min(200, Math.max(1, Math.trunc(query.limit ?? 50)));
  const before = query.cursor ? parseAuditCursor(query.cursor) : null;
  const email = query.email ? query.email.trim().toLowerCase() : null;
  let select = database.db.selectFrom('audit_events').selectAll();
  if (query.type) select = select.where('type', '=', query.type);
  if (email) select = select.where((eb) => eb.or([eb('actor_email', '=', email), eb('subject_email', '=', email)]));
  if (before !== null) select = select.where('id', '<', before);
  const rows = await select.orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit).map(reshapeAuditEntry);
  const last = page.at(-1);
  return { entries: page, next: rows.length > limit && last !== undefined ? last.id : null };
}
