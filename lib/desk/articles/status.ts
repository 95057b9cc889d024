/**
 * The desk's three statuses. A stored 'published' row whose publication time is still ahead is
 * 'scheduled' to the desk: nobody sees it yet.
 */
import { sql, type Expression, type SqlBool } from 'kysely';

export type DeskStatus = 'draft' | 'scheduled' | 'published';

/** The desk's status of a stored row at `now`. */
export function deskStatus(status: string, publishedAt: number | null, now: number): DeskStatus {
  if (status === 'draft') return 'draft';
  if (status === 'published' && publishedAt !== null && publishedAt <= now) return 'published';
  return 'scheduled';
}

/**
 * The SQL for one desk status. Written without OR/IN over `status`, so that the planner keeps
 * reading the desk index in (edited_at, id) order and filters as it goes, instead of merging
 * several ranges and sorting them.
 */
export function statusCondition(status: DeskStatus, now: number): Expression<SqlBool> {
  const column = sql.ref('articles.status');
  const publishedAt = sql.ref('articles.published_at');
  switch (status) {
    case 'draft':
      return sql<SqlBool>`${column} = 'draft'`;
    case 'published':
      return sql<SqlBool>`(${column} = 'published' and ${publishedAt} <= ${now})`;
    case 'scheduled':
      return sql<SqlBool>`(${column} <> 'draft' and not (${column} = 'published' and ${publishedAt} <= ${now}))`;
  }
}
