/** `npm start` refuses a malformed TRUSTED_PROXIES before it touches the database or builds anything. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

describe('npm start with a malformed TRUSTED_PROXIES', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'sportnieuws-start-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('stops at once, names the entry, and writes nothing', () => {
    const database = path.join(directory, 'never.db');
    const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/start.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, TRUSTED_PROXIES: 'loopback, 10.0.0.0/33', DATABASE_URL: `file:${database}`, PORT: '1' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TRUSTED_PROXIES: "10.0.0.0/33" (entry 2 of 2) has a prefix length outside 0–32');
    expect(existsSync(database)).toBe(false);
  }, 60_000);
});
