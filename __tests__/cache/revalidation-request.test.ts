/**
 * The content CLI's request to a running site (lib/cache/revalidation.ts), against a real HTTP
 * server on loopback that answers as POST /api/revalidate does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestRevalidation, TAGS_PER_REQUEST } from '@/lib/cache/revalidation';

const SECRET = 'a-secret-of-enough-length';

/** A site that takes at most TAGS_PER_REQUEST tags a request, like the real endpoint, and records them. */
async function site(status = 200): Promise<{ server: Server; url: string; batches: string[][] }> {
  const batches: string[][] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { tags } = JSON.parse(body) as { tags: string[] };
      batches.push(tags);
      response.statusCode = tags.length > TAGS_PER_REQUEST ? 400 : status;
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, batches };
}

const env = (url: string): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', REVALIDATE_SECRET: SECRET, REVALIDATE_URL: url });
const tags = (count: number) => Array.from({ length: count }, (_, i) => `article:stuk-${i}`);

describe('asking a running site to revalidate', () => {
  it('sends an import of any size in requests the endpoint accepts', async () => {
    const { server, url, batches } = await site();
    try {
      await expect(requestRevalidation(tags(1201), env(url))).resolves.toEqual({ kind: 'revalidated', url: `${url}/api/revalidate`, count: 1201 });
      expect(batches.map((batch) => batch.length)).toEqual([500, 500, 201]);
      expect(batches.flat()).toEqual(tags(1201));
    } finally {
      server.close();
    }
  });

  it('reports a refusal with its status, and stops there', async () => {
    const { server, url, batches } = await site(401);
    try {
      await expect(requestRevalidation(tags(700), env(url))).resolves.toEqual({ kind: 'refused', url: `${url}/api/revalidate`, status: 401 });
      expect(batches).toHaveLength(1);
    } finally {
      server.close();
    }
  });

  it('waits as a rate-limited site asks, and sends the same part again', async () => {
    const batches: number[] = [];
    let answered = 0;
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        answered += 1;
        if (answered === 2) {
          response.writeHead(429, { 'retry-after': '1' }).end('{}');
          return;
        }
        batches.push((JSON.parse(body) as { tags: string[] }).tags.length);
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      await expect(requestRevalidation(tags(1200), env(url))).resolves.toEqual({ kind: 'revalidated', url: `${url}/api/revalidate`, count: 1200 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(batches).toEqual([500, 500, 200]);
    } finally {
      server.close();
    }
  });

  it('reports that no site answered', async () => {
    await expect(requestRevalidation(tags(3), env('http://127.0.0.1:1'))).resolves.toEqual({ kind: 'no-server', url: 'http://127.0.0.1:1/api/revalidate' });
  });
});
