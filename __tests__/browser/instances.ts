/**
 * Extra `next start` instances for the suites that run servers of their own (shared-cache.spec.ts,
 * edge-freshness.spec.ts): the browser suite's build, on a database of the suite's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { E2E_PREVIEW_SECRET } from './preview-secret';

export const root = path.resolve(__dirname, '..', '..');

/** The environment of an instance on the SQLite file in `dataDir`, with `extra` on top. */
export function instanceEnv(dataDir: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: `file:${path.join(dataDir, 'site.db')}`,
    NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? '.next-e2e',
    NEXT_TELEMETRY_DISABLED: '1',
    PREVIEW_SECRET: E2E_PREVIEW_SECRET,
    REVALIDATE_SECRET: randomBytes(24).toString('hex'),
    ...extra,
  };
}

/** Starts `next start` on `port` with `env`; resolves once it answers. The caller stops it. */
export async function startInstance(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...env, PORT: String(port), SITE_URL: `http://127.0.0.1:${port}` },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 120; attempt++) {
    const up = await fetch(`http://127.0.0.1:${port}/robots.txt`).then((response) => response.ok, () => false);
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill('SIGTERM');
  throw new Error(`the server on port ${port} did not start`);
}
