/** The proxy's checks (lib/site/request-guard.ts), and the facts about the app they rely on. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allowedMethods, checkRequest, isWellFormedPath, paginatedListingOf, requestChecks, type GuardAnswer, type RequestCheck } from '@/lib/site/request-guard';

const root = path.resolve(__dirname, '..', '..');

/** Every file below `dir` (relative to the project root) whose name passes `keep`. */
function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const check = (method: string, pathname: string, search = ''): GuardAnswer | null => checkRequest({ method, pathname, searchParams: new URLSearchParams(search) });

describe('a path with invalid percent-encoding is a 404 in the edition of its prefix', () => {
  it.each([
    ['/nieuws/%FF', 'nl'],
    ['/nieuws/%C3%28', 'nl'],
    ['/nieuws/%', 'nl'],
    ['/nieuws/%C0%AF', 'nl'],
    ['/%FF', 'nl'],
    ['/rubriek/%ZZ', 'nl'],
    ['/feed.xml%FF', 'nl'],
    ['/media/%FF', 'nl'],
    ['/sitemaps/articles/%FF.xml', 'nl'],
    ['/en%FF', 'nl'],
    ['/en/%FF', 'en'],
    ['/en/news/%E2%82', 'en'],
  ])('%s: a %s page', (pathname, locale) => {
    expect(check('GET', pathname)).toEqual({ kind: 'not-found', surface: 'page', locale, undecodable: true });
  });

  it.each(['/api/articles/%FF/status', '/api/listings%', '/api/%C3%28'])('%s: JSON', (pathname) => {
    expect(check('GET', pathname)).toMatchObject({ kind: 'not-found', surface: 'api' });
  });

  it.each(['/', '/nieuws/%E2%82%AC-winst', '/nieuws/caf%C3%A9', '/zoeken', '/nieuws/a%00b', '/nieuws/%2e%2e', '/%F0%9F%8F%86'])('%s decodes, and passes', (pathname) => {
    expect(isWellFormedPath(pathname)).toBe(true);
    expect(check('GET', pathname)).toBeNull();
  });
});

describe('methods', () => {
  it.each([
    ['/', 'GET, HEAD, OPTIONS'],
    ['/en', 'GET, HEAD, OPTIONS'],
    ['/nieuws/een-artikel', 'GET, HEAD, OPTIONS'],
    ['/feed.xml', 'GET, HEAD, OPTIONS'],
    ['/media/3f9a0c2e1b7d4a5f8e6c9b0a1d2e3f40.webp', 'GET, HEAD, OPTIONS'],
    ['/voorvertoning/token', 'GET, HEAD, OPTIONS'],
    ['/redactie', 'GET, HEAD, POST, OPTIONS'],
    ['/redactie/artikelen/nieuw', 'GET, HEAD, POST, OPTIONS'],
    ['/en/desk/sign-in', 'GET, HEAD, POST, OPTIONS'],
    ['/redactiekamer', 'GET, HEAD, OPTIONS'],
    ['/api/listings', 'GET, HEAD, OPTIONS'],
    ['/api/articles/abc/status', 'GET, HEAD, OPTIONS'],
    ['/api/revalidate', 'POST, OPTIONS'],
    ['/api/preview/exit', 'POST, OPTIONS'],
  ])('%s takes %s', (pathname, allow) => {
    expect(allowedMethods(pathname)?.join(', ')).toBe(allow);
  });

  it.each(['GET', 'HEAD'])('%s passes on every page', (method) => {
    expect(check(method, '/nieuws/een-artikel')).toBeNull();
  });

  it.each(['PUT', 'DELETE', 'PATCH', 'TRACE', 'POST', 'PROPFIND'])('%s on a public page is a 405 that names GET and HEAD', (method) => {
    expect(check(method, '/nieuws/een-artikel')).toEqual({ kind: 'method-not-allowed', surface: 'page', allow: ['GET', 'HEAD', 'OPTIONS'] });
  });

  it('POST passes on desk pages, with or without JavaScript (Server Actions post to the page)', () => {
    expect(check('POST', '/redactie/inloggen')).toBeNull();
    expect(check('POST', '/en/desk/articles/abc')).toBeNull();
  });

  it('TRACE would be refused everywhere, the desk and the API included (Next does not hand it over yet)', () => {
    for (const pathname of ['/redactie', '/api/revalidate', '/api/listings', '/robots.txt']) {
      expect(check('TRACE', pathname)).toMatchObject({ kind: 'method-not-allowed' });
    }
  });

  it('a method an endpoint does not export is a JSON 405', () => {
    expect(check('GET', '/api/revalidate')).toEqual({ kind: 'method-not-allowed', surface: 'api', allow: ['POST', 'OPTIONS'] });
  });

  it('OPTIONS is answered with what the path takes', () => {
    expect(check('OPTIONS', '/')).toEqual({ kind: 'options', allow: ['GET', 'HEAD', 'OPTIONS'] });
    expect(check('OPTIONS', '/api/revalidate')).toEqual({ kind: 'options', allow: ['POST', 'OPTIONS'] });
  });

  it('an /api/ path that names no endpoint is a JSON 404, whatever the method', () => {
    for (const method of ['GET', 'POST', 'OPTIONS']) {
      for (const pathname of ['/api', '/api/', '/api/articles', '/api/articles/abc', '/api/listings/more']) {
        expect(check(method, pathname)).toEqual({ kind: 'not-found', surface: 'api', locale: 'nl' });
      }
    }
  });
});

describe('the order of the checks', () => {
  it('the first check with an answer wins, so a check put first answers before the others', () => {
    const everythingMissing: RequestCheck = ({ pathname }) => ({ kind: 'not-found', surface: 'page', locale: pathname.startsWith('/en') ? 'en' : 'nl' });
    const request = { method: 'PUT', pathname: '/en/video', searchParams: new URLSearchParams() };
    expect(checkRequest(request)).toMatchObject({ kind: 'method-not-allowed' });
    expect(checkRequest(request, [everythingMissing, ...requestChecks])).toEqual({ kind: 'not-found', surface: 'page', locale: 'en' });
  });

  it('a path that does not decode is a 404 whatever the method', () => {
    expect(check('PUT', '/nieuws/%FF')).toMatchObject({ kind: 'not-found' });
    expect(check('OPTIONS', '/api/%FF')).toMatchObject({ kind: 'not-found', surface: 'api' });
  });
});

describe("a listing's page parameter", () => {
  it.each([
    ['/rubriek/voetbal', 'pagina=2'],
    ['/rubriek/voetbal', 'pagina=abc'],
    ['/rubriek/voetbal', 'pagina='],
    ['/video', 'pagina=9999'],
    ['/en/section/archive', 'page=2'],
    ['/rubriek/voetbal', 'page=..'],
    ['/en/section/archive', 'pagina=..'],
    ['/nieuws/een-artikel', 'pagina=..'],
    ['/zoeken', 'q=%2F%2F..&pagina=..'],
  ])('%s?%s passes: a segment the page route answers itself, or no page parameter of that listing', (pathname, search) => {
    expect(check('GET', pathname, search)).toBeNull();
  });

  it.each([
    ['/rubriek/voetbal', 'pagina=..', 'nl'],
    ['/rubriek/voetbal', 'pagina=%2F%2Fevil.example%2F', 'nl'],
    ['/auteur/joost-verbeek', 'pagina=.', 'nl'],
    ['/tag/derby', 'pagina=2&pagina=a%2Fb', 'nl'],
    ['/video', 'pagina=%FF', 'nl'],
    ['/en/section/archive', 'page=0%FF', 'en'],
    ['/en/video', 'page=2%3Fx', 'en'],
    ['/en/author/x', 'page=%C3%A9', 'en'],
  ])('%s?%s is a 404 (the rewrite would make a path out of it)', (pathname, search, locale) => {
    expect(check('GET', pathname, search)).toEqual({ kind: 'not-found', surface: 'page', locale });
  });
});

describe('the app is as the checks assume', () => {
  it("knows every listing next.config.js paginates, and nothing else", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS and untyped (allowJs is off); the cast states the part this test reads
    const config = require('../../next.config.js') as { rewrites(): Promise<{ beforeFiles: Array<{ source: string; has?: Array<{ type: string; key: string }> }> }> };
    const paginated = (await config.rewrites()).beforeFiles.filter((rewrite) => rewrite.has?.some((condition) => condition.type === 'query'));
    expect(paginated.length).toBe(8);
    for (const { source, has } of paginated) {
      const sample = source.replace(/:slug\b/, 'x');
      expect({ source, listing: paginatedListingOf(sample) }).toEqual({ source, listing: { locale: sample.startsWith('/en/') ? 'en' : 'nl', key: has![0]!.key } });
    }
  });

  /** The methods a route file exports (`export async function GET` or `export const GET =`). */
  function exportedMethods(file: string): string[] {
    const source = readFileSync(path.join(root, file), 'utf8');
    return [...source.matchAll(/^export (?:async function|function|const) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm)].map((match) => match[1]!);
  }

  /** A path the route file answers, with `x` for each dynamic segment. */
  function samplePath(file: string): string {
    return `/${path.dirname(path.relative('app', file))}`.replace(/\[[^\]]+\]/g, 'x');
  }

  it.each(filesUnder('app/api', (name) => name === 'route.ts'))('%s exports exactly the methods the table names', (file) => {
    const exported = exportedMethods(file);
    const expected = [...(exported.includes('GET') ? ['GET', 'HEAD'] : []), ...exported.filter((method) => method !== 'GET'), 'OPTIONS'];
    expect(allowedMethods(samplePath(file))).toEqual(expected);
  });

  it('every other route handler (feeds, sitemaps, media, robots.txt) is read-only', () => {
    const handlers = filesUnder('app', (name) => name === 'route.ts').filter((file) => !file.startsWith(path.join('app', 'api')));
    expect(handlers.length).toBeGreaterThan(5);
    for (const file of handlers) expect({ file, methods: exportedMethods(file) }).toEqual({ file, methods: ['GET'] });
  });

  it('Server Actions live only on the desk, the one place pages take POST', () => {
    const sources = [...filesUnder('app', (name) => /\.tsx?$/.test(name)), ...filesUnder('lib', (name) => /\.tsx?$/.test(name))];
    const actions = sources.filter((file) => /^\s*['"]use server['"]/m.test(readFileSync(path.join(root, file), 'utf8')));
    expect(actions.length).toBeGreaterThan(0);
    for (const file of actions) expect(file).toMatch(/^(app\/\[locale\]\/desk|lib\/desk)\//);
  });
});
