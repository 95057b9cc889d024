/**
 * Reading an article's revisions. Each is a snapshot of the whole article in the import shape,
 * stored with every desk write (./write-path.ts) and by the scheduler.
 *
 * Revision notes are stable English strings ("published", "scheduled for <ISO instant>",
 * "unpublished", "restored revision <n>", "published on schedule"); the desk translates them
 * (lib/desk/revision-notes.ts).
 */
import type { Kysely } from 'kysely';
import { ArticleInputSchema, type ArticleInput } from '@/lib/content/model';
import { StoredDataError, toIso } from '@/lib/data/reshape';
import type { Database } from '@/lib/db/connection';
import type { DB } from '@/lib/db/schema';
import { deskStatus, type DeskStatus } from './status';

export interface RevisionSummary {
  number: number;
  createdAt: string;
  userName: string | null;
  /** The article's status as of this revision (a publication time after the revision counts as scheduled). */
  status: DeskStatus;
  title: string;
  slug: string;
  substantive: boolean;
  note: string | null;
}


/** The latest revision's number; 0 for an article that was only ever imported. */
export async function latestRevision(db: Kysely<DB>, id: string): Promise<number> {
  const row = await db
    .selectFrom('article_revisions')
    .select((eb) => eb.fn.max('number').as('latest'))
    .where('article_id', '=', id)
    .executeTakeFirst();
  return row?.latest == null ? 0 : Number(row.latest);
}


function parseSnapshot(text: string, where: string): ArticleInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoredDataError(`${where}: snapshot does not parse`);
  }
  const result = ArticleInputSchema.safeParse(value);
  if (!result.success) throw new StoredDataError(`${where}: snapshot does not match the content model: ${result.error.message}`);
  return result.data;
}

interface RevisionRow {
  number: number;
  created_at: number;
  user_name: string | null;
  substantive: number;
  note: string | null;
  snapshot: string;
}

function toRevision(id: string, row: RevisionRow): RevisionSummary & { input: ArticleInput } {
  const input = parseSnapshot(row.snapshot, `article ${id} revision ${row.number}`);
  return {
    number: row.number,
    createdAt: toIso(row.created_at),
    userName: row.user_name,
    status: deskStatus(input.status, input.publishedAt === undefined ? null : Date.parse(input.publishedAt), row.created_at),
    title: input.title,
    slug: input.slug,
    substantive: row.substantive === 1,
    note: row.note,
    input,
  };
}

const REVISION_COLUMNS = ['number', 'created_at', 'user_name', 'substantive', 'note', 'snapshot'] as const;

/** An article's revisions, newest first; empty for an unknown id or an article never saved at the desk. */
export async function listRevisions(database: Database, id: string): Promise<RevisionSummary[]> {
  const rows = await database.db
    .selectFrom('article_revisions')
    .select(REVISION_COLUMNS)
    .where('article_id', '=', id)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => {
    const { input: _input, ...summary } = toRevision(id, row);
    return summary;
  });
}

/** One revision with its whole content, or null. */
export async function getRevision(database: Database, id: string, number: number): Promise<(RevisionSummary & { input: ArticleInput }) | null> {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const row = await database.db
    .selectFrom('article_revisions')
    .select(REVISION_COLUMNS)
    .where('article_id', '=', id)
    .where('number', '=', number)
    .executeTakeFirst();
  return row === undefined ? null : toRevision(id, row);
}
