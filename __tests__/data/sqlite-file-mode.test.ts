/**
 * The SQLite file holds password and session hashes and drafts: it, its WAL and its shared-memory
 * file are readable by their owner only, whatever the umask, and a file an earlier version made
 * readable by others is narrowed when the site opens it.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '@/lib/db/connection';

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('the SQLite database files', () => {
  let root = '';
  let umask = 0;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'sportnieuws-mode-'));
    // The usual default, under which SQLite on its own creates 0644 files.
    umask = process.umask(0o022);
  });

  afterAll(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('are created 0600, in a directory created 0700', async () => {
    const filename = path.join(root, 'new', 'site.db');
    const database = await openDatabase({ engine: 'sqlite', filename });
    try {
      // The migrations have written, so the WAL and the shared-memory file exist.
      await sql`select 1`.execute(database.db);
      for (const file of [filename, `${filename}-wal`, `${filename}-shm`]) expect([file, modeOf(file)]).toEqual([file, 0o600]);
      expect(modeOf(path.dirname(filename))).toBe(0o700);
    } finally {
      await database.close();
    }
  });

  it('makes every missing directory on the way 0700', async () => {
    const filename = path.join(root, 'a', 'b', 'site.db');
    const database = await openDatabase({ engine: 'sqlite', filename });
    await database.close();
    expect([modeOf(path.join(root, 'a')), modeOf(path.join(root, 'a', 'b'))]).toEqual([0o700, 0o700]);
  });

  // Node's recursive mkdir retries for ever where mkdir says ENOENT under an existing parent.
  (existsSync('/proc/self') ? it : it.skip)('refuses a directory that cannot be made, with the reason, instead of hanging', async () => {
    await expect(openDatabase({ engine: 'sqlite', filename: '/proc/sportnieuws-nope/site.db' })).rejects.toThrow("ENOENT: no such file or directory, mkdir '/proc/sportnieuws-nope'");
  });

  it('narrows a database an earlier version left readable by others', async () => {
    const filename = path.join(root, 'old.db');
    const first = await openDatabase({ engine: 'sqlite', filename });
    await first.close();
    for (const file of [filename, `${filename}-wal`]) {
      writeFileSync(file, '', { flag: 'a' });
      chmodSync(file, 0o644);
    }
    const database = await openDatabase({ engine: 'sqlite', filename });
    try {
      for (const file of [filename, `${filename}-wal`, `${filename}-shm`]) expect([file, modeOf(file)]).toEqual([file, 0o600]);
    } finally {
      await database.close();
    }
  });
});
