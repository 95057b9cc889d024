/**
 * The database's health as the proxy sees it (lib/db/health.ts): a failure to reach the database
 * marks it down for a few seconds, renewed by each further failure and cleared by the first success;
 * a locked or full SQLite file, which readers can still read, never marks it down.
 */
import { isDatabaseUnreachable, noteDatabaseFailure } from '@/lib/db/availability';
import { databaseKnownDown, DOWN_FOR_MS, markDatabaseDown, markDatabaseUp } from '@/lib/db/health';
import { renderErrorPage } from '@/lib/site/error-pages';
import { unavailableResponse } from '@/lib/site/origin-state';

const refused = () => Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })], ''), { code: 'ECONNREFUSED' });
const sqlite = (code: string) => Object.assign(new Error(code), { code });

describe('the database’s health', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    markDatabaseUp();
  });
  afterEach(() => {
    markDatabaseUp();
    logged.mockRestore();
  });

  it('is down for a while after a failure, and up again at once after a success', () => {
    const now = Date.now();
    expect(databaseKnownDown(now)).toBe(false);
    markDatabaseDown(now);
    expect(databaseKnownDown(now + DOWN_FOR_MS - 1)).toBe(true);
    // Nothing renews it: it lapses, and the next request tries the database again.
    expect(databaseKnownDown(now + DOWN_FOR_MS)).toBe(false);
    markDatabaseDown(now);
    markDatabaseUp();
    expect(databaseKnownDown(now)).toBe(false);
    // Said once when it goes down and once when it comes back, not per failure.
    logged.mockClear();
    markDatabaseDown();
    markDatabaseDown();
    markDatabaseUp();
    markDatabaseUp();
    expect(logged.mock.calls.map(([line]) => String(line).split(':')[0])).toEqual(['Database unreachable', 'Database reachable again']);
  });

  it('goes down on a refused connection, a server shutting down, a broken pool or an unreadable file', () => {
    for (const error of [refused(), Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), new Error('Connection terminated unexpectedly'), sqlite('SQLITE_CANTOPEN'), new Error('query failed', { cause: sqlite('SQLITE_IOERR_READ') })]) {
      markDatabaseUp();
      expect(noteDatabaseFailure(error)).toBe(true);
      expect(databaseKnownDown()).toBe(true);
    }
  });

  it('stays up for a lock or a full disk (a 503 for that request, but readers still read) and for any other error', () => {
    for (const error of [sqlite('SQLITE_BUSY'), sqlite('SQLITE_LOCKED'), sqlite('SQLITE_FULL')]) {
      expect(isDatabaseUnreachable(error)).toBe(false);
      expect(noteDatabaseFailure(error)).toBe(true);
    }
    for (const error of [new Error('syntax error at or near "selec"'), new TypeError('x is undefined'), 'a string']) {
      expect(noteDatabaseFailure(error)).toBe(false);
    }
    expect(databaseKnownDown()).toBe(false);
  });
});

describe('the proxy’s answer while the database is down', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    markDatabaseUp();
    logged.mockRestore();
  });

  it('is nothing while the database is up', () => {
    expect(unavailableResponse('/nieuws/derby', 'GET')).toBeNull();
  });

  it('is the localized 503 page for every page, in its edition, with Retry-After and never stored', async () => {
    markDatabaseDown();
    for (const [path, lang] of [['/', 'nl'], ['/nieuws/derby', 'nl'], ['/rubriek/voetbal/2', 'nl'], ['/redactie', 'nl'], ['/en', 'en'], ['/en/news/derby', 'en'], ['/entree', 'nl']] as const) {
      const response = unavailableResponse(path, 'GET');
      expect(response?.status).toBe(503);
      expect(response?.headers.get('retry-after')).toBe('30');
      expect(response?.headers.get('cache-control')).toBe('no-store');
      expect(response?.headers.get('content-language')).toBe(lang);
      const html = await response!.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toBe(renderErrorPage(503, lang));
    }
    expect(await unavailableResponse('/', 'HEAD')!.text()).toBe('');
  });

  it('leaves route handlers (which answer a 503 of their own kind) and build assets alone', () => {
    markDatabaseDown();
    for (const path of ['/api/listings', '/feed.xml', '/en/feed.xml', '/sitemaps/articles/1.xml', '/robots.txt', '/media/abc.jpg', '/_next/static/chunks/a.js', '/favicon.ico', '/icon.svg']) {
      expect(unavailableResponse(path, 'GET')).toBeNull();
    }
  });
});

describe('the error pages from precompiled messages', () => {
  it('render the same from next-intl’s precompiled form as from the JSON on disk', async () => {
    // What next-intl's precompile makes of the two kinds of message these pages use.
    jest.resetModules();
    jest.doMock('@/messages/nl.json', () => {
      const raw = jest.requireActual<Record<string, Record<string, string>>>('@/messages/nl.json');
      const compiled = Object.fromEntries(
        Object.entries(raw).map(([namespace, entries]) => [
          namespace,
          Object.fromEntries(Object.entries(entries).map(([key, text]) => [key, /\{/.test(text) ? text.split(/(\{\w+\})/).filter(Boolean).map((part) => (/^\{\w+\}$/.test(part) ? [part.slice(1, -1)] : part)) : text])),
        ]),
      );
      return { __esModule: true, default: compiled };
    });
    const precompiled = await import('@/lib/site/error-pages');
    jest.dontMock('@/messages/nl.json');
    for (const status of [404, 401, 503] as const) {
      const html = precompiled.renderErrorPage(status, 'nl');
      expect(html).toBe(renderErrorPage(status, 'nl'));
      expect(html).toContain(String(status));
    }
  });
});
