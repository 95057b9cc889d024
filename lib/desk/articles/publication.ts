/**
 * Publication changes from the desk: publish, schedule, unpublish. Publications and take-downs
 * of public articles go into the audit trail.
 */
import { recordAuditEvent } from '@/lib/auth/audit';
import { findUserById } from '@/lib/auth/users';
import { toIso } from '@/lib/data/reshape';
import { instant } from '@/lib/data/visibility';
import type { Database } from '@/lib/db/connection';
import { getDeskArticle } from './desk-article';
import { ARTICLE_PATH, rejected, withTimes, writeArticle, type DeskUser, type SaveOutcome } from './write-path';

export type PublicationAction = { kind: 'publish' } | { kind: 'schedule'; at: Date } | { kind: 'unpublish' };

/**
 * Publishes, schedules or unpublishes an article, keeping its content and `updatedAt` (which may
 * stay before the publication time; readers then see no update):
 * - publish: published now, or at its stored publication time when that has passed;
 * - schedule: 'scheduled' at `at`, which must be in the future (problem at "publishedAt");
 * - unpublish: back to draft, the publication time kept for a later republication.
 */
export async function changePublication(
  database: Database,
  request: { id: string; action: PublicationAction; user: DeskUser; now?: Date },
): Promise<SaveOutcome> {
  const now = request.now ?? new Date();
  const at = instant(now);
  const current = await getDeskArticle(database, request.id);
  if (current === null) return rejected([{ path: ARTICLE_PATH, message: `no article with id "${request.id}"` }]);
  const { action } = request;
  let note: string;
  if (action.kind === 'schedule') {
    const time = action.at.getTime();
    if (Number.isNaN(time)) return rejected([{ path: 'publishedAt', message: 'is not a valid date-time' }]);
    if (time <= at) return rejected([{ path: 'publishedAt', message: 'must be in the future to schedule the article' }]);
    note = `scheduled for ${toIso(time)}`;
  } else {
    note = action.kind === 'publish' ? 'published' : 'unpublished';
  }
  const wasPublished = current.input.status === 'published';
  const outcome = await writeArticle(database, {
    id: request.id,
    input: current.input,
    expectExisting: true,
    substantive: false,
    note,
    user: request.user,
    now,
    finalize: (stored, input) => {
      if (stored === undefined) return input;
      const storedAt = stored.published_at;
      switch (action.kind) {
        case 'publish':
          return withTimes({ ...input, status: 'published' }, storedAt !== null && storedAt <= at ? storedAt : at, stored.updated_at);
        case 'schedule':
          return withTimes({ ...input, status: 'scheduled' }, action.at.getTime(), stored.updated_at);
        case 'unpublish':
          return withTimes({ ...input, status: 'draft' }, storedAt, stored.updated_at);
      }
    },
  });
  // The audit trail (lib/auth/audit.ts) keeps publications and take-downs of public articles;
  // scheduling and unpublishing a draft or a scheduled article change nothing readers could see.
  if (outcome.ok && (action.kind === 'publish' || (action.kind === 'unpublish' && wasPublished))) {
    const actor = await findUserById(database, request.user.id);
    await recordAuditEvent(
      database,
      {
        type: action.kind === 'publish' ? 'article.published' : 'article.taken-down',
        actor: actor ?? { id: request.user.id, email: '' },
        articleId: request.id,
        details: { locale: outcome.locale, slug: outcome.slug, via: 'desk' },
      },
      now,
    );
  }
  return outcome;
}
