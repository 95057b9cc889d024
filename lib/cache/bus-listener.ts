/**
 * PostgreSQL's LISTEN/NOTIFY on top of the invalidation log (lib/cache/bus.ts): every bus entry
 * also sends a notification when its transaction commits, and each instance's scheduler listens
 * and runs a tick at once instead of at its next poll. The table stays the log, and polling stays
 * the guarantee: a notification lost to a dropped connection costs at most one poll interval, and
 * an instance that starts still replays the log.
 *
 * SQLite has no such channel; its instances share one machine's file and poll.
 */
import { Client } from 'pg';
import type { DatabaseConfig } from '@/lib/db/config';

/** The channel bus entries are announced on. One per database: schemas share it. */
export const BUS_CHANNEL = 'sportnieuws_invalidations';

/** The listener connection's application_name. */
export const LISTENER_NAME = 'sportnieuws bus listener';

/** How long the listener waits before it connects again after losing its connection. */
export const RECONNECT_MS = 1000;

/**
 * Listens on {@link BUS_CHANNEL} on a connection of its own, and calls `onNotify` for each
 * notification; reconnects by itself. Returns a function that stops listening. Resolves once the
 * first LISTEN is in place, or after its first failure (it keeps trying in the background).
 */
export async function listenForInvalidations(config: Extract<DatabaseConfig, { engine: 'postgres' }>, onNotify: () => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: Client | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failing = false;

  const connect = async (): Promise<void> => {
    // Named, for operators reading pg_stat_activity.
    const current = new Client({ connectionString: config.url, application_name: LISTENER_NAME });
    client = current;
    const lost = (reason: string) => {
      if (client !== current) return;
      client = null;
      current.end().catch(() => undefined);
      if (stopped) return;
      if (!failing) console.error(`Cache bus: lost the LISTEN connection (${reason}); polling meanwhile, reconnecting every ${RECONNECT_MS} ms.`);
      failing = true;
      retry = setTimeout(() => {
        retry = null;
        void connect();
      }, RECONNECT_MS);
      retry.unref();
    };
    current.on('notification', (message) => {
      if (message.channel === BUS_CHANNEL) onNotify();
    });
    current.on('error', (error) => lost(error.message));
    current.on('end', () => lost('connection ended'));
    try {
      await current.connect();
      await current.query(`LISTEN ${BUS_CHANNEL}`);
      if (failing) console.error('Cache bus: listening again.');
      failing = false;
      // Whatever was announced while the connection was down: the caller catches up with the log.
      onNotify();
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
    }
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end().catch(() => undefined);
  };
}
