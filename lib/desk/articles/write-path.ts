/**
 * The desk's one write path, shared by saving, publication changes and restores. Every status is
 * visible at the desk (lib/desk/articles/); nothing there may back a public page.
 *
 * Saves take the same road as an import. The editor's fields are checked by the import's validator
 * (lib/content/validate.ts: the content model's schemas plus the reference and slug rules, with
 * paths made relative to the article) and written by lib/data/write.ts, which keeps the slug
 * history, bylines, tags and search rows in step. On top of that every write here, in the SAME
 * transaction:
 *
 * - checks optimistic concurrency: a save based on an older revision than the latest is refused as
 *   a conflict, so two editors never silently overwrite each other;
 * - stores a revision: who, when, what (a snapshot of the whole article as the import shape), and a
 *   note for publication changes and restores;
 * - stamps the article's `edited_at` / `edited_by`, the desk list's order.
 *
 * `updatedAt` is the readers' "Laatste update": it moves only when the editor marks a save as a
 * substantive update, never for a typo fix, a publication change or a restore.
 */
import type { Kysely } from 'kysely';
import { cacheTags, tagsForArticleChange } from '@/lib/cache/tags';
import type { ArticleInput } from '@/lib/content/model';
import { FILE_PATH, validateContentFile, type KnownReferences, type Problem } from '@/lib/content/validate';
import { articleChanges } from '@/lib/data/article-changes';
import { loadArticle } from '@/lib/data/articles';
import { toIso } from '@/lib/data/reshape';
import { instant } from '@/lib/data/visibility';
import { canonicalJson } from '@/lib/content/canonical-json';
import { articleToInput } from '@/lib/data/export';
import { applyContentInTransaction, ContentWriteError } from '@/lib/data/write';
import type { Database } from '@/lib/db/connection';
import type { Engine } from '@/lib/db/migrations';
import type { DB } from '@/lib/db/schema';
import { withWriteTransaction } from '@/lib/db/transaction';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { latestRevision } from './revisions';

/** The account making a change, as the desk's session knows it. */
export interface DeskUser {
  id: string;
  name: string;
}

export type SaveOutcome =
  | {
      ok: true;
      id: string;
      locale: Locale;
      slug: string;
      revision: number;
      /** Cache tags to hand to revalidateEverywhere (lib/publishing/revalidate.ts). */
      tags: string[];
    }
  /** `path` is relative to the article ("title", "body[2].text"); {@link ARTICLE_PATH} for the article as a whole. */
  | { ok: false; problems: Problem[]; conflict?: boolean };

/** The path of a problem with the article as a whole (not found, conflict). */
export const ARTICLE_PATH = '(article)';

/** `articles[0].body[2].text` → `body[2].text`; the article itself → {@link ARTICLE_PATH}. */
function relativePath(path: string): string {
  if (path.startsWith('articles[0].')) return path.slice('articles[0].'.length);
  if (path.startsWith('articles[0]')) return path.slice('articles[0]'.length) || ARTICLE_PATH;
  return path === FILE_PATH ? ARTICLE_PATH : path;
}

export function rejected(problems: Problem[], conflict = false): SaveOutcome {
  return conflict ? { ok: false, problems, conflict: true } : { ok: false, problems };
}

/** Thrown inside a write transaction to roll it back with an outcome for the editor. */
class Rejection extends Error {
  constructor(readonly outcome: SaveOutcome) {
    super('rejected');
  }
}

export type JsonObject = Record<string, unknown>;
export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What the database holds that this one article may refer to: every section and author (a few
 * hundred rows at most) and the owners of the slugs it claims, not the whole slug history.
 */
async function knownReferencesFor(db: Kysely<DB>, candidate: JsonObject): Promise<KnownReferences> {
  const locale = candidate.locale;
  const claims = [candidate.slug, ...(Array.isArray(candidate.previousSlugs) ? candidate.previousSlugs : [])].filter(
    (slug): slug is string => typeof slug === 'string' && slug !== '',
  );
  const [sections, authors, slugs] = await Promise.all([
    db.selectFrom('sections').select(['locale', 'slug']).execute(),
    db.selectFrom('authors').select('slug').execute(),
    isLocale(locale) && claims.length > 0
      ? db.selectFrom('article_slugs').select(['slug', 'article_id']).where('locale', '=', locale).where('slug', 'in', claims).execute()
      : Promise.resolve([]),
  ]);
  return {
    sections: new Set(sections.map((row) => `${row.locale}/${row.slug}`)),
    authors: new Set(authors.map((row) => row.slug)),
    articleSlugs: new Map(slugs.map((row) => [`${String(locale)}/${row.slug}`, row.article_id])),
  };
}

/** Validates one article exactly as an import would; problems relative to the article. */
export async function validateArticle(db: Kysely<DB>, candidate: JsonObject): Promise<{ ok: true; input: ArticleInput } | { ok: false; problems: Problem[] }> {
  const result = validateContentFile({ articles: [candidate] }, await knownReferencesFor(db, candidate));
  if (!result.ok) return { ok: false, problems: result.problems.map((problem) => ({ path: relativePath(problem.path), message: problem.message })) };
  const input = result.content.articles?.[0];
  if (input === undefined) throw new Error('validated content lost its article');
  return { ok: true, input };
}

export interface StoredState {
  locale: string;
  status: string;
  published_at: number | null;
  updated_at: number;
}

/** The article's row, locked against concurrent writers until the transaction ends (PostgreSQL; SQLite's BEGIN IMMEDIATE already is). */
async function lockArticle(trx: Kysely<DB>, engine: Engine, id: string): Promise<StoredState | undefined> {
  return trx
    .selectFrom('articles')
    .select(['locale', 'status', 'published_at', 'updated_at'])
    .where('id', '=', id)
    .$if(engine === 'postgres', (query) => query.forUpdate())
    .executeTakeFirst();
}

/**
 * The cache tags a write touches. While an article is and was a draft or scheduled, no public
 * page can show it, so only its own tag goes. Once it is or was published: its locale's listings
 * and slugs, and the taxonomy too, since tag pages look their tag up under that tag and a tag that
 * only this article carries starts (or stops) having a public page.
 */
async function tagsFor(trx: Kysely<DB>, id: string, locale: Locale, before: StoredState | undefined, afterStatus: string): Promise<string[]> {
  const visible = before?.status === 'published' || afterStatus === 'published';
  return visible ? [...tagsForArticleChange(await articleChanges(trx, [{ id, locale }])), cacheTags.taxonomy()] : [cacheTags.article(id)];
}

interface WriteRequest {
  id: string;
  input: ArticleInput;
  /** Present for an existing article: what the write replaces, read under the lock. */
  expectExisting: boolean;
  baseRevision?: number;
  substantive: boolean;
  note: string | null;
  user: DeskUser | null;
  now: Date;
  /** Computes the final input from the locked stored state (publication times depend on it). */
  finalize?: (stored: StoredState | undefined, input: ArticleInput) => ArticleInput | SaveOutcome;
}

/**
 * The one write path: lock, check the revision, write through applyContent, store the revision,
 * all in one transaction. An unchanged article writes nothing, not even a revision.
 */
export async function writeArticle(database: Database, request: WriteRequest): Promise<SaveOutcome> {
  const { id, now, user } = request;
  try {
    return await withWriteTransaction(database, async (trx) => {
      const stored = await lockArticle(trx, database.engine, id);
      if (request.expectExisting && stored === undefined) throw new Rejection(rejected([{ path: ARTICLE_PATH, message: `no article with id "${id}"` }]));
      if (!request.expectExisting && stored !== undefined) throw new Rejection(rejected([{ path: ARTICLE_PATH, message: `an article with id "${id}" exists already` }]));
      const latest = await latestRevision(trx, id);
      if (request.baseRevision !== undefined && request.baseRevision < latest) {
        throw new Rejection(
          rejected(
            [{ path: ARTICLE_PATH, message: `the article was changed by someone else since revision ${request.baseRevision} (now at revision ${latest}); reload it and make your change again` }],
            true,
          ),
        );
      }
      const finalized = request.finalize ? request.finalize(stored, request.input) : request.input;
      if ('ok' in finalized) throw new Rejection(finalized);
      const input = finalized;

      const [applied] = (
        await applyContentInTransaction(trx, database.engine, { articles: [input] }, { now, editedBy: user?.name ?? null })
      ).articles;
      if (applied === undefined) throw new Error('applyContent returned no article');
      const locale = applied.locale;
      if (applied.action === 'unchanged') {
        return { ok: true, id, locale, slug: applied.slug, revision: latest, tags: [] } satisfies SaveOutcome;
      }
      const saved = await loadArticle(trx, id, null);
      if (saved === null) throw new Error(`article ${id} vanished while it was written`);
      const revision = latest + 1;
      await trx
        .insertInto('article_revisions')
        .values({
          article_id: id,
          number: revision,
          created_at: instant(now),
          user_id: user?.id ?? null,
          user_name: user?.name ?? null,
          substantive: request.substantive ? 1 : 0,
          note: request.note,
          snapshot: canonicalJson(articleToInput(saved)),
        })
        .execute();
      return { ok: true, id, locale, slug: applied.slug, revision, tags: await tagsFor(trx, id, locale, stored, saved.status) } satisfies SaveOutcome;
    });
  } catch (error) {
    if (error instanceof Rejection) return error.outcome;
    // Someone else took a slug between validation and the write: the writer's own check caught it.
    if (error instanceof ContentWriteError) return rejected([{ path: relativePath(error.path), message: error.message.slice(error.path.length + 2) }]);
    throw error;
  }
}

/**
 * The input with the server's times. `updatedAt` is kept as it is, even before `publishedAt`: an edit
 * made before a (scheduled) publication is part of what readers first see, and readers are shown an
 * update only when it is after publication (lib/content/updates.ts). Lifting it to the publication
 * time instead would show a stale or even future "Laatste update" after a reschedule to earlier.
 */
export function withTimes(input: ArticleInput, publishedAt: number | null, updatedAt: number): ArticleInput {
  const { publishedAt: _published, updatedAt: _updated, ...rest } = input;
  return {
    ...rest,
    ...(publishedAt === null ? {} : { publishedAt: toIso(publishedAt) }),
    updatedAt: toIso(updatedAt),
  };
}

/** The slug history to send along: every slug the article had, minus the one it (again) has now. */
export async function previousSlugsOf(db: Kysely<DB>, id: string, slug: unknown): Promise<string[]> {
  const rows = await db.selectFrom('article_slugs').select('slug').where('article_id', '=', id).orderBy('slug').execute();
  return rows.map((row) => row.slug).filter((existing) => existing !== slug);
}
