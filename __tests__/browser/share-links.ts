/**
 * Share links for the browser suites, made the way the desk and the CLI make them: signed with the
 * server's secret and recorded in the server's database (only recorded links open). The server
 * (server.ts) writes its DATABASE_URL to a file named after its port; the suites open the same
 * SQLite file.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { databaseConfigFromEnv } from '@/lib/db/config';
import { openDatabase, type Database } from '@/lib/db/connection';
import type { Locale } from '@/lib/i18n/locales';
import { issueShareLink, type IssuedShareLink } from '@/lib/preview/links';
import { E2E_PREVIEW_SECRET } from './preview-secret';

/** The file in which the browser server on `port` leaves its DATABASE_URL. */
export const e2eDatabasePointer = (port: string) => path.join(tmpdir(), `sportnieuws-e2e-${port}.database-url`);

let opened: Promise<Database> | undefined;

/** The browser server's database (opened once per test process). */
export function e2eDatabase(): Promise<Database> {
  opened ??= (async () => {
    const pointer = e2eDatabasePointer(process.env.E2E_PORT ?? '3100');
    let url: string;
    try {
      url = readFileSync(pointer, 'utf8').trim();
    } catch {
      throw new Error(`no ${pointer}: the browser server (__tests__/browser/server.ts) writes it when it starts`);
    }
    return openDatabase(databaseConfigFromEnv({ DATABASE_URL: url }));
  })();
  return opened;
}

/** A recorded share link to `article`, made by the test editor, on `siteUrl`. */
export async function recordedShareLink(
  article: { id: string; locale: Locale },
  options: { siteUrl: string; ttlMs?: number; createdBy?: { id: string; name: string } | null },
): Promise<IssuedShareLink> {
  return issueShareLink(await e2eDatabase(), article, {
    ttlMs: options.ttlMs ?? 3_600_000,
    now: new Date(),
    secret: E2E_PREVIEW_SECRET,
    siteUrl: options.siteUrl,
    createdBy: options.createdBy ?? null,
  });
}
