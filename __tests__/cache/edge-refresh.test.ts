/**
 * Refresh on publish (lib/cache/edge-refresh.ts): which pages a write refreshes on the edges, the
 * request each edge gets, and what happens when an edge fails or refuses. Real HTTP servers on
 * loopback stand in for the edge nodes; the real nginx side is in __tests__/browser/edge*.spec.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EDGE_REFRESH_HEADER, edgeRefreshToken, edgeUrls, pathsToRefresh, REFRESH_ATTEMPTS, refreshEdges } from '@/lib/cache/edge-refresh';
import { cacheTags, tagsForArticleChange } from '@/lib/cache/tags';

const SECRET = 'a-revalidation-secret-of-some-length';

interface Seen {
  path: string;
  token: string | undefined;
  encoding: string | undefined;
}

/** An HTTP server that records each request and answers with `status(path, attempt)`. */
async function fakeEdge(status: (path: string, attempt: number) => number = () => 200) {
  const seen: Seen[] = [];
  const attempts = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const path = request.url ?? '';
    const key = `${path}|${request.headers['accept-encoding']}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    seen.push({ path, token: request.headers[EDGE_REFRESH_HEADER] as string | undefined, encoding: request.headers['accept-encoding'] });
    response.writeHead(status(path, attempt), { 'content-type': 'text/html' });
    response.end('<!doctype html><title>page</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', REVALIDATE_SECRET: SECRET, ...vars });

describe('the pages a write refreshes', () => {
  it('are the article at each of its slugs, and its locale’s front, feed and the news sitemap', () => {
    const tags = tagsForArticleChange([{ id: 'nl-derby', locale: 'nl', slugs: ['derby-in-dijkstad', 'derby-uitgesteld'] }]);
    expect(pathsToRefresh(tags)).toEqual(['/', '/feed.xml', '/news-sitemap.xml', '/nieuws/derby-in-dijkstad', '/nieuws/derby-uitgesteld']);
  });

  it('are under /en for English', () => {
    expect(pathsToRefresh(tagsForArticleChange([{ id: 'en-derby', locale: 'en', slugs: ['derby-day'] }]))).toEqual(['/en', '/en/feed.xml', '/en/news/derby-day', '/news-sitemap.xml']);
  });

  it('leave out what no single page shows (an id, the taxonomy)', () => {
    expect(pathsToRefresh([cacheTags.article('nl-derby'), cacheTags.taxonomy()])).toEqual([]);
  });
});

describe('EDGE_URLS', () => {
  it('is a comma list of edge nodes', () => {
    expect(edgeUrls(env({ EDGE_URLS: 'http://127.0.0.1:8080, https://edge-2.example.org' }))).toEqual(['http://127.0.0.1:8080', 'https://edge-2.example.org']);
    expect(edgeUrls(env({}))).toEqual([]);
  });

  it.each(['127.0.0.1:8080', 'ftp://edge', 'http://edge/path', 'http://user@edge'])('refuses %s, naming the variable', (value) => {
    expect(() => edgeUrls(env({ EDGE_URLS: value }))).toThrow(/EDGE_URLS/);
  });
});

describe('refreshEdges', () => {
  const tags = tagsForArticleChange([{ id: 'nl-derby', locale: 'nl', slugs: ['derby-in-dijkstad'] }]);
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  it('asks every edge for every page, gzip and plain, with the token derived from the secret', async () => {
    const [one, two] = [await fakeEdge(), await fakeEdge()];
    try {
      const report = await refreshEdges(tags, { env: env({ EDGE_URLS: `${one.url},${two.url}` }) });
      expect(report).toEqual({ refreshed: 16, failed: [] });
      for (const edge of [one, two]) {
        expect(edge.seen.map((seen) => `${seen.path} ${seen.encoding}`).sort()).toEqual(
          ['/', '/feed.xml', '/news-sitemap.xml', '/nieuws/derby-in-dijkstad'].flatMap((path) => [`${path} gzip`, `${path} identity`]).sort(),
        );
        expect(new Set(edge.seen.map((seen) => seen.token))).toEqual(new Set([edgeRefreshToken(SECRET)]));
      }
      // The secret itself never travels.
      expect(one.seen.some((seen) => seen.token === SECRET)).toBe(false);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('tries a failing page again, and reports what still failed', async () => {
    const edge = await fakeEdge((path, attempt) => (path === '/feed.xml' ? 503 : attempt === 1 ? 502 : 200));
    try {
      const report = await refreshEdges(tags, { env: env({ EDGE_URLS: edge.url }) });
      expect(report.refreshed).toBe(6);
      expect(report.failed).toHaveLength(2);
      expect(report.failed[0]).toContain('/feed.xml');
      expect(edge.seen.filter((seen) => seen.path === '/feed.xml')).toHaveLength(2 * REFRESH_ATTEMPTS);
      expect(errors).toHaveBeenCalledTimes(1);
    } finally {
      await edge.close();
    }
  });

  it('does not retry a refusal, and says what to check', async () => {
    const edge = await fakeEdge(() => 403);
    try {
      const report = await refreshEdges(['slug:nl:derby-in-dijkstad'], { env: env({ EDGE_URLS: edge.url }) });
      expect(report.refreshed).toBe(0);
      expect(report.failed.join('\n')).toMatch(/refused \(403\).*secret/);
      expect(edge.seen).toHaveLength(2);
    } finally {
      await edge.close();
    }
  });

  it('reports an edge that does not answer, without throwing', async () => {
    const edge = await fakeEdge();
    await edge.close();
    const report = await refreshEdges(['slug:nl:derby-in-dijkstad'], { env: env({ EDGE_URLS: edge.url }), timeoutMs: 500 });
    expect(report.refreshed).toBe(0);
    expect(report.failed).toHaveLength(2);
  });

  it('does nothing without EDGE_URLS, and reports a malformed one instead of throwing', async () => {
    expect(await refreshEdges(tags, { env: env({}) })).toEqual({ refreshed: 0, failed: [] });
    const report = await refreshEdges(tags, { env: env({ EDGE_URLS: 'edge:8080' }) });
    expect(report.failed[0]).toMatch(/EDGE_URLS/);
  });
});
