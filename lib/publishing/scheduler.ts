/**
 * The publication scheduler: what makes scheduled articles appear on time with nobody acting, and
 * keeps every instance's cache in step with the others.
 *
 * Each instance of the site runs {@link startScheduler} (from instrumentation.ts) and, every
 * SCHEDULER_INTERVAL_MS (default 500), one {@link tick}, and one more whenever the edge asks it to
 * catch up (lib/publishing/catch-up.ts):
 *
 * 1. It publishes due articles ('scheduled' with published_at <= now): ONE conditional UPDATE in a
 *    write transaction, which also updates the link tables' copies, writes a revision
 *    ("published on schedule") per article and a bus entry. Instances race for the same rows
 *    safely: SQLite runs one write transaction at a time, and in PostgreSQL the second UPDATE
 *    waits on the first one's row locks and then finds the rows no longer 'scheduled'. Each
 *    article is published exactly once.
 * 2. It reads the bus (lib/cache/bus.ts) past its watermark: tags other instances revalidated.
 * 3. It finds articles that became public since its previous tick without anyone writing:
 *    'published' rows with a future published_at (an import may write those) whose time came.
 * 4. It revalidates the union of those tags in this instance. Next's revalidateTag only works
 *    inside a request, so the tick posts them to this instance's own POST /api/revalidate
 *    (lib/cache/revalidation.ts) on the loopback address and the port `next start`/`next dev`
 *    listens on. Tags that could not be revalidated stay pending for the next tick.
 *
 * It also prunes bus entries older than a day, at most once per ten minutes. A tick never throws:
 * failures are logged, and the next tick tries again.
 */
import type { Kysely } from 'kysely';
import { announceInTransaction, pruneInvalidations, readInvalidationsAfter } from '@/lib/cache/bus';
import { requestRevalidation, TAGS_PER_REQUEST, type RevalidationOutcome } from '@/lib/cache/revalidation';
import { listenForInvalidations } from '@/lib/cache/bus-listener';
import { refreshEdges } from '@/lib/cache/edge-refresh';
import { databaseConfigFromEnv } from '@/lib/db/config';
import { noteDatabaseFailure } from '@/lib/db/availability';
import { markDatabaseUp } from '@/lib/db/health';
import { registerCatchUp } from './catch-up';
import { tagsForArticleChange } from '@/lib/cache/tags';
import { articleChanges } from '@/lib/data/article-changes';
import { canonicalJson } from '@/lib/content/canonical-json';
import { articleToInput } from '@/lib/data/export';
import { loadArticle } from '@/lib/data/articles';
import { toLocale } from '@/lib/data/reshape';
import { instant } from '@/lib/data/visibility';
import type { Locale } from '@/lib/i18n/locales';
import { getDatabase, type Database } from '@/lib/db/connection';
import type { DB } from '@/lib/db/schema';
import { withWriteTransaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/auth/audit';

/**
 * Half a second: the bus is how instances without a shared cache hear of each other's writes, and
 * a change must show on every instance within a second. A tick that finds nothing costs two indexed
 * reads.
 */
export const DEFAULT_INTERVAL_MS = 500;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

export const SCHEDULED_PUBLICATION_NOTE = 'published on schedule';

export interface PublishedArticle {
  id: string;
  locale: Locale;
}

/**
 * Publishes every 'scheduled' article whose time has come, in one transaction, and announces the
 * change on the bus. Returns what it published (nothing when another instance was first), the
 * cache tags involved and the bus entry's id.
 */
export async function publishDueArticles(
  database: Database,
  now: Date = new Date(),
): Promise<{ published: PublishedArticle[]; tags: string[]; busId: number | null }> {
  const at = instant(now);
  // Most ticks have nothing to do: a read on the (status, published_at, id) index finds that out
  // without taking SQLite's write lock every few seconds, which imports would have to queue behind.
  const due = await database.db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', at)
    .limit(1)
    .executeTakeFirst();
  if (due === undefined) return { published: [], tags: [], busId: null };
  const result = await withWriteTransaction(database, async (trx) => {
    const rows = await trx
      .updateTable('articles')
      .set({ status: 'published', edited_at: at, edited_by: null })
      .where('status', '=', 'scheduled')
      .where('published_at', '<=', at)
      .returning(['id', 'locale'])
      .execute();
    if (rows.length === 0) return { published: [], tags: [], busId: null };
    const ids = rows.map((row) => row.id);
    // The listing indexes read these copies; they change with the article, in the same transaction.
    await trx.updateTable('article_authors').set({ status: 'published' }).where('article_id', 'in', ids).execute();
    await trx.updateTable('article_tags').set({ status: 'published' }).where('article_id', 'in', ids).execute();
    for (const id of ids) await writeScheduledRevision(trx, id, at);
    const published = rows.map((row) => ({ id: row.id, locale: toLocale(row.locale, `article ${row.id}`) }));
    const tags = tagsForArticleChange(await articleChanges(trx, published));
    // Last: in PostgreSQL the bus insert holds its ordering lock until the commit.
    const busId = await announceInTransaction(trx, database.engine, tags, now);
    return { published, tags, busId };
  });
  // After the commit (the audit trail writes outside the transaction): nobody acted, the schedule did.
  for (const article of result.published) {
    await recordAuditEvent(database, { type: 'article.published', actor: null, articleId: article.id, details: { locale: article.locale, via: 'scheduler' } }, now);
  }
  return result;
}

async function writeScheduledRevision(trx: Kysely<DB>, id: string, at: number): Promise<void> {
  const article = await loadArticle(trx, id, null);
  if (article === null) return;
  const latest = await trx
    .selectFrom('article_revisions')
    .select((eb) => eb.fn.max('number').as('latest'))
    .where('article_id', '=', id)
    .executeTakeFirst();
  await trx
    .insertInto('article_revisions')
    .values({
      article_id: id,
      number: (latest?.latest == null ? 0 : Number(latest.latest)) + 1,
      created_at: at,
      user_id: null,
      user_name: null,
      substantive: 0,
      note: SCHEDULED_PUBLICATION_NOTE,
      snapshot: canonicalJson(articleToInput(article)),
    })
    .execute();
}

/**
 * Articles published with a time in (after, upTo]: they became public in that interval by the
 * clock alone. Served by the all-locales listing index (status, published_at, id).
 */
export async function articlesPublicSince(database: Database, after: number, upTo: number): Promise<PublishedArticle[]> {
  if (upTo <= after) return [];
  const rows = await database.db
    .selectFrom('articles')
    .select(['id', 'locale'])
    .where('status', '=', 'published')
    .where('published_at', '>', after)
    .where('published_at', '<=', upTo)
    .execute();
  return rows.map((row) => ({ id: row.id, locale: toLocale(row.locale, `article ${row.id}`) }));
}

/** What one instance remembers between ticks. */
export interface SchedulerState {
  /** The highest bus id handled; null until the first tick reads where the bus stands. */
  watermark: number | null;
  /** The clock at the previous tick (epoch ms). */
  lastTick: number;
  /** Tags whose local revalidation has not succeeded yet. */
  pending: Set<string>;
  lastPrune: number;
}

export function initialState(now: Date = new Date()): SchedulerState {
  return { watermark: null, lastTick: instant(now), pending: new Set(), lastPrune: 0 };
}

/** Revalidates tags in this instance; resolves true when it did. */
export type LocalRevalidator = (tags: string[]) => Promise<boolean>;

export interface TickResult {
  published: PublishedArticle[];
  /** Tags this tick revalidated (or tried to) in this instance. */
  revalidated: string[];
  /**
   * Tags of changes this tick found itself, not on the bus: its own scheduled publications, and
   * articles whose publication time came without a write. The edges are refreshed for these.
   */
  found: string[];
  ok: boolean;
}

/**
 * One round of the scheduler (see the module comment). `state` is updated in place; it moves on
 * only past what was handled, so a failed revalidation is retried by the next tick.
 */
export async function tick(database: Database, state: SchedulerState, revalidate: LocalRevalidator, now: Date = new Date()): Promise<TickResult> {
  const at = instant(now);
  // A starting instance replays the whole retained log (BUS_RETENTION_MS): a cache shared through
  // Redis may hold pages from before writes made while no instance was running (an import with the
  // site down), and those writes reached the bus only.
  if (state.watermark === null) state.watermark = 0;

  // The bus first, then the flips: a flip's own bus entry is then read on the NEXT tick, which
  // revalidates its tags a second time, like every other write (see announce()).
  const entries = await readInvalidationsAfter(database, state.watermark);
  // This process's own entries too: see announce() on renders that were in flight during a write.
  for (const entry of entries) for (const tag of entry.tags) state.pending.add(tag);
  const watermark = entries.at(-1)?.id ?? state.watermark;

  const { published, tags: flipped } = await publishDueArticles(database, now);
  const cameDue = tagsForArticleChange(await articleChanges(database.db, await articlesPublicSince(database, state.lastTick, at)));
  const found = [...new Set([...flipped, ...cameDue])].sort();
  for (const tag of found) state.pending.add(tag);
  state.watermark = watermark;
  state.lastTick = Math.max(state.lastTick, at);

  const tags = [...state.pending].sort();
  let ok = true;
  for (let start = 0; start < tags.length; start += TAGS_PER_REQUEST) {
    const batch = tags.slice(start, start + TAGS_PER_REQUEST);
    if (await revalidate(batch)) for (const tag of batch) state.pending.delete(tag);
    else ok = false;
  }

  if (at - state.lastPrune >= PRUNE_EVERY_MS) {
    await pruneInvalidations(database, now);
    state.lastPrune = at;
  }
  return { published, revalidated: tags, found, ok };
}

/**
 * This instance's own origin, for the self-request. `next start` and `next dev` set PORT to the
 * port they listen on (after a port fallback too); the loopback address reaches it whichever
 * address it is bound to, except a single non-loopback one, which __NEXT_PRIVATE_ORIGIN names.
 */
export function selfOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const origin = env.__NEXT_PRIVATE_ORIGIN;
  if (origin !== undefined && origin !== '') {
    try {
      const url = new URL(origin);
      if (!['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '[::]'].includes(url.hostname)) return url.origin;
    } catch {
      // Fall through to the loopback address.
    }
  }
  return `http://127.0.0.1:${env.PORT ?? '3000'}`;
}

let warned = false;

/** The production revalidator: POST /api/revalidate on this very instance. */
export const revalidateThisInstance: LocalRevalidator = async (tags) => {
  const outcome: RevalidationOutcome = await requestRevalidation(tags, { ...process.env, REVALIDATE_URL: selfOrigin() });
  if (outcome.kind === 'revalidated') return true;
  if (!warned) {
    warned = true;
    const reason =
      outcome.kind === 'not-configured'
        ? 'set REVALIDATE_SECRET (required on PostgreSQL)'
        : outcome.kind === 'refused'
          ? `${outcome.url} answered HTTP ${outcome.status}`
          : `${outcome.url} did not answer`;
    console.error(`Scheduler: cannot revalidate this instance's cache (${reason}); scheduled articles appear when cached pages expire.`);
  }
  return false;
};

/** SCHEDULER_INTERVAL_MS, checked: a whole number of milliseconds, at least 100. */
export function intervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SCHEDULER_INTERVAL_MS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_INTERVAL_MS;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 100) throw new Error(`SCHEDULER_INTERVAL_MS must be a whole number of milliseconds ≥ 100, got "${raw}"`);
  return value;
}

const RUNNING = Symbol.for('sportnieuws.scheduler');
type GlobalWithScheduler = typeof globalThis & { [RUNNING]?: () => void };

export interface SchedulerOptions {
  intervalMs?: number;
  database?: () => Promise<Database>;
  revalidate?: LocalRevalidator;
  /** What asks the edges to refresh after changes a tick found itself (tests replace it). */
  refreshEdges?: (tags: string[]) => Promise<unknown>;
  /**
   * Wakes the scheduler when another instance writes to the log: by default PostgreSQL's
   * LISTEN/NOTIFY (lib/cache/bus-listener.ts), nothing on SQLite. Resolves to its stop function.
   */
  listen?: (onNotify: () => void) => Promise<() => Promise<void>>;
}

function defaultListener(onNotify: () => void): Promise<() => Promise<void>> {
  const config = databaseConfigFromEnv();
  if (config.engine !== 'postgres') return Promise.resolve(async () => undefined);
  return listenForInvalidations(config, onNotify);
}

/**
 * Starts the scheduler in this process, once (a second call, e.g. after a dev-server reload,
 * returns the running one's stop function). The timer is unref'd: it never keeps a process
 * alive on its own. Ticks never overlap; a slow one makes the next wait.
 */
export function startScheduler(options: SchedulerOptions = {}): () => void {
  const holder: GlobalWithScheduler = globalThis;
  const started = holder[RUNNING];
  if (started !== undefined) return started;

  const intervalMs = options.intervalMs ?? intervalFromEnv();
  const open = options.database ?? getDatabase;
  const revalidate = options.revalidate ?? revalidateThisInstance;
  const refresh = options.refreshEdges ?? refreshEdges;
  const state = initialState();
  const runOnce = async () => {
    try {
      const result = await tick(await open(), state, revalidate);
      // The tick is also the database's heartbeat for the proxy (lib/db/health.ts).
      markDatabaseUp();
      for (const article of result.published) console.log(`Scheduler: published ${article.locale} article ${article.id} on schedule.`);
      // Not awaited: the edges' requests come back to the instances, and may come back here.
      if (result.ok && result.found.length > 0) void refresh(result.found);
    } catch (error) {
      noteDatabaseFailure(error);
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Scheduler: tick failed: ${message}`);
    }
  };
  // Ticks never overlap. A catch-up asked for while one runs gets the next one, which starts when
  // that one ends and is shared by everyone who asked meanwhile.
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const runTick = (): Promise<void> => {
    if (running === null) {
      running = runOnce().finally(() => {
        running = null;
      });
      return running;
    }
    next ??= running.then(() => {
      next = null;
      return runTick();
    });
    return next;
  };
  const timer = setInterval(() => {
    if (running === null) void runTick();
  }, intervalMs);
  timer.unref();
  // A notification runs a tick now (or right after the one under way): another instance's write
  // reaches this one in milliseconds instead of within the interval.
  const listening = (options.listen ?? defaultListener)(() => void runTick()).catch((error: unknown) => {
    console.error(`Scheduler: not listening for other instances' writes (${error instanceof Error ? error.message : String(error)}); polling only.`);
    return async () => undefined;
  });
  const stop = () => {
    clearInterval(timer);
    void listening.then((stopListening) => stopListening());
    if (holder[RUNNING] === stop) holder[RUNNING] = undefined;
    registerCatchUp(undefined, runTick);
  };
  holder[RUNNING] = stop;
  registerCatchUp(runTick);
  return stop;
}
