/**
 * The publication scheduler and the cache bus, with the clock controlled: due articles flip to
 * published exactly once (also when two instances race), other instances' revalidations are
 * followed past a watermark, articles that became public by the clock alone are revalidated, and a
 * failed local revalidation is retried.
 */
import { getPublicArticle } from '@/lib/data/articles';
import { listPublicArticles } from '@/lib/data/listing';
import { listDeskArticles } from '@/lib/desk/articles/list';
import { changePublication } from '@/lib/desk/articles/publication';
import { listRevisions } from '@/lib/desk/articles/revisions';
import { saveArticle } from '@/lib/desk/articles/save';
import { announce, BUS_RETENTION_MS, latestInvalidationId, pruneInvalidations, readInvalidationsAfter } from '@/lib/cache/bus';
import { applyContent } from '@/lib/data/write';
import type { Database } from '@/lib/db/connection';
import {
  articlesPublicSince,
  initialState,
  intervalFromEnv,
  publishDueArticles,
  SCHEDULED_PUBLICATION_NOTE,
  selfOrigin,
  startScheduler,
  tick,
  type LocalRevalidator,
  type SchedulerOptions,
} from '@/lib/publishing/scheduler';
import { databaseKnownDown, markDatabaseUp } from '@/lib/db/health';
import { catchUpWithLog } from '@/lib/publishing/catch-up';
import { contentFixture, FIXTURE_NOW, LATER_NOW } from '../fixtures/content';
import { describeEachEngine, type EngineHarness } from '../data/engines';
import { ids, writeFingerprint } from '../data/helpers';

const editor = { id: 'user-1', name: 'Eva Editor' };
const at = (iso: string) => new Date(iso);
/** nl-gepland is 'scheduled' for 2024-05-02T08:00Z; nl-toekomst is 'published' for 2024-05-03T08:00Z. */
const GEPLAND_DUE = at('2024-05-02T08:00:00Z');

async function fixtureDatabase(harness: EngineHarness): Promise<Database> {
  const database = await harness.fresh();
  await applyContent(database, contentFixture, { now: FIXTURE_NOW });
  return database;
}

/** A revalidator that records what it was asked, and answers `result`. */
function recorder(result = true): LocalRevalidator & { calls: string[][] } {
  const calls: string[][] = [];
  const revalidate = async (tags: string[]) => {
    calls.push(tags);
    return result;
  };
  return Object.assign(revalidate, { calls });
}

/**
 * A scheduler in this process whose ticks run only when asked (its interval is an hour), with
 * nothing refreshed or revalidated unless `options` says otherwise; counts the ticks it opened the
 * database for.
 */
function askedScheduler(open: () => Promise<Database>, options: Omit<SchedulerOptions, 'database' | 'intervalMs'> = {}) {
  let ticks = 0;
  const stop = startScheduler({
    revalidate: recorder(),
    refreshEdges: async () => undefined,
    ...options,
    intervalMs: 3_600_000,
    database: () => {
      ticks++;
      return open();
    },
  });
  return { stop, ticks: () => ticks };
}

describeEachEngine('scheduler: publishing due articles', (harness) => {
  it('publishes nothing before the time, and a scheduled article at its time, with link copies, a revision and a bus entry', async () => {
    const database = await fixtureDatabase(harness);
    const before = new Date(GEPLAND_DUE.getTime() - 1);
    await expect(publishDueArticles(database, before)).resolves.toEqual({ published: [], tags: [], busId: null });
    await expect(getPublicArticle(database, 'nl', 'gepland-klassieker-voorbeschouwing', GEPLAND_DUE)).resolves.toBeNull();

    const watermark = await latestInvalidationId(database);
    const result = await publishDueArticles(database, GEPLAND_DUE);
    expect(result.published).toEqual([{ id: 'nl-gepland', locale: 'nl' }]);
    expect(result.tags).toEqual(['listings:nl', 'article:nl-gepland', 'slug:nl:gepland-klassieker-voorbeschouwing']);

    const page = await getPublicArticle(database, 'nl', 'gepland-klassieker-voorbeschouwing', GEPLAND_DUE);
    expect(page?.kind === 'article' && page.article.status).toBe('published');
    // The author listing reads the link table's copies of status and published_at.
    const byAuthor = await listPublicArticles(database, { locale: 'nl', author: 'sanne-bakker', limit: 1, now: GEPLAND_DUE });
    expect(ids(byAuthor.items)).toEqual(['nl-gepland']);

    const [revision] = await listRevisions(database, 'nl-gepland');
    expect(revision).toMatchObject({ number: 1, note: SCHEDULED_PUBLICATION_NOTE, userName: null, status: 'published', createdAt: GEPLAND_DUE.toISOString() });
    const desk = await listDeskArticles(database, { query: 'nl-gepland' }, GEPLAND_DUE);
    expect(desk.items[0]).toMatchObject({ status: 'published', editedAt: GEPLAND_DUE.toISOString(), editedBy: null });

    const entries = await readInvalidationsAfter(database, watermark);
    expect(entries).toEqual([{ id: result.busId, tags: result.tags, createdAt: GEPLAND_DUE.getTime() }]);

    await expect(publishDueArticles(database, LATER_NOW)).resolves.toMatchObject({ published: [] });
  });

  it('writes nothing while nothing is due', async () => {
    const database = await fixtureDatabase(harness);
    const before = await writeFingerprint(database);
    await publishDueArticles(database, FIXTURE_NOW);
    expect(await writeFingerprint(database)).toBe(before);
  });

  it('publishes an article scheduled at the desk when its time comes', async () => {
    const database = await fixtureDatabase(harness);
    const saved = await saveArticle(database, {
      article: { locale: 'en', slug: 'kick-off', title: 'Kick-off', intro: '', section: 'football', authors: ['emma-jones'], body: [{ type: 'paragraph', text: 'Soon.' }] },
      substantive: false,
      user: editor,
      now: FIXTURE_NOW,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    const due = new Date(FIXTURE_NOW.getTime() + 30_000);
    await changePublication(database, { id: saved.id, action: { kind: 'schedule', at: due }, user: editor, now: FIXTURE_NOW });
    await expect(publishDueArticles(database, new Date(due.getTime() - 1))).resolves.toMatchObject({ published: [] });
    await expect(publishDueArticles(database, due)).resolves.toMatchObject({ published: [{ id: saved.id, locale: 'en' }] });
    const latest = await listPublicArticles(database, { locale: 'en', limit: 1, now: due });
    expect(ids(latest.items)).toEqual([saved.id]);
    expect((await listRevisions(database, saved.id)).map((revision) => revision.note)).toEqual([
      SCHEDULED_PUBLICATION_NOTE,
      `scheduled for ${due.toISOString()}`,
      'created',
    ]);
  });

  it('publishes each article once when instances race for it', async () => {
    const config = harness.freshConfig();
    const first = await harness.open(config);
    await applyContent(first, contentFixture, { now: FIXTURE_NOW });
    // PostgreSQL: a second pool, as another instance would have. SQLite: one connection per process
    // and file (lib/db/connection.ts), so the race runs on it, interleaved by the event loop.
    const second = harness.engine === 'postgres' ? await harness.open(config) : first;
    const results = await Promise.all([first, second, first, second].map((database) => publishDueArticles(database, LATER_NOW)));
    expect(results.flatMap((result) => ids(result.published))).toEqual(['nl-gepland']);
    expect(await listRevisions(first, 'nl-gepland')).toHaveLength(1);
    expect((await readInvalidationsAfter(first, 0)).filter((entry) => entry.tags.includes('article:nl-gepland'))).toHaveLength(1);
  });
});

describeEachEngine('scheduler: ticks', (harness) => {
  it('starts by replaying the retained log, then revalidates every newer entry once, its own included', async () => {
    const database = await fixtureDatabase(harness);
    // Written while this instance was down (an import with the site stopped): caught up on start.
    await announce(database, ['listings:en'], { now: FIXTURE_NOW });
    const state = initialState(FIXTURE_NOW);
    const revalidate = recorder();

    await tick(database, state, revalidate, FIXTURE_NOW);
    expect(revalidate.calls).toEqual([['listings:en']]);
    revalidate.calls.length = 0;

    await announce(database, ['article:nl-klassieker', 'listings:nl'], { now: FIXTURE_NOW });
    // Written by this process: revalidated again a tick later, for renders in flight during the write.
    await announce(database, ['taxonomy'], { now: FIXTURE_NOW });
    const result = await tick(database, state, revalidate, new Date(FIXTURE_NOW.getTime() + 5000));
    expect(result).toMatchObject({ ok: true, revalidated: ['article:nl-klassieker', 'listings:nl', 'taxonomy'] });
    expect(state.watermark).toBe(await latestInvalidationId(database));

    await tick(database, state, revalidate, new Date(FIXTURE_NOW.getTime() + 10_000));
    expect(revalidate.calls).toHaveLength(1);
  });

  it('revalidates articles that became public by the clock alone once, and its own flips again on the next tick', async () => {
    const database = await fixtureDatabase(harness);
    const state = initialState(at('2024-05-03T07:59:55Z'));
    const revalidate = recorder();
    // The first tick publishes nl-gepland (scheduled, overdue); nl-toekomst is not due yet.
    await tick(database, state, revalidate, at('2024-05-03T07:59:59Z'));
    expect(revalidate.calls).toEqual([['article:nl-gepland', 'listings:nl', 'slug:nl:gepland-klassieker-voorbeschouwing']]);
    // nl-toekomst (published, its time just passed) once; nl-gepland's flip a second time, from its
    // bus entry, for a render that was running while it flipped.
    await tick(database, state, revalidate, at('2024-05-03T08:00:03Z'));
    expect(revalidate.calls.slice(1)).toEqual([
      ['article:nl-gepland', 'article:nl-toekomst', 'listings:nl', 'slug:nl:gepland-klassieker-voorbeschouwing', 'slug:nl:toekomst-klassieker-nabeschouwing', 'slug:nl:toekomst-oud'],
    ]);
    await tick(database, state, revalidate, at('2024-05-03T08:00:08Z'));
    expect(revalidate.calls).toHaveLength(2);
  });

  it('publishes due articles on a tick and revalidates them here', async () => {
    const database = await fixtureDatabase(harness);
    const state = initialState(FIXTURE_NOW);
    const revalidate = recorder();
    const result = await tick(database, state, revalidate, GEPLAND_DUE);
    expect(result.published).toEqual([{ id: 'nl-gepland', locale: 'nl' }]);
    expect(revalidate.calls).toEqual([['article:nl-gepland', 'listings:nl', 'slug:nl:gepland-klassieker-voorbeschouwing']]);
  });

  it('tells apart what a tick found itself (its flips) from what it read on the bus', async () => {
    const database = await fixtureDatabase(harness);
    const state = initialState(FIXTURE_NOW);
    await announce(database, ['listings:en']);
    const result = await tick(database, state, recorder(), GEPLAND_DUE);
    expect(result.found).toEqual(['article:nl-gepland', 'listings:nl', 'slug:nl:gepland-klassieker-voorbeschouwing']);
    expect(result.revalidated).toContain('listings:en');
  });

  it('runs a tick when asked to catch up, shares the next one among all who ask during a tick, and refreshes the edges for its own flips', async () => {
    const database = await fixtureDatabase(harness);
    const refreshed: string[][] = [];
    const { stop, ticks } = askedScheduler(async () => database, {
      refreshEdges: async (tags) => {
        refreshed.push(tags);
      },
    });
    try {
      await catchUpWithLog();
      expect(ticks()).toBe(1);
      // Real time is long past the fixture's schedule: that tick published nl-gepland.
      expect(refreshed).toEqual([['article:nl-gepland', 'listings:nl', 'slug:nl:gepland-klassieker-voorbeschouwing']]);
      await Promise.all([catchUpWithLog(), catchUpWithLog(), catchUpWithLog()]);
      expect(ticks()).toBe(3);
      // Nothing new was found: no more refreshes.
      expect(refreshed).toHaveLength(1);
    } finally {
      stop();
    }
    // Stopped: a catch-up no longer waits for anything.
    await catchUpWithLog();
    expect(ticks()).toBe(3);
  });

  it('runs a tick as soon as the log notifies it of another instance’s write, and stops listening when stopped', async () => {
    const database = await fixtureDatabase(harness);
    let notify: (() => void) | undefined;
    let listening = false;
    const { stop, ticks } = askedScheduler(async () => database, {
      listen: async (onNotify) => {
        notify = onNotify;
        listening = true;
        return async () => {
          listening = false;
        };
      },
    });
    try {
      await catchUpWithLog();
      expect(ticks()).toBe(1);
      notify?.();
      // The tick starts at once, not at the next poll (an hour away here).
      expect(ticks()).toBe(2);
      await catchUpWithLog();
    } finally {
      stop();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(listening).toBe(false);
  });

  it('marks the database down for the proxy while its ticks cannot reach it, and up with the first one that does', async () => {
    const database = await fixtureDatabase(harness);
    let reachable = false;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { stop } = askedScheduler(async () => {
      if (!reachable) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      return database;
    });
    try {
      await catchUpWithLog();
      expect(databaseKnownDown()).toBe(true);
      reachable = true;
      await catchUpWithLog();
      expect(databaseKnownDown()).toBe(false);
    } finally {
      stop();
      markDatabaseUp();
      logged.mockRestore();
    }
  });

  it('keeps tags pending while local revalidation fails, and retries them on the next tick', async () => {
    const database = await fixtureDatabase(harness);
    const state = initialState(FIXTURE_NOW);
    const failing = recorder(false);
    const failed = await tick(database, state, failing, GEPLAND_DUE);
    expect(failed.ok).toBe(false);
    expect([...state.pending].sort()).toEqual(['article:nl-gepland', 'listings:nl', 'slug:nl:gepland-klassieker-voorbeschouwing']);

    const working = recorder(true);
    await tick(database, state, working, new Date(GEPLAND_DUE.getTime() + 5000));
    expect(working.calls).toEqual([['article:nl-gepland', 'listings:nl', 'slug:nl:gepland-klassieker-voorbeschouwing']]);
    expect(state.pending.size).toBe(0);
  });

  it('prunes bus entries older than a day', async () => {
    const database = await fixtureDatabase(harness);
    await announce(database, ['listings:nl'], { now: FIXTURE_NOW });
    await announce(database, ['listings:en'], { now: new Date(FIXTURE_NOW.getTime() + BUS_RETENTION_MS) });
    const latest = await latestInvalidationId(database);
    await expect(pruneInvalidations(database, new Date(FIXTURE_NOW.getTime() + BUS_RETENTION_MS + 1))).resolves.toBe(1);
    expect((await readInvalidationsAfter(database, 0)).map((entry) => entry.tags)).toEqual([['listings:en']]);
    // Ids are never reused after a prune, so watermarks stay valid.
    await pruneInvalidations(database, new Date(FIXTURE_NOW.getTime() + 3 * BUS_RETENTION_MS));
    const next = await announce(database, ['taxonomy'], { now: FIXTURE_NOW });
    expect(next).toBeGreaterThan(latest);
  });

  it('refuses tags the site does not issue, and drops unknown tags another version wrote', async () => {
    const database = await fixtureDatabase(harness);
    await expect(announce(database, ['listings:nl', 'everything'])).rejects.toThrow(/not a cache tag/);
    await database.db.insertInto('cache_invalidations').values({ tags: '["listings:nl","future:kind"]', created_at: FIXTURE_NOW.getTime() }).execute();
    await database.db.insertInto('cache_invalidations').values({ tags: 'not json', created_at: FIXTURE_NOW.getTime() }).execute();
    expect((await readInvalidationsAfter(database, 0)).map((entry) => entry.tags)).toEqual([['listings:nl'], []]);
  });

  it('finds articles public since a time with the all-locales listing rule', async () => {
    const database = await fixtureDatabase(harness);
    await expect(articlesPublicSince(database, FIXTURE_NOW.getTime(), LATER_NOW.getTime())).resolves.toEqual([{ id: 'nl-toekomst', locale: 'nl' }]);
    await expect(articlesPublicSince(database, LATER_NOW.getTime(), FIXTURE_NOW.getTime())).resolves.toEqual([]);
  });
});

/** An environment holding only `vars` (NodeJS.ProcessEnv requires NODE_ENV). */
const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...vars });

describe('scheduler configuration', () => {
  it.each([
    [{}, 500],
    [{ SCHEDULER_INTERVAL_MS: '1000' }, 1000],
    [{ SCHEDULER_INTERVAL_MS: ' 250 ' }, 250],
  ])('reads the interval from %j', (vars, expected) => {
    expect(intervalFromEnv(env(vars))).toBe(expected);
  });

  it.each(['0', '-5', '1.5', 'soon', '99'])('refuses SCHEDULER_INTERVAL_MS=%s', (value) => {
    expect(() => intervalFromEnv(env({ SCHEDULER_INTERVAL_MS: value }))).toThrow(/SCHEDULER_INTERVAL_MS/);
  });

  it.each([
    [{ PORT: '3201', __NEXT_PRIVATE_ORIGIN: 'http://localhost:3201' }, 'http://127.0.0.1:3201'],
    [{ PORT: '3201', __NEXT_PRIVATE_ORIGIN: 'http://127.0.0.1:3201' }, 'http://127.0.0.1:3201'],
    [{ PORT: '8080' }, 'http://127.0.0.1:8080'],
    [{ PORT: '8080', __NEXT_PRIVATE_ORIGIN: 'http://10.0.0.7:8080' }, 'http://10.0.0.7:8080'],
  ])('finds this instance at %j', (vars, expected) => {
    expect(selfOrigin(env(vars))).toBe(expected);
  });
});
