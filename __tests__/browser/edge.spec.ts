/**
 * The edge cache (deploy/nginx/edge.conf.template, started by scripts/edge.ts) in front of the
 * suite's production server, and in front of a tiny stand-in origin the suite can kill.
 *
 * Each describe starts its own nginx on a free loopback port with its own temporary runtime
 * directory, and stops it by PID afterwards. Without nginx the suite is skipped with the reason in
 * its title, unless CI or REQUIRE_EDGE is set, which fails it. Desktop project only: the edge is
 * the subject, not the viewport.
 */
import { expect, test } from '@playwright/test';
import type { RunningEdge } from '../../scripts/edge';
import { TEST_EDITOR } from './accounts';
import { edgeRefreshToken } from '../../lib/cache/edge-refresh';
import http from 'node:http';
import { failedAttemptsAt, freePort, launchEdge, logLinesSince, logOffset, NGINX, rawRequest, REQUIRE_EDGE, shutDown, startKillableOrigin, startOfSecond, startTinyOrigin, SUFFIX, type KillableOrigin, type RawResponse, type TinyOrigin } from './edge-server';

test.describe(`edge cache in front of the site${SUFFIX}`, () => {
  test.skip(!NGINX && !REQUIRE_EDGE, 'nginx is not installed (apt-get install nginx); set REQUIRE_EDGE=1 to fail instead');

  let edge: RunningEdge | undefined;
  let runtimeDir = '';
  let article = '';

  test.beforeAll(async ({}, testInfo) => {
    const origin = testInfo.project.use.baseURL;
    if (!origin) throw new Error('the suite has no baseURL');
    // Any published article will do; the front page links them.
    const front = await rawRequest(`${origin}/`);
    const link = /href="(\/nieuws\/[^"?#]+)"/.exec(front.text)?.[1];
    if (!link) throw new Error('no article link on the front page');
    article = link;
    ({ edge, runtimeDir } = await launchEdge(origin));
  });

  test.afterAll(async () => {
    await shutDown(edge, runtimeDir);
  });

  const at = (target: string) => `${edge?.url}${target}`;

  test('a repeated public request is a HIT with the same body', async () => {
    await startOfSecond();
    const first = await rawRequest(at(article));
    expect(first.status).toBe(200);
    expect(first.cache).toBe('MISS');
    const second = await rawRequest(at(article));
    expect(second.cache).toBe('HIT');
    expect(second.body.equals(first.body)).toBe(true);
    // Next's CDN lifetime passes through for a CDN further out; the edge itself keeps 1 s.
    expect(second.headers['cache-control']).toContain('s-maxage=');
    // So do the page's cache tags, on a MISS and a HIT alike (undefined while the origin sends none).
    const direct = await rawRequest(`${test.info().project.use.baseURL}${article}`);
    expect(first.headers['surrogate-key']).toBe(direct.headers['surrogate-key']);
    expect(second.headers['surrogate-key']).toBe(direct.headers['surrogate-key']);
  });

  test('RSC and HTML requests for the same URL never get each other', async () => {
    // Next 16 answers RSC at `?_rsc` (it redirects a bare `rsc: 1` request there), and HTML too.
    const target = at(`${article}?_rsc`);
    const rsc = { rsc: '1' };
    await startOfSecond();
    const html1 = await rawRequest(target);
    const rsc1 = await rawRequest(target, { headers: rsc });
    const html2 = await rawRequest(target);
    const rsc2 = await rawRequest(target, { headers: rsc });
    for (const response of [html1, html2]) expect(response.headers['content-type']).toMatch(/^text\/html/);
    for (const response of [rsc1, rsc2]) expect(response.headers['content-type']).toMatch(/^text\/x-component/);
    expect(rsc1.cache).toBe('MISS');
    expect([html2.cache, rsc2.cache]).toEqual(['HIT', 'HIT']);
    expect(rsc2.body.equals(rsc1.body)).toBe(true);
    // A bare `rsc: 1` request is not answered from the HTML copy of the same path either.
    const bare = await rawRequest(at(article), { headers: rsc });
    expect(bare.headers['content-type'] ?? '').not.toMatch(/^text\/html/);
  });

  test('a forged __prerender_bypass cookie is never cached and does not poison the next request', async () => {
    const target = at(`${article}?edge-test=forged-bypass`);
    await startOfSecond();
    const forged = await rawRequest(target, { headers: { cookie: '__prerender_bypass=forged-by-a-reader' } });
    expect(forged.status).toBe(200);
    expect(forged.cache).toBe('BYPASS');
    expect(forged.headers['cache-control']).toBe('private, no-store');
    // The bypassed response was not stored: the next anonymous request is a MISS, then a HIT.
    const anonymous = await rawRequest(target);
    expect(anonymous.cache).toBe('MISS');
    expect(anonymous.headers['cache-control']).not.toContain('private');
    expect(anonymous.headers['x-robots-tag']).toBeUndefined();
    const again = await rawRequest(target);
    expect(again.cache).toBe('HIT');
    for (const cookie of ['desk_session=abc', '__Host-desk_session=abc', 'theme=dark; __prerender_bypass=x']) {
      const personal = await rawRequest(target, { headers: { cookie } });
      expect(personal.cache, cookie).toBe('BYPASS');
      expect(personal.headers['cache-control'], cookie).toBe('private, no-store');
    }
  });

  test('desk, preview and private API paths are never HIT and never stored', async () => {
    const paths = ['/redactie/inloggen', '/en/desk/sign-in', '/nl/desk', '/voorvertoning/edge-test', '/en/preview/edge-test', '/api/desk/media', '/api/preview?token=edge-test', '/api/revalidate'];
    for (const target of paths) {
      for (let round = 0; round < 2; round += 1) {
        const response = await rawRequest(at(target));
        expect(response.cache, target).toBe('');
        expect(response.headers['cache-control'], target).toBe('private, no-store');
      }
    }
  });

  test('a POST passes through and is never cached', async ({ request }) => {
    const origin = test.info().project.use.baseURL;
    const direct = await request.post(`${origin}${article}`, { form: { edge: 'test' }, maxRedirects: 0 });
    for (let round = 0; round < 2; round += 1) {
      const viaEdge = await request.post(at(article), { form: { edge: 'test' }, maxRedirects: 0 });
      expect(viaEdge.status()).toBe(direct.status());
      expect(viaEdge.headers()['x-cache-status']).toBeUndefined();
    }
    const revalidate = await request.post(at('/api/revalidate'), { data: { tags: ['x'] } });
    expect([401, 503]).toContain(revalidate.status());
    expect(revalidate.headers()['x-cache-status']).toBeUndefined();
    // The GET for the same URL still gets the page, not whatever the POST got.
    const get = await rawRequest(at(article));
    expect(get.status).toBe(200);
    expect(get.headers['content-type']).toMatch(/^text\/html/);
  });

  test('cookies public pages do not need are dropped, so the page stays a HIT', async () => {
    const target = at(`${article}?edge-test=cookies`);
    await startOfSecond();
    const primed = await rawRequest(target);
    const withCookies = await rawRequest(target, { headers: { cookie: '_ga=GA1.2.3.4; consent=all; NEXT_LOCALE=en' } });
    expect(withCookies.cache).toBe('HIT');
    expect(withCookies.body.equals(primed.body)).toBe(true);
  });

  test('a reader loads the front page and navigates client-side through the edge', async ({ page }) => {
    const rscTypes: string[] = [];
    page.on('response', (response) => {
      if (response.request().headers()['rsc'] === '1') rscTypes.push(response.headers()['content-type'] ?? '');
    });
    const response = await page.goto(at('/'));
    expect(response?.status()).toBe(200);
    expect(response?.headers()['x-cache-status']).toMatch(/^(MISS|HIT|EXPIRED|STALE|UPDATING|REVALIDATED)$/);
    await expect(page).toHaveTitle(/Sportnieuws/);
    await page.evaluate(() => {
      (window as unknown as { edgeMarker: number }).edgeMarker = 1;
    });
    const link = page.locator(`main a[href="${article}"]`).first();
    await link.click();
    await page.waitForURL(`**${article}`);
    await expect(page.locator('h1').first()).toBeVisible();
    // Still the same document: the router fetched RSC through the edge instead of reloading.
    expect(await page.evaluate(() => (window as unknown as { edgeMarker?: number }).edgeMarker)).toBe(1);
    expect(rscTypes.length).toBeGreaterThan(0);
    for (const type of rscTypes) expect(type).not.toMatch(/^text\/html/);
  });

  test('an editor signs in through the edge: the desk works, and public pages bypass the cache for them', async ({ page }) => {
    // The sign-in is a Server Action: it needs the desk path's cookies and the browser's Host.
    await page.goto(at('/redactie/inloggen?next=%2Fredactie'));
    await page.getByLabel('E-mailadres').fill(TEST_EDITOR.email);
    await page.getByLabel('Wachtwoord').fill(TEST_EDITOR.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(/\/redactie$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Redactie' })).toBeVisible();
    const desk = await page.reload();
    expect(desk?.headers()['x-cache-status']).toBeUndefined();
    expect(desk?.headers()['cache-control']).toBe('private, no-store');
    const publicPage = await page.goto(at(article));
    expect(publicPage?.headers()['x-cache-status']).toBe('BYPASS');
    expect(publicPage?.headers()['cache-control']).toBe('private, no-store');
  });

  test('a draft previewed through the edge is never served to anyone else, whatever cookie they forge', async ({ page, browser }) => {
    const draft = { id: 'e2e-draft-article', path: '/nieuws/geheim-concept-over-transfer', title: 'Geheim concept: de transfer van Zwaluwstaart' };
    await page.goto(at('/redactie/inloggen?next=%2Fredactie'));
    await page.getByLabel('E-mailadres').fill(TEST_EDITOR.email);
    await page.getByLabel('Wachtwoord').fill(TEST_EDITOR.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(/\/redactie$/);

    const preview = await page.goto(at(`/api/preview?id=${draft.id}`));
    expect(new URL(page.url()).pathname).toBe(draft.path);
    expect(preview?.status()).toBe(200);
    expect(preview?.headers()['cache-control']).toBe('private, no-store');
    await expect(page.getByRole('heading', { level: 1, name: draft.title })).toBeVisible();
    const cookies = await page.context().cookies();
    const bypass = cookies.find((cookie) => cookie.name === '__prerender_bypass');
    expect(bypass).toBeDefined();

    // Anonymous readers, and one who copied the Draft Mode cookie without a session: the public 404.
    for (const cookie of ['', `__prerender_bypass=${bypass!.value}`, `__prerender_bypass=${bypass!.value}; desk_session=forged`]) {
      const response = await rawRequest(at(draft.path), { headers: cookie ? { cookie, 'accept-encoding': 'identity' } : { 'accept-encoding': 'identity' } });
      expect(response.status, cookie || 'no cookie').toBe(404);
      expect(response.text, cookie || 'no cookie').not.toContain(draft.title);
    }
    const stranger = await browser.newContext({ javaScriptEnabled: false });
    try {
      const strangerPage = await stranger.newPage();
      expect((await strangerPage.goto(at(draft.path)))?.status()).toBe(404);
      await expect(strangerPage.getByText(draft.title)).toHaveCount(0);
    } finally {
      await stranger.close();
    }
  });
});

/** The revalidation secret the tiny origin's "site" has: the edge takes refreshes signed with it. */
const SITE_SECRET = 'the-tiny-origins-revalidation-secret';

test.describe(`edge cache with its own origin, killed halfway${SUFFIX}`, () => {
  test.skip(!NGINX && !REQUIRE_EDGE, 'nginx is not installed (apt-get install nginx); set REQUIRE_EDGE=1 to fail instead');
  test.describe.configure({ mode: 'serial' });

  let origin: TinyOrigin | undefined;
  let edge: RunningEdge | undefined;
  let runtimeDir = '';

  test.beforeAll(async () => {
    origin = await startTinyOrigin(await freePort());
    ({ edge, runtimeDir } = await launchEdge(origin.url, { revalidateSecret: SITE_SECRET }));
  });

  test.afterAll(async () => {
    await origin?.close();
    await shutDown(edge, runtimeDir);
  });

  const at = (target: string) => `${edge?.url}${target}`;
  const seen = (url: string) => origin?.seen.filter((request) => request.url === url) ?? [];

  test('public requests reach the origin without cookies; desk requests keep them', async () => {
    await rawRequest(at('/cookies'), { headers: { cookie: '_ga=1; consent=all' } });
    expect(seen('/cookies').map((request) => request.cookie)).toEqual([undefined]);
    await rawRequest(at('/redactie/artikelen'), { headers: { cookie: 'desk_session=s1; _ga=1' } });
    expect(seen('/redactie/artikelen').map((request) => request.cookie)).toEqual(['desk_session=s1; _ga=1']);
    const editor = await rawRequest(at('/cookies'), { headers: { cookie: 'desk_session=s1' } });
    expect(editor.cache).toBe('BYPASS');
    expect(seen('/cookies').map((request) => request.cookie)).toEqual([undefined, 'desk_session=s1']);
  });

  test('Surrogate-Key passes through; Set-Cookie and private responses are not cached', async () => {
    await startOfSecond();
    for (const expected of ['MISS', 'HIT']) {
      const tagged = await rawRequest(at('/tagged'));
      expect(tagged.cache).toBe(expected);
      expect(tagged.headers['surrogate-key']).toBe('page--tagged pages');
    }
    for (const target of ['/sets-cookie', '/private']) {
      const first = await rawRequest(at(target));
      const second = await rawRequest(at(target));
      expect(second.cache, target).toBe('MISS');
      expect(second.headers['cache-control'], target).toBe('private, no-store');
      expect(second.text, target).not.toBe(first.text);
    }
  });

  test('gzip and identity copies of a page stay apart', async () => {
    await startOfSecond();
    const gzip = await rawRequest(at('/encoded'), { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await rawRequest(at('/encoded'));
    expect(plain.cache).toBe('MISS');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toContain('<h1>/encoded</h1>');
    // Another browser's spelling of "gzip" shares the gzip copy; the origin is asked for gzip only.
    const browser = await rawRequest(at('/encoded'), { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(browser.cache).toBe('HIT');
    expect(browser.body.equals(gzip.body)).toBe(true);
    expect(seen('/encoded').map((request) => request.acceptEncoding)).toEqual(['gzip', undefined]);
  });

  test('a refresh with the site’s token replaces the copy at once; any other is refused and never reaches the origin', async () => {
    await startOfSecond();
    const first = await rawRequest(at('/refreshed'));
    expect(first.cache).toBe('MISS');
    expect((await rawRequest(at('/refreshed'))).text).toBe(first.text);

    for (const token of ['1', edgeRefreshToken('another-sites-secret-entirely'), SITE_SECRET]) {
      const refused = await rawRequest(at('/refreshed'), { headers: { 'x-edge-refresh': token } });
      expect(refused.status, token).toBe(403);
    }
    expect(seen('/refreshed')).toHaveLength(1);

    const refreshed = await rawRequest(at('/refreshed'), { headers: { 'x-edge-refresh': edgeRefreshToken(SITE_SECRET) } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.text).not.toBe(first.text);
    // The origin is told, so that it catches up with its invalidation log before it renders.
    expect(seen('/refreshed').map((request) => request.refresh)).toEqual([undefined, '1']);
    // The next reader gets the refreshed copy, whatever second it is now.
    const after = await rawRequest(at('/refreshed'));
    expect(after.text).toBe(refreshed.text);
    expect(after.cache === 'HIT' || after.cache === 'STALE' || after.cache === 'UPDATING').toBe(true);
  });

  test('an origin error on a page the edge never had gets the localized 503 page', async () => {
    const failed = await rawRequest(at('/boom'));
    expect(failed.status).toBe(503);
    expect(failed.text).toContain('<html lang="nl">');
    expect(failed.headers['retry-after']).toBe('30');
  });

  test('with the origin down: the primed page is served stale, the rest gets 503', async () => {
    const primed = await rawRequest(at('/primed'));
    expect(primed.cache).toBe('MISS');
    const primedEn = await rawRequest(at('/en/primed'));
    await origin?.close();

    // The edge keeps a page fresh for 1 s (whole seconds); after that it needs the origin.
    let stale = await rawRequest(at('/primed'));
    for (const started = Date.now(); stale.cache === 'HIT' && Date.now() - started < 4000; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      stale = await rawRequest(at('/primed'));
    }
    expect(stale.status).toBe(200);
    expect(stale.cache).toBe('STALE');
    expect(stale.body.equals(primed.body)).toBe(true);
    const staleEn = await rawRequest(at('/en/primed'));
    expect(staleEn.status).toBe(200);
    expect(staleEn.body.equals(primedEn.body)).toBe(true);

    for (const [target, lang] of [
      ['/nooit-gezien', 'nl'],
      ['/rubriek/nooit-gezien?pagina=2', 'nl'],
      ['/redactie', 'nl'],
      ['/en', 'en'],
      ['/en/news/never-seen', 'en'],
    ] as const) {
      const unavailable = await rawRequest(at(target));
      expect(unavailable.status, target).toBe(503);
      expect(unavailable.headers['content-type'], target).toBe('text/html; charset=utf-8');
      expect(unavailable.headers['retry-after'], target).toBe('30');
      expect(unavailable.headers['cache-control'], target).toBe('private, no-store');
      expect(unavailable.text, target).toContain(`<html lang="${lang}">`);
      expect(unavailable.text, target).toContain('Sportnieuws');
      expect(unavailable.text, target).toContain(`href="${lang === 'en' ? '/en' : '/'}"`);
      expect(unavailable.text, target).not.toMatch(/<(script|link rel="stylesheet"|img)\b/);
    }

    for (const target of ['/api/listings?locale=nl', '/api/articles/x/status', '/api/desk/media']) {
      const unavailable = await rawRequest(at(target));
      expect(unavailable.status, target).toBe(503);
      expect(unavailable.headers['content-type'], target).toBe('application/json');
      expect(unavailable.headers['retry-after'], target).toBe('30');
      expect(unavailable.headers['cache-control'], target).toBe('private, no-store');
      expect(JSON.parse(unavailable.text), target).toMatchObject({ error: 'unavailable', retryAfter: 30 });
    }
  });
});

/** nginx writes its access log at most a second late (`buffer=64k flush=1s`). */
const LOG_FLUSH_MS = 1300;

/** How long a reader in these tests waits for an answer before giving up, as a browser tab might. */
const READER_PATIENCE_MS = 3000;

/**
 * What is wrong with an answer for a page the edge never had, or null: the reader must get the 503
 * page in the path's language, or JSON under /api/, with Retry-After. (Checked in plain code and
 * collected, because the load tests below check thousands of answers.)
 */
function unavailablePageProblem(response: RawResponse, target: string): string | null {
  const problem = (what: string) => `${target}: ${what} (status ${response.status}, cache ${response.cache || '-'}, ${response.body.length} bytes)`;
  if (response.status !== 503) return problem('not a 503');
  if (response.headers['retry-after'] !== '30') return problem('no Retry-After: 30');
  if (response.headers['cache-control'] !== 'private, no-store') return problem(`Cache-Control ${response.headers['cache-control']}`);
  if (target.startsWith('/api/')) {
    if (response.headers['content-type'] !== 'application/json') return problem(`Content-Type ${response.headers['content-type']}`);
    const body = JSON.parse(response.text) as { error?: unknown; retryAfter?: unknown };
    return body.error === 'unavailable' && body.retryAfter === 30 ? null : problem('not the JSON answer');
  }
  if (response.headers['content-type'] !== 'text/html; charset=utf-8') return problem(`Content-Type ${response.headers['content-type']}`);
  const lang = target.startsWith('/en/') ? 'en' : 'nl';
  return response.text.includes(`<html lang="${lang}">`) && response.text.includes('Sportnieuws') ? null : problem(`not the ${lang} 503 page`);
}

/** What is wrong with a stale answer for a page the edge had, or null. */
function staleCopyProblem(response: RawResponse, target: string, copy: Buffer): string | null {
  if (response.status !== 200) return `${target}: status ${response.status}, cache ${response.cache || '-'}`;
  if (!response.body.equals(copy)) return `${target}: not the copy the edge had`;
  return ['HIT', 'STALE', 'UPDATING'].includes(response.cache) ? null : `${target}: cache ${response.cache || '-'}`;
}

/** Access-log lines for `targets` that a reader could not have been served: a 502, or no body at all. */
function brokenAnswers(lines: string[], targets: readonly string[]): string[] {
  return lines.filter((line) => {
    const match = /"GET (\S+) [^"]*" (\d{3}) (\d+) /.exec(line);
    return match !== null && targets.includes(match[1] ?? '') && (match[2] === '502' || match[3] === '0');
  });
}

test.describe(`edge cache when its origin dies under load${SUFFIX}`, () => {
  test.skip(!NGINX && !REQUIRE_EDGE, 'nginx is not installed (apt-get install nginx); set REQUIRE_EDGE=1 to fail instead');
  test.describe.configure({ mode: 'serial' });

  let origin: KillableOrigin | undefined;
  let edge: RunningEdge | undefined;
  let runtimeDir = '';
  let originPort = 0;

  test.beforeAll(async () => {
    originPort = await freePort();
    // Answers start 400 ms late, so that a kill 200 ms in catches every first request in flight.
    origin = await startKillableOrigin(originPort, { delayMs: 400 });
    // Two workers, as in production: the failure counts must be shared between them.
    ({ edge, runtimeDir } = await launchEdge(origin.url, { workerProcesses: 2 }));
  });

  test.afterAll(async () => {
    await origin?.kill();
    await shutDown(edge, runtimeDir);
  });

  const at = (target: string) => `${edge?.url}${target}`;

  test('readers of pages the edge never had, in flight when the origin is killed, all get the 503 page, none a bare 502', async () => {
    test.setTimeout(60_000);
    const targets = ['/nieuws/nooit-gezien-een', '/rubriek/nooit-gezien?pagina=3', '/en/news/never-seen-two', '/api/listings?locale=nl&nooit=1'];
    const accessOffset = logOffset(edge!.paths.accessLog);
    // 30 readers per page, each on a connection of its own: one per page reaches the origin, the
    // others wait for it on proxy_cache_lock.
    const readers = Array.from({ length: 120 }, (_, index) => {
      const target = targets[index % targets.length]!;
      return rawRequest(at(target), { timeoutMs: READER_PATIENCE_MS }).then(
        (response) => ({ target, response, gaveUp: null }),
        (error: Error) => ({ target, response: null, gaveUp: error.message }),
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await origin!.kill();
    const answers = await Promise.all(readers);

    const gaveUp = answers.filter((answer) => answer.gaveUp !== null);
    expect(gaveUp.map((answer) => `${answer.target}: ${answer.gaveUp}`), 'readers who waited longer than a reader would').toEqual([]);
    expect(answers.map(({ target, response }) => unavailablePageProblem(response!, target)).filter((problem) => problem !== null)).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, LOG_FLUSH_MS));
    expect(brokenAnswers(logLinesSince(edge!.paths.accessLog, accessOffset), targets)).toEqual([]);
  });

  test('while the origin is dead, the edge tries it about once a second, and readers get stale copies meanwhile', async () => {
    test.setTimeout(60_000);
    await origin?.kill();
    origin = await startKillableOrigin(originPort, { label: 'before the outage' });
    const primed = ['/nieuws/gelezen-een', '/nieuws/gelezen-twee', '/en/news/read-three'];
    const unseen = ['/nieuws/nooit-gelezen', '/en/news/never-read'];
    const copies = new Map<string, Buffer>();
    for (const target of primed) {
      const response = await rawRequest(at(target));
      expect(response.status, target).toBe(200);
      copies.set(target, response.body);
    }
    await origin.kill();
    const errorOffset = logOffset(edge!.paths.errorLog);

    // 16 readers on keep-alive connections, each asking for the next page as soon as it has one.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const targets = [...primed, ...unseen];
    const answers: Array<{ target: string; response: RawResponse }> = [];
    const loadMs = 4000;
    const started = Date.now();
    try {
      await Promise.all(
        Array.from({ length: 16 }, async (_, reader) => {
          for (let round = reader; Date.now() - started < loadMs; round += 1) {
            const target = targets[round % targets.length]!;
            answers.push({ target, response: await rawRequest(at(target), { agent, timeoutMs: READER_PATIENCE_MS }) });
          }
        }),
      );
    } finally {
      agent.destroy();
    }
    const seconds = (Date.now() - started) / 1000;
    const attempts = failedAttemptsAt(edge!.paths.errorLog, errorOffset, originPort);
    test.info().annotations.push({ type: 'outage', description: `${answers.length} answers in ${seconds.toFixed(1)} s; ${attempts} attempts at the dead origin` });

    expect(answers.length).toBeGreaterThan(100);
    const problems = answers
      .map(({ target, response }) => (primed.includes(target) ? staleCopyProblem(response, target, copies.get(target)!) : unavailablePageProblem(response, target)))
      .filter((problem) => problem !== null);
    expect(problems).toEqual([]);
    // Two in the first second (max_fails=2), then one each second; a worker may race the other
    // at a second's turn. Without a bound it was one per stale answer: thousands.
    expect(attempts).toBeGreaterThan(0);
    expect(attempts).toBeLessThanOrEqual(3 + 2 * Math.ceil(seconds));
  });

  test('when the origin is back, pages the edge had are fresh again within about a second, pages it never had within about two', async () => {
    test.setTimeout(60_000);
    const stalePage = '/nieuws/gelezen-een';
    const neverSeen = '/nieuws/nooit-gelezen';
    expect((await rawRequest(at(stalePage))).text).toContain('before the outage');
    // Readers keep asking while the origin is away and as it comes back.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    let reading = true;
    const background = Promise.all(
      Array.from({ length: 4 }, async (_, reader) => {
        while (reading) await rawRequest(at(reader % 2 === 0 ? stalePage : neverSeen), { agent }).catch(() => undefined);
      }),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      origin = await startKillableOrigin(originPort, { label: 'after the outage' });
      const back = Date.now();
      let staleFresh = -1;
      let neverSeenServed = -1;
      while ((staleFresh < 0 || neverSeenServed < 0) && Date.now() - back < 10_000) {
        const [page, unseen] = await Promise.all([rawRequest(at(stalePage)), rawRequest(at(neverSeen))]);
        if (staleFresh < 0 && page.text.includes('after the outage')) staleFresh = Date.now() - back;
        if (neverSeenServed < 0 && unseen.status === 200 && unseen.text.includes('after the outage')) neverSeenServed = Date.now() - back;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      test.info().annotations.push({ type: 'recovery', description: `stale page fresh after ${staleFresh} ms, never-seen page after ${neverSeenServed} ms` });
      // The edge tries a resting origin again at the next second's turn (up to 1 s), and the stale
      // page's next background refresh brings the new copy. A never-seen page asked while that
      // first request is in flight gets the failure kept until the end of that second (up to 2 s),
      // and a reader queued on proxy_cache_lock may wait one more tick of 500 ms. Measured over
      // runs: 0.2-1.3 s and 0.5-2.1 s. Before the rest (today's config otherwise): about 0.5 s.
      expect(staleFresh).toBeGreaterThanOrEqual(0);
      expect(neverSeenServed).toBeGreaterThanOrEqual(0);
      expect(staleFresh).toBeLessThanOrEqual(2000);
      expect(neverSeenServed).toBeLessThanOrEqual(3000);
    } finally {
      reading = false;
      await background;
      agent.destroy();
    }
  });
});
