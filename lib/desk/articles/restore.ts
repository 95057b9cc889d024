/**
 * Restoring a revision: its content comes back as a new revision.
 */
import type { Database } from '@/lib/db/connection';
import { getDeskArticle } from './desk-article';
import { getRevision } from './revisions';
import { ARTICLE_PATH, previousSlugsOf, rejected, validateArticle, withTimes, writeArticle, type DeskUser, type JsonObject, type SaveOutcome } from './write-path';


/**
 * Brings back a revision's content (title, slug, intro, section, authors, tags, lead image, body)
 * as a new revision, keeping the article's current status, publication time and `updatedAt`.
 * Validated like a save, against today's sections, authors and slugs.
 */
export async function restoreRevision(database: Database, request: { id: string; number: number; user: DeskUser; now?: Date }): Promise<SaveOutcome> {
  const revision = await getRevision(database, request.id, request.number);
  if (revision === null) return rejected([{ path: ARTICLE_PATH, message: `article "${request.id}" has no revision ${request.number}` }]);
  const current = await getDeskArticle(database, request.id);
  if (current === null) return rejected([{ path: ARTICLE_PATH, message: `no article with id "${request.id}"` }]);

  const { input: old } = revision;
  const candidate: JsonObject = {
    id: request.id,
    locale: current.article.locale,
    slug: old.slug,
    status: current.article.status,
    title: old.title,
    intro: old.intro,
    section: old.section,
    authors: old.authors,
    ...(old.tags === undefined ? {} : { tags: old.tags }),
    ...(current.input.publishedAt === undefined ? {} : { publishedAt: current.input.publishedAt }),
    ...(old.leadImage === undefined ? {} : { leadImage: old.leadImage }),
    body: old.body,
  };
  const previousSlugs = await previousSlugsOf(database.db, request.id, old.slug);
  if (previousSlugs.length > 0) candidate.previousSlugs = previousSlugs;
  const validation = await validateArticle(database.db, candidate);
  if (!validation.ok) return rejected(validation.problems);

  return writeArticle(database, {
    id: request.id,
    input: validation.input,
    expectExisting: true,
    substantive: false,
    note: `restored revision ${request.number}`,
    user: request.user,
    now: request.now ?? new Date(),
    finalize: (stored, input) => {
      if (stored === undefined) return input;
      // Status and times as they are now, under the lock.
      const status = stored.status === 'draft' || stored.status === 'scheduled' || stored.status === 'published' ? stored.status : input.status;
      return withTimes({ ...input, status }, stored.published_at, stored.updated_at);
    },
  });
}
