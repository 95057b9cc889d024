/**
 * Answering while the database cannot be reached (lib/db/availability.ts, lib/site/unavailable.ts),
 * with the errors the real drivers raise: PostgreSQL on a port nothing listens on, and an SQLite
 * file that cannot be opened. Other failures are bugs and must stay 500s.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/lib/db/connection';
import { isDatabaseUnavailable } from '@/lib/db/availability';
import { RETRY_AFTER_SECONDS, unavailableWhenDatabaseIsDown } from '@/lib/site/unavailable';

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

const unreachablePostgres = () =>
  failureOf(openDatabase({ engine: 'postgres', url: 'postgres://nobody:secret@127.0.0.1:1/site', schema: 'public' } as never));

describe('telling an unreachable database from a bug', () => {
  it('recognises PostgreSQL that does not answer', async () => {
    expect(isDatabaseUnavailable(await unreachablePostgres())).toBe(true);
  });

  it('recognises an SQLite file that cannot be opened', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'sportnieuws-unavailable-'));
    // A directory where the database file should be: SQLite cannot open it.
    const error = await failureOf(openDatabase({ engine: 'sqlite', filename: directory } as never));
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a plain error', new Error('boom')],
    ['an SQL error', Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' })],
    ['a constraint', Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })],
    ['nothing', undefined],
  ])('does not take %s for one', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('follows causes', () => {
    expect(isDatabaseUnavailable(new Error('render failed', { cause: Object.assign(new Error('x'), { code: '57P01' }) }))).toBe(true);
  });
});

describe('a route handler while the database is down', () => {
  it('answers 503 in its own format, with Retry-After, never cached', async () => {
    const error = await unreachablePostgres();
    const handler = unavailableWhenDatabaseIsDown('json', async () => {
      throw error;
    });
    const response = await handler();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: 'temporarily unavailable, try again shortly' });

    const xml = await unavailableWhenDatabaseIsDown('xml', async () => {
      throw error;
    })();
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await xml.text()).toContain('<error>');
  });

  it('lets every other failure through as the bug it is', async () => {
    const handler = unavailableWhenDatabaseIsDown('json', async () => {
      throw new TypeError('undefined is not a function');
    });
    await expect(handler()).rejects.toThrow(TypeError);
  });

  it('answers as usual when nothing fails', async () => {
    const response = await unavailableWhenDatabaseIsDown('json', async () => Response.json({ ok: true }))();
    expect(response.status).toBe(200);
  });
});
