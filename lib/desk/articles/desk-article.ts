/**
 * One article as the editing form needs it: any status, in the import shape, with the revision
 * a save must start from.
 */
import type { Article, ArticleInput } from '@/lib/content/model';
import { loadArticle } from '@/lib/data/articles';
import { toIso } from '@/lib/data/reshape';
import { articleToInput } from '@/lib/data/export';
import type { Database } from '@/lib/db/connection';
import { latestRevision } from './revisions';

export interface DeskArticle {
  article: Article;
  /** The article in the import shape, as the form edits it. */
  input: ArticleInput;
  /** The latest revision's number; 0 for an article that was only ever imported. Send it back as `baseRevision`. */
  revision: number;
  editedAt: string;
  editedBy: string | null;
}

/** Any article by id, whatever its status, with what the editing form needs; null when there is none. */
export async function getDeskArticle(database: Database, id: string): Promise<DeskArticle | null> {
  const { db } = database;
  const [article, stamp, revision] = await Promise.all([
    loadArticle(db, id, null),
    db.selectFrom('articles').select(['edited_at', 'edited_by']).where('id', '=', id).executeTakeFirst(),
    latestRevision(db, id),
  ]);
  if (article === null || stamp === undefined) return null;
  return { article, input: articleToInput(article), revision, editedAt: toIso(stamp.edited_at), editedBy: stamp.edited_by };
}
