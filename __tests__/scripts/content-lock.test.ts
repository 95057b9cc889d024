/**
 * Two writers on one SQLite file, in two real processes: the content CLI queues behind another
 * process's write (a large import holds the write lock for its whole transaction) instead of failing
 * with "database is locked" after the site's 5 s busy timeout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, SQLITE_BUSY_TIMEOUT_MS } from '@/lib/db/connection';

const ROOT = path.resolve(__dirname, '../..');
const TSX_CLI = require.resolve('tsx/cli');
const SMALL_IMPORT = path.join(ROOT, '__tests__/fixtures/import/valid/minimal.json');
/** Longer than the site's busy timeout, which is what the CLI used to give up after. */
const HOLD_MS = SQLITE_BUSY_TIMEOUT_MS + 2500;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, 'scripts/content.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
  });
}

/**
 * Another process that takes the write lock and writes for `ms`, like an import's transaction,
 * then commits. Resolves once it holds the lock.
 */
function holdWriteLock(filename: string, ms: number): Promise<{ child: ChildProcess; released: Promise<number> }> {
  const script = `
    const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new Database(${JSON.stringify(filename)});
    db.pragma('busy_timeout = 0');
    db.exec('begin immediate');
    db.prepare("insert into sign_in_attempts (key, window_start, failures) values ('holder', 0, 0)").run();
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('commit'); db.close(); process.stdout.write('released\\n'); }, ${ms});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let releasedAt = 0;
  const released = new Promise<number>((resolve) => child.on('close', () => resolve(releasedAt)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('released')) releasedAt = Date.now();
      if (text.includes('locked')) resolve({ child, released });
    });
  });
}

describe('the content CLI beside another writer on SQLite', () => {
  let directory: string;
  let filename: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'sportnieuws-lock-'));
    filename = path.join(directory, 'site.db');
    const database = await openDatabase({ engine: 'sqlite', filename });
    await database.close();
    env = { DATABASE_URL: `file:${filename}`, REVALIDATE_URL: 'http://127.0.0.1:9', REVALIDATE_SECRET: 'a-test-secret-of-sufficient-length', CONTENT_LOCK_WAIT_SECONDS: '' };
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const articleCount = async () => {
    const database = await openDatabase({ engine: 'sqlite', filename });
    try {
      const row = await database.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
      return Number(row.count);
    } finally {
      await database.close();
    }
  };

  it('waits for the other writer to finish, says so, and then imports', async () => {
    const holder = await holdWriteLock(filename, HOLD_MS);
    const run = await runCli(['import', SMALL_IMPORT], env);
    const releasedAt = await holder.released;
    expect(run.stderr).toContain(`Another import or write is using ${filename}; waiting for it to finish (up to 10 minutes)…`);
    expect(run.stderr).not.toContain('database is locked');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^created {4}/m);
    // It really waited past the site's 5 s, until the other writer committed.
    expect(run.ms).toBeGreaterThan(SQLITE_BUSY_TIMEOUT_MS);
    expect(releasedAt).toBeGreaterThan(0);
    expect(await articleCount()).toBeGreaterThan(0);
  }, 60_000);

  it('gives up after CONTENT_LOCK_WAIT_SECONDS with a message that says why and what to do, having written nothing', async () => {
    const holder = await holdWriteLock(filename, HOLD_MS);
    const run = await runCli(['import', SMALL_IMPORT], { ...env, CONTENT_LOCK_WAIT_SECONDS: '1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('waiting for it to finish (up to 1 s)…');
    expect(run.stderr).toContain(
      'content: another import or write held the database for longer than this command waits (1 s, CONTENT_LOCK_WAIT_SECONDS), so it stopped. ' +
        'Nothing is half-written',
    );
    expect(run.stderr).toContain('Run the command again when the other import has finished.');
    expect(run.ms).toBeLessThan(HOLD_MS);
    await holder.released;
    expect(await articleCount()).toBe(0);
  }, 60_000);

  it('does not mention waiting when nobody else is writing', async () => {
    const run = await runCli(['import', SMALL_IMPORT], env);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  }, 60_000);

  it.each(['-1', '1.5', 'ten', '86401'])('refuses CONTENT_LOCK_WAIT_SECONDS=%j with exit 2', async (value) => {
    const run = await runCli(['import', SMALL_IMPORT], { ...env, CONTENT_LOCK_WAIT_SECONDS: value });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`CONTENT_LOCK_WAIT_SECONDS: expected a whole number of seconds from 0 to 86400, got "${value}"`);
  }, 60_000);

  it('exits non-zero when the running site refuses to refresh, as documented', async () => {
    const site = createServer((_request, response) => response.writeHead(401).end());
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const run = await runCli(['import', SMALL_IMPORT], { ...env, REVALIDATE_URL: `http://127.0.0.1:${(site.address() as AddressInfo).port}` });
      expect(run.stderr).toContain('refused to refresh (HTTP 401)');
      expect(run.status).toBe(1);
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  }, 60_000);
});
