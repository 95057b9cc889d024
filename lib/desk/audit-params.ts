/**
 * The audit log page's query string: `user` (an email), `event` (an event type) and `before` (the
 * paging cursor), read strictly. A value that is not what it should be is dropped and reported,
 * so the page shows the unfiltered newest events with a note instead of failing, and hostile text
 * never reaches a query.
 */
import { isAuditEventType, parseAuditCursor, type AuditEventType } from '@/lib/auth/audit';
import { EmailSchema } from '@/lib/auth/users';

export interface AuditFilters {
  email: string | null;
  type: AuditEventType | null;
}

export interface AuditListParams {
  filters: AuditFilters;
  cursor: string | null;
  /** What was dropped: a `user` that is not an email, a `before` that is not a cursor. */
  badEmail: boolean;
  badCursor: boolean;
}

type Raw = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();

export function parseAuditListParams(raw: Raw): AuditListParams {
  const user = first(raw.user);
  const event = first(raw.event);
  const before = first(raw.before);
  const email = user === '' ? null : EmailSchema.safeParse(user);
  let badCursor = false;
  if (before !== '') {
    try {
      parseAuditCursor(before);
    } catch {
      badCursor = true;
    }
  }
  return {
    filters: { email: email?.success ? email.data : null, type: isAuditEventType(event) ? event : null },
    cursor: before === '' || badCursor ? null : before,
    badEmail: email !== null && !email.success,
    badCursor,
  };
}

/** The page's URL with these filters (and, for an older page, the cursor). */
export function auditListHref(base: string, filters: AuditFilters, cursor: string | null = null): string {
  const query = new URLSearchParams();
  if (filters.email) query.set('user', filters.email);
  if (filters.type) query.set('event', filters.type);
  if (cursor) query.set('before', cursor);
  const text = query.toString();
  return text === '' ? base : `${base}?${text}`;
}
