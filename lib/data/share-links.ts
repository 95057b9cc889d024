/**
 * The share links an article has: recorded when made, checked on every open, revoked from the desk
 * or when the article is taken down.
 *
 * A link's token is signed (lib/preview/token.ts), so a forged or altered one is refused without
 * a read. Signing alone cannot take a link back, though: until this table, a link to an article
 * that went offline kept showing its text for up to a week, and the only way out was a new
 * PREVIEW_SECRET, which killed every link. Now a signed link opens only while its row here is
 * present, unexpired and not revoked: the table is an allow-list, and the desk's list of an
 * article's active links is the whole truth about who can read it.
 *
 * Rows hold the SHA-256 of the token (as sessions do), never the token itself.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@/lib/db/connection';
import type { DB, ShareLinksTable } from '@/lib/db/schema';

/** The link's id: the SHA-256 of its token, in hex. */
export function shareLinkId(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const SHARE_LINK_ID_PATTERN = /^[0-9a-f]{64}$/;

export type ShareLinkRevokeReason = 'revoked' | 'taken-down';

/** A link as the desk lists it. */
export interface ShareLinkRecord {
  id: string;
  articleId: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  expiresAt: string;
  createdByName: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  revokeReason: ShareLinkRevokeReason | null;
}

/** Who made or revoked a link: a desk user, or null for the content CLI. */
export interface ShareLinkActor {
  id: string;
  name: string;
}

const toIso = (ms: number) => new Date(ms).toISOString();

function reshapeShareLink(row: ShareLinksTable): ShareLinkRecord {
  return {
    id: row.token_hash,
    articleId: row.article_id,
    createdAt: toIso(row.created_at),
    expiresAt: toIso(row.expires_at),
    createdByName: row.created_by_name,
    revokedAt: row.revoked_at === null ? null : toIso(row.revoked_at),
    revokedByName: row.revoked_by_name,
    revokeReason: row.revoke_reason === 'revoked' || row.revoke_reason === 'taken-down' ? row.revoke_reason : null,
  };
}

/**
 * Records a link just signed; null when a link with the same token exists already (tokens are
 * deterministic: the same article and expiry, signed twice in one second, give the same token),
 * so the caller can sign another one instead of sharing a record with someone else's link.
 */
export async function recordShareLink(
  database: Database,
  link: { token: string; articleId: string; expiresAt: Date; createdBy: ShareLinkActor | null; now: Date },
): Promise<ShareLinkRecord | null> {
  const row: ShareLinksTable = {
    token_hash: shareLinkId(link.token),
    article_id: link.articleId,
    created_at: link.now.getTime(),
    expires_at: link.expiresAt.getTime(),
    created_by_id: link.createdBy?.id ?? null,
    created_by_name: link.createdBy === null ? null : link.createdBy.name.slice(0, 200),
    revoked_at: null,
    revoked_by_name: null,
    revoke_reason: null,
  };
  const inserted = await database.db
    .insertInto('share_links')
    .values(row)
    .onConflict((conflict) => conflict.column('token_hash').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1 ? reshapeShareLink(row) : null;
}

/**
 * True when the token (already verified as signed by this site) is a recorded link to
 * `articleId` that is not revoked and has not expired at `now`. One primary-key read.
 */
export async function isShareLinkActive(database: Database, token: string, articleId: string, now: Date): Promise<boolean> {
  const row = await database.db
    .selectFrom('share_links')
    .select(['article_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', shareLinkId(token))
    .executeTakeFirst();
  return row !== undefined && row.article_id === articleId && row.revoked_at === null && row.expires_at > now.getTime();
}

/** The article's links that still open, oldest expiry first. */
export async function listActiveShareLinks(database: Database, articleId: string, now: Date): Promise<ShareLinkRecord[]> {
  const rows = await database.db
    .selectFrom('share_links')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('expires_at', '>', now.getTime())
    .where('revoked_at', 'is', null)
    .orderBy('expires_at', 'asc')
    .orderBy('token_hash', 'asc')
    .execute();
  return rows.map(reshapeShareLink);
}

/** Every link the article ever had, newest first: for tests and the record. */
export async function listShareLinks(database: Database, articleId: string): Promise<ShareLinkRecord[]> {
  const rows = await database.db
    .selectFrom('share_links')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('created_at', 'desc')
    .orderBy('token_hash', 'asc')
    .execute();
  return rows.map(reshapeShareLink);
}

/**
 * Revokes one active link of `articleId`. False when there is no such active link (already
 * revoked, expired, or another article's): nothing changes then.
 */
export async function revokeShareLink(
  database: Database,
  request: { articleId: string; id: string; by: ShareLinkActor | null; now: Date },
): Promise<boolean> {
  if (!SHARE_LINK_ID_PATTERN.test(request.id)) return false;
  const result = await database.db
    .updateTable('share_links')
    .set({ revoked_at: request.now.getTime(), revoked_by_name: request.by?.name.slice(0, 200) ?? null, revoke_reason: 'revoked' })
    .where('token_hash', '=', request.id)
    .where('article_id', '=', request.articleId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', request.now.getTime())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Revokes every active link of an article; returns how many. Takes a Kysely instance so that the
 * content writer can call it inside the transaction that takes the article down.
 */
export async function revokeArticleShareLinks(
  db: Kysely<DB>,
  request: { articleId: string; byName: string | null; reason: ShareLinkRevokeReason; now: Date },
): Promise<number> {
  const result = await db
    .updateTable('share_links')
    .set({ revoked_at: request.now.getTime(), revoked_by_name: request.byName?.slice(0, 200) ?? null, revoke_reason: request.reason })
    .where('article_id', '=', request.articleId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', request.now.getTime())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many of the article's links were revoked at exactly `at` for `reason` (the write that did it passed the same instant). */
export async function countShareLinksRevokedAt(
  database: Database,
  request: { articleId: string; reason: ShareLinkRevokeReason; at: Date },
): Promise<number> {
  const row = await database.db
    .selectFrom('share_links')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('article_id', '=', request.articleId)
    .where('revoked_at', '=', request.at.getTime())
    .where('revoke_reason', '=', request.reason)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
