/**
 * Route fuzzing: random requests to every route family of the production build, checked against
 * the properties every answer must have, whatever was asked:
 *
 * - nothing is ever a 5xx;
 * - an HTML answer shows the edition of its URL (`/en…` English, everything else Dutch), and it,
 *   like every error answer with a body, carries the site's security headers;
 * - an `/api/` answer is JSON, or has no body (HEAD, 204, a redirect);
 * - a 405 says what is allowed.
 *
 * The requests: every path of lib/i18n/pathnames.json (the desk too) in both editions and its
 * internal `/nl/…` form, the feeds, sitemaps, media, robots.txt and the JSON endpoints, with
 * random segments (real slugs, slug-like words, valid and invalid percent-encoding, overlong
 * UTF-8, unicode, dot segments, empty segments, very long ones), methods, query parameters (the
 * page parameters among them) and header values (Accept, Accept-Language, junk cookies, the RSC
 * headers, Next-Action).
 *
 * Deterministic: a fixed seed and a bounded number of runs (1,500, about 20 s here). Another seed:
 * FUZZ_SEED=123 (FUZZ_SEED=random for a fresh one, printed), more runs: FUZZ_RUNS=5000. A failure
 * prints the seed, the smallest failing request fast-check found and the path to replay it.
 *
 * Not fuzzed: TRACE. Next 16.5 builds a WHATWG Request for the proxy and for route handlers, which
 * refuses TRACE before any of the site's code runs (a 500 at the origin; the edge answers it);
 * bad-requests.spec.ts pins what the origin does with it.
 */
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import fc from 'fast-check';
import pathnames from '@/lib/i18n/pathnames.json';
import { contentType, editionOfPath, missingSecurityHeaders, renderedEdition } from './answers';

const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
if (!Number.isInteger(SEED) || !Number.isInteger(RUNS) || RUNS < 1) {
  throw new Error(`FUZZ_SEED must be an integer or "random", FUZZ_RUNS a positive integer (got ${process.env.FUZZ_SEED}, ${process.env.FUZZ_RUNS})`);
}

// ------------------------------------------------------------------------------------------------
// Segments and values

const hex = fc.constantFrom(...'0123456789ABCDEFabcdef'.split(''));
const percentByte = fc.tuple(hex, hex).map(([high, low]) => `%${high}${low}`);

/** Percent sequences that are not UTF-8, or not percent-encoding at all. */
const invalidPercent = fc.oneof(
  fc.constantFrom('%FF', '%C3%28', '%', '%%', '%ZZ', '%C0%AF', '%E0%80%AF', '%E2%82', '%F8%88%80%80%80', '%ED%A0%80', '%G1', '%2'),
  // A random high byte is rarely valid UTF-8 on its own.
  fc.tuple(fc.constantFrom(...'89ABCDEF'.split('')), hex).map(([high, low]) => `%${high}${low}`),
);

/** Words and slugs that exist, so that real pages are among the answers too. */
const realSlug = fc.constantFrom(
  'trainer-van-dijkstad-blijft-kalm-na-nederlaag',
  'voetbal',
  'football',
  'archive',
  'wielrennen',
  'hockey',
  'joost-verbeek',
  'merel-van-houten',
  'page',
  '2',
  '1.xml',
);

const slugLike = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,4}$/);

const unicodeText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });

const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: realSlug },
  { weight: 3, arbitrary: slugLike },
  { weight: 2, arbitrary: unicodeText.map(encodeURIComponent) },
  { weight: 3, arbitrary: fc.tuple(slugLike, invalidPercent, fc.option(slugLike, { nil: '' })).map(([before, bad, after]) => `${before}${bad}${after}`) },
  { weight: 1, arbitrary: invalidPercent },
  { weight: 1, arbitrary: fc.array(percentByte, { minLength: 1, maxLength: 6 }).map((bytes) => bytes.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('..', '.', '%2e%2e', '%2E.', '', '%2F', '..%2F..%2Fetc%2Fpasswd', '%00', '%0D%0ASet-Cookie:%20x=1', '~', 'a;b', 'feed.xml', 'page', 'nl', 'en') },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 6000 }).map((length) => 'a'.repeat(length)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 16 }).map((text) => text.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@%]/g, '')) },
);

// ------------------------------------------------------------------------------------------------
// Paths: every route family, in both editions

type Template = readonly string[];

/** `/nieuws/[slug]` → ['nieuws', '[slug]'] */
const split = (path: string): Template => path.split('/').filter(Boolean);

/** The paths of pathnames.json in both editions. */
const localizedTemplates = (internals: string[]): Template[] =>
  internals.flatMap((internal) => {
    const localized = pathnames[internal as keyof typeof pathnames];
    const nl = typeof localized === 'string' ? localized : localized.nl;
    const en = typeof localized === 'string' ? localized : localized.en;
    return [split(nl), ['en', ...split(en)]];
  });
const isDesk = (internal: string) => internal === '/desk' || internal.startsWith('/desk/');
/** The public pages: fronts, articles, listings, search, share previews. */
const pageTemplates = localizedTemplates(Object.keys(pathnames).filter((internal) => !isDesk(internal)));
/** The desk, which sends a visitor without a session to its sign-in page. */
const deskTemplates = localizedTemplates(Object.keys(pathnames).filter(isDesk));

/** Their internal `/nl/…` forms, which redirect to the public ones. */
const internalTemplates: Template[] = Object.keys(pathnames).map((internal) => ['nl', ...split(internal)]);

/** Feeds, sitemaps, media, robots.txt and the icons: route handlers, in both editions where they have one. */
const documentTemplates: Template[] = [
  ['feed.xml'],
  ['en', 'feed.xml'],
  [...split(pathnames['/section/[slug]'].nl), 'feed.xml'],
  ['en', ...split(pathnames['/section/[slug]'].en), 'feed.xml'],
  ['sitemap.xml'],
  ['news-sitemap.xml'],
  ['sitemaps', 'pages.xml'],
  ['sitemaps', 'articles', '[file]'],
  ['media', '[file]'],
  ['robots.txt'],
  ['favicon.ico'],
  ['icon.svg'],
];

/** The JSON endpoints, and paths below /api/ that name none. */
const apiTemplates: Template[] = [
  ['api', 'articles', '[id]', 'status'],
  ['api', 'listings'],
  ['api', 'preview'],
  ['api', 'preview', 'exit'],
  ['api', 'revalidate'],
  ['api', 'desk', 'media'],
  ['api', '[any]'],
  ['api', '[any]', '[any]'],
];

/** Anything at all: unknown prefixes, and more segments than any route has. */
const anyTemplates: Template[] = [['[any]'], ['[any]', '[any]'], ['en', '[any]', '[any]', '[any]'], ['[any]', '[any]', '[any]', '[any]']];

/** A template with its `[param]`s filled in, and sometimes one more segment or a trailing slash. */
function pathFrom(templates: Template[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...templates), fc.array(segment, { minLength: 4, maxLength: 4 }), fc.constantFrom('', '', '', '', '', '', '/', '/extra'))
    .map(([template, values, tail]) => {
      let next = 0;
      const filled = template.map((part) => (part.startsWith('[') ? values[next++ % values.length]! : part));
      return `/${filled.join('/')}${tail}`;
    });
}

const path = fc.oneof(
  { weight: 6, arbitrary: pathFrom(pageTemplates) },
  { weight: 1, arbitrary: pathFrom(deskTemplates) },
  { weight: 1, arbitrary: pathFrom(internalTemplates) },
  { weight: 2, arbitrary: pathFrom(documentTemplates) },
  { weight: 3, arbitrary: pathFrom(apiTemplates) },
  { weight: 1, arbitrary: pathFrom(anyTemplates) },
  { weight: 1, arbitrary: fc.constantFrom('/', '/en', '/nl') },
);

// ------------------------------------------------------------------------------------------------
// Queries, headers, methods

const queryKey = fc.oneof(
  fc.constantFrom('q', 'pagina', 'page', '_rsc', 'locale', 'section', 'tag', 'author', 'video', 'cursor', 'id', 'next', 'token', '__nextDataReq'),
  fc.stringMatching(/^[a-z_]{1,8}$/),
  invalidPercent,
);
const queryValue = fc.oneof(
  fc.constantFrom('', '1', '2', '0', '-1', '9999999999999999999', 'nl', 'en', 'voetbal', 'archive', 'abc', '%2F%2Fevil.example%2F', 'true'),
  segment,
);
const query = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 });

/** Header values as a client could send them: printable ASCII only (anything else is refused before the site sees it). */
const headerJunk = fc.string({ unit: 'grapheme-ascii', maxLength: 40 });

/** Optional groups of headers, each sent now and then, so that most requests still reach a page. */
function sometimes<T extends Record<string, string>>(weight: number, group: fc.Arbitrary<T>): fc.Arbitrary<Partial<T>> {
  return fc.oneof({ weight, arbitrary: group }, { weight: 10 - weight, arbitrary: fc.constant({}) });
}

const headers = fc
  .tuple(
    fc.record(
      {
        accept: fc.oneof(fc.constantFrom('text/html', 'application/json', '*/*', 'text/x-component', 'application/rss+xml', 'image/avif,image/webp'), headerJunk),
        'accept-language': fc.oneof(fc.constantFrom('nl-NL,nl;q=0.9', 'en-US,en;q=0.5', 'de', '*', 'x-klingon;q=abc'), headerJunk),
        cookie: fc.oneof(
          fc.constantFrom('__prerender_bypass=junk', '__session=junk', '__Host-session=%FF', 'a=%FF; b', 'NEXT_LOCALE=en', '=;=;', 'x'.repeat(2000)),
          fc
            .array(fc.tuple(fc.stringMatching(/^[A-Za-z_-]{1,10}$/), headerJunk.map((value) => value.replace(/[;,]/g, ''))), { maxLength: 4 })
            .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('; ')),
        ),
      },
      { requiredKeys: [] },
    ),
    // Client-side navigation and prefetches.
    sometimes(
      3,
      fc.record(
        {
          rsc: fc.constantFrom('1', '1', '0', 'junk'),
          'next-router-state-tree': fc.oneof(fc.constantFrom('%FF', '[[', '["",{"children":["__PAGE__",{}]},null,null,true]', '%5B%5D'), headerJunk),
          'next-router-prefetch': fc.constantFrom('1', 'junk'),
          'next-router-segment-prefetch': fc.oneof(fc.constantFrom('/_tree', '/_index', '/../../etc', '/__PAGE__'), headerJunk),
          'next-url': fc.oneof(fc.constantFrom('/nieuws/%FF', '/en', '//evil.example'), headerJunk),
        },
        { requiredKeys: ['rsc'] },
      ),
    ),
    // Server Actions.
    sometimes(2, fc.record({ 'next-action': fc.oneof(fc.stringMatching(/^[0-9a-f]{40,42}$/), headerJunk) })),
    sometimes(1, fc.record({ 'x-forwarded-host': fc.constantFrom('evil.example', 'localhost:1', '%FF') })),
  )
  .map((groups): Record<string, string> => Object.assign({}, ...groups));

const method = fc.oneof(
  { weight: 8, arbitrary: fc.constant('GET') },
  { weight: 3, arbitrary: fc.constant('HEAD') },
  { weight: 3, arbitrary: fc.constant('POST') },
  { weight: 3, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS') },
  { weight: 1, arbitrary: fc.constantFrom('PROPFIND', 'PURGE', 'QUERY') },
);

const body = fc.option(fc.oneof(fc.string({ maxLength: 60 }), fc.constant('[1,"$K1"]'), fc.constant('{"slug":"x"}')), { nil: undefined });

interface FuzzRequest {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: string;
}

/** Node refuses request heads over 16 kB (431) before the site sees them; stay well below. */
const MAX_URL_LENGTH = 8000;

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({ method, path, query, headers, body })
  .map((request) => ({
    ...request,
    // Only writes carry a body.
    body: ['GET', 'HEAD', 'OPTIONS'].includes(request.method) ? undefined : request.body,
  }))
  .filter((request) => urlOf(request).length <= MAX_URL_LENGTH);

// ------------------------------------------------------------------------------------------------
// Properties

function urlOf(request: FuzzRequest): string {
  const search = request.query.map(([key, value]) => `${key}=${value}`).join('&');
  return search ? `${request.path}?${search}` : request.path;
}

/** Absolute, so that a path starting with `//` stays a path rather than naming a host. */
async function send(api: APIRequestContext, baseURL: string, request: FuzzRequest): Promise<APIResponse> {
  return api.fetch(`${baseURL}${urlOf(request)}`, { method: request.method, headers: request.headers, data: request.body, maxRedirects: 0, timeout: 20_000 });
}

/** Runs of one character shortened (`a×2000`), so that a very long segment does not flood the report. */
function abbreviated(text: string): string {
  return text.replace(/(.)\1{19,}/g, (run, char: string) => `${char}×${run.length}`);
}

/** What is wrong with an answer; empty when it is a good one. */
async function problemsOf(request: FuzzRequest, response: APIResponse): Promise<string[]> {
  const problems: string[] = [];
  const status = response.status();
  const type = contentType(response);
  const body = await response.body();
  // The path as the server sees it: Playwright's URL parser resolves dot segments first, as browsers and the edge do.
  const pathname = new URL(`http://fuzz.invalid${urlOf(request)}`).pathname;

  if (status >= 500) problems.push(`status ${status}`);
  if (status === 405 && !response.headers()['allow']) problems.push('a 405 without Allow');

  if (pathname === '/api' || pathname.startsWith('/api/')) {
    if (body.length > 0 && !(status >= 300 && status < 400)) {
      if (!/^application\/json/.test(type)) problems.push(`an /api/ answer of type "${type}"`);
      else {
        try {
          JSON.parse(body.toString('utf8'));
        } catch {
          problems.push('an /api/ answer that is not JSON');
        }
      }
    }
  } else if (/^text\/html/.test(type) && body.length > 0 && !(status >= 300 && status < 400)) {
    const edition = renderedEdition(body.toString('utf8'));
    if (edition !== editionOfPath(pathname)) problems.push(`an HTML page in edition ${edition}, not ${editionOfPath(pathname)}`);
  }
  if (/^text\/html/.test(type) || (body.length > 0 && status >= 400)) {
    const missing = missingSecurityHeaders(response);
    if (missing.length > 0) problems.push(`without ${missing.join(', ')}`);
  }
  return problems;
}

test.describe('route fuzzing', () => {
  test(`every answer is a good one (seed ${SEED}, ${RUNS} runs)`, async ({ request, baseURL }, testInfo) => {
    // Shrinking a failure costs a request per step: room beyond the ~20 s of a passing run.
    test.setTimeout(300_000);
    testInfo.annotations.push({ type: 'fuzz', description: `FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}` });
    console.log(`[fuzz] seed ${SEED}, ${RUNS} runs; replay with FUZZ_SEED=${SEED}`);
    let firstFailure: string | null = null;
    // How many answers of each status the runs met: shows that real pages were among them, not only refusals.
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (fuzzed) => {
        const response = await send(request, baseURL!, fuzzed);
        statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
        const problems = await problemsOf(fuzzed, response);
        if (problems.length > 0 && firstFailure === null) {
          // Printed at once, in case shrinking runs out of time.
          firstFailure = `${fuzzed.method} ${abbreviated(urlOf(fuzzed))} → ${response.status()}: ${problems.join('; ')}`;
          console.log(`[fuzz] first failure: ${firstFailure}\n${abbreviated(JSON.stringify(fuzzed))}`);
        }
        expect(problems, `${fuzzed.method} ${abbreviated(urlOf(fuzzed))} → ${response.status()}`).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    console.log(`[fuzz] answers: ${summary.join(', ')}`);
  });
});
