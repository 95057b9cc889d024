/**
 * Whether this process knows the database to be unreachable right now. The data layer marks it down
 * when a read or the scheduler's tick fails to reach the database (lib/db/availability.ts), and up
 * when a tick gets through again; the proxy reads it on every request and answers pages with the
 * localized 503 page meanwhile, instead of letting each render fail with a 500.
 *
 * A mark lasts {@link DOWN_FOR_MS} unless renewed: the scheduler's tick (every 500 ms) renews it
 * while the outage lasts and clears it the moment it gets through, and where no scheduler runs,
 * the next request after the mark lapses tries the database again. Nothing can keep the site down
 * on its own.
 *
 * The proxy and the data layer are bundled apart, so the state lives on a global, and this module
 * imports nothing.
 */
const HEALTH = Symbol.for('sportnieuws.database.health');

/** How long one failure keeps the database marked down without another. */
export const DOWN_FOR_MS = 5000;

type GlobalWithHealth = typeof globalThis & { [HEALTH]?: { downUntil: number } };

function state(): { downUntil: number } {
  const holder = globalThis as GlobalWithHealth;
  holder[HEALTH] ??= { downUntil: 0 };
  return holder[HEALTH];
}

export function databaseKnownDown(now: number = Date.now()): boolean {
  return state().downUntil > now;
}

export function markDatabaseDown(now: number = Date.now()): void {
  const current = state();
  const wasDown = current.downUntil > now;
  current.downUntil = now + DOWN_FOR_MS;
  if (!wasDown) console.error('Database unreachable: public pages answer 503 (Retry-After) until it answers again.');
}

export function markDatabaseUp(): void {
  const current = state();
  if (current.downUntil > Date.now()) console.error('Database reachable again: pages are served as usual.');
  current.downUntil = 0;
}
