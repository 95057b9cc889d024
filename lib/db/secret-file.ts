/**
 * Secrets that an SQLite site needs but nobody should have to configure (revalidation, preview
 * links): one random value per database, in a file beside the database file, created on first use
 * and readable by its owner only. The site and the content CLI open the same database, so they
 * find the same secret. PostgreSQL sites run on several machines and get their secrets from the
 * environment instead: for them this returns null.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseConfigFromEnv, type DatabaseEnv } from './config';

function readOrCreate(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process (the site, the CLI) created it first; use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return readFileSync(file, 'utf8').trim();
  }
}

/** The secret in `fileName` beside the SQLite database of `env`, or null on PostgreSQL. */
export function secretBesideDatabase(fileName: string, env: DatabaseEnv = process.env): string | null {
  const config = databaseConfigFromEnv(env);
  if (config.engine !== 'sqlite') return null;
  return readOrCreate(path.join(path.dirname(path.resolve(config.filename)), fileName));
}
