/**
 * Saving the editor's form: a new article (a draft) or an edit of an existing one.
 */
import { randomUUID } from 'node:crypto';
import { ArticleInputSchema } from '@/lib/content/model';
import { instant } from '@/lib/data/visibility';
import type { Database } from '@/lib/db/connection';
import { getDeskArticle } from './desk-article';
import { ARTICLE_PATH, isObject, previousSlugsOf, rejected, validateArticle, withTimes, writeArticle, type DeskUser, type JsonObject, type SaveOutcome } from './write-path';

export interface SaveArticleRequest {
  /** Absent: create a new article. */
  id?: string;
  /** The form's fields in the import shape (ArticleInput); validated here, never trusted. */
  article: unknown;
  /** A substantive update moves `updatedAt` to now; any other save keeps it. */
  substantive: boolean;
  user: DeskUser;
  /** The revision the editor started from; an older one than the latest is a conflict. */
  baseRevision?: number;
  now?: Date;
}

/**
 * Creates (no `id`) or updates an article from the editor's form. The article's status stays what
 * it is (a new article is a draft): publication goes through {@link changePublication}. Its
 * publication time is the form's. `updatedAt` becomes now for a substantive save and stays
 * otherwise (a new article: its publication time, or now). A changed slug keeps the old one
 * redirecting. Returns every problem, with paths relative to the article, and writes nothing
 * when there is one; a `baseRevision` older than the latest revision is a conflict.
 */
export async function saveArticle(database: Database, request: SaveArticleRequest): Promise<SaveOutcome> {
  const { db } = database;
  const now = request.now ?? new Date();
  const at = instant(now);
  if (!isObject(request.article)) return rejected([{ path: ARTICLE_PATH, message: 'expected the article as an object' }]);

  const existing = request.id === undefined ? null : await getDeskArticle(database, request.id);
  if (request.id !== undefined && existing === null) return rejected([{ path: ARTICLE_PATH, message: `no article with id "${request.id}"` }]);
  const id = existing?.article.id ?? randomUUID();

  // The server decides these; whatever the form sent for them is replaced.
  const { id: _id, status: _status, updatedAt: _updatedAt, previousSlugs: _previous, ...fields } = request.article;
  const candidate: JsonObject = { ...fields, id, status: existing?.article.status ?? 'draft' };
  if (existing !== null) {
    if (candidate.locale === undefined) candidate.locale = existing.article.locale;
    else if (candidate.locale !== existing.article.locale) {
      return rejected([{ path: 'locale', message: `the article is ${existing.article.locale}; an article cannot change locale` }]);
    }
    const previousSlugs = await previousSlugsOf(db, id, candidate.slug);
    if (previousSlugs.length > 0) candidate.previousSlugs = previousSlugs;
  }

  const validation = await validateArticle(db, candidate);
  if (!validation.ok) return rejected(validation.problems);

  return writeArticle(database, {
    id,
    input: validation.input,
    expectExisting: existing !== null,
    ...(request.baseRevision === undefined ? {} : { baseRevision: request.baseRevision }),
    substantive: request.substantive,
    note: existing === null ? 'created' : null,
    user: request.user,
    now,
    finalize: (stored, input) => {
      const publishedAt = input.publishedAt === undefined ? null : Date.parse(input.publishedAt);
      const updatedAt = request.substantive || stored === undefined ? (stored === undefined ? (publishedAt ?? at) : at) : stored.updated_at;
      // The status is the stored one, read again under the lock (a publication may have happened since validation).
      const status = stored === undefined ? 'draft' : stored.status;
      if (status !== input.status) {
        const reread = ArticleInputSchema.safeParse({ ...input, status });
        if (!reread.success) return rejected([{ path: 'publishedAt', message: `is required for a ${status} article` }]);
        return withTimes(reread.data, publishedAt, updatedAt);
      }
      return withTimes(input, publishedAt, updatedAt);
    },
  });
}
