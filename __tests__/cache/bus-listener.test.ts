/**
 * LISTEN/NOTIFY on the invalidation log, on a real PostgreSQL server: a bus entry wakes every
 * listener when its transaction commits (not before, and not when it rolls back), and a listener
 * whose connection is killed comes back by itself and tells its caller to catch up.
 * (SQLite has no such channel: its instances poll, which the scheduler's suite covers.)
 */
import { Pool } from 'pg';
import { announce, announceInTransaction } from '@/lib/cache/bus';
import { BUS_CHANNEL, LISTENER_NAME, listenForInvalidations } from '@/lib/cache/bus-listener';
import type { Database } from '@/lib/db/connection';
import { withWriteTransaction } from '@/lib/db/transaction';
import { describePostgres } from '../data/engines';

/** Resolves with the number of calls once `count` have come. */
function counter() {
  let calls = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  return {
    onNotify: () => {
      calls++;
      for (const waiter of waiters.filter((entry) => calls >= entry.count)) waiter.resolve();
    },
    get calls() {
      return calls;
    },
    reach: (count: number) => new Promise<void>((resolve) => (calls >= count ? resolve() : waiters.push({ count, resolve }))),
  };
}

describePostgres('the bus listener', (harness) => {
  let database: Database;
  let stop: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    database = await harness.fresh();
  });
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('is woken by every bus entry when its transaction commits, and not by one rolled back', async () => {
    const config = harness.freshConfig();
    if (config.engine !== 'postgres') throw new Error('unreachable');
    const notified = counter();
    stop = await listenForInvalidations(config, notified.onNotify);
    // The first call comes at once: catch up with whatever was written while not listening.
    await notified.reach(1);

    await announce(database, ['listings:nl']);
    await notified.reach(2);

    await expect(
      withWriteTransaction(database, async (trx) => {
        await announceInTransaction(trx, database.engine, ['listings:en']);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await announce(database, ['taxonomy']);
    await notified.reach(3);
    // The rolled-back entry sent nothing: the next call was the committed one's.
    expect(notified.calls).toBe(3);
  });

  it('reconnects after its connection is killed, and asks its caller to catch up', async () => {
    const config = harness.freshConfig();
    if (config.engine !== 'postgres') throw new Error('unreachable');
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const notified = counter();
    const admin = new Pool({ connectionString: config.url, max: 1 });
    const { rows: before } = await admin.query<{ now: Date }>('select now()');
    stop = await listenForInvalidations(config, notified.onNotify);
    await notified.reach(1);
    try {
      // This test's listener only (the newest of that name), not another process's.
      const killed = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and query = 'LISTEN ${BUS_CHANNEL}' and backend_start >= $2 order by backend_start desc limit 1`,
        [LISTENER_NAME, before[0]?.now],
      );
      expect(killed.rowCount).toBe(1);
      // Back again: the reconnect's own catch-up call, then a write's.
      await notified.reach(2);
      await announce(database, ['listings:nl']);
      await notified.reach(3);
      expect(errors.mock.calls.map(([line]) => String(line))).toEqual([expect.stringContaining('lost the LISTEN connection'), 'Cache bus: listening again.']);
    } finally {
      await admin.end();
      errors.mockRestore();
    }
  });
});
