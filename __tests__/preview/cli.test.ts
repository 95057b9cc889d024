/**
 * `npm run content -- preview-link <locale> <slug> [--ttl 2h]`, run as a child process the way a
 * script runs it: the link on stdout, exit 1 for an unknown article, exit 2 for a bad command line.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { applyContent } from '@/lib/data/write';
import type { DatabaseConfig } from '@/lib/db/config';
import type { Database } from '@/lib/db/connection';
import { listActiveShareLinks } from '@/lib/data/share-links';
import { resolveSharedPreview } from '@/lib/preview/shared-article';
import { previewSecret, verifyPreviewToken } from '@/lib/preview/token';
import { contentFixture, FIXTURE_NOW } from '../fixtures/content';
import { describeEachEngine } from '../data/engines';

const ROOT = path.resolve(__dirname, '../..');
const TSX_CLI = require.resolve('tsx/cli');
const SITE_URL = 'https://sport.example';
const PG_SECRET = 'p'.repeat(48);

function databaseUrl(config: DatabaseConfig): string {
  if (config.engine === 'sqlite') return `file:${config.filename}`;
  const url = new URL(config.url);
  if (config.schema !== undefined) url.searchParams.set('schema', config.schema);
  return url.toString();
}

describeEachEngine('the preview-link CLI', (harness) => {
  let config: DatabaseConfig;
  let database: Database;
  beforeAll(async () => {
    config = harness.freshConfig();
    database = await harness.open(config);
    await applyContent(database, contentFixture, { now: FIXTURE_NOW });
  });

  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    DATABASE_URL: databaseUrl(config),
    DATABASE_SCHEMA: '',
    SITE_URL,
    PREVIEW_SECRET: config.engine === 'postgres' ? PG_SECRET : '',
    ...extra,
  });
  const cli = (args: string[], extra?: Record<string, string>) => {
    const result = spawnSync(process.execPath, [TSX_CLI, 'scripts/content.ts', 'preview-link', ...args], {
      cwd: ROOT,
      env: env(extra),
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const secret = () => previewSecret(config.engine === 'postgres' ? { PREVIEW_SECRET: PG_SECRET } : { DATABASE_URL: databaseUrl(config) });

  it('prints a 24-hour link to a draft on SITE_URL that the site accepts', async () => {
    const before = Date.now();
    const result = cli(['nl', 'concept-ajax-transfer']);
    const after = Date.now();
    expect(result.status).toBe(0);
    const match = /^https:\/\/sport\.example\/voorvertoning\/(v1\.nl-concept\.\d+\.[A-Za-z0-9_-]{43})\n$/.exec(result.stdout);
    expect(match).not.toBeNull();
    const verdict = verifyPreviewToken(match?.[1] ?? '', secret(), new Date());
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.articleId).toBe('nl-concept');
    // Signed somewhere between the two instants, rounded down to the second.
    expect(verdict.expiresAt.getTime()).toBeGreaterThan(before + 24 * 3_600_000 - 1000);
    expect(verdict.expiresAt.getTime()).toBeLessThanOrEqual(after + 24 * 3_600_000);
    expect(result.stderr).toContain('Valid until');
    // Recorded as the command line's, so the site opens it and the desk lists it (and can revoke it).
    expect(await resolveSharedPreview(database, match?.[1] ?? '', secret(), new Date())).toMatchObject({ kind: 'article', article: { id: 'nl-concept' } });
    expect(await listActiveShareLinks(database, 'nl-concept', new Date())).toEqual([expect.objectContaining({ createdByName: null })]);
    // The audit line goes to stderr; stdout holds the link alone.
    expect(result.stderr).toContain('"event":"share-link.made"');
  }, 60_000);

  it('honours --ttl and follows an old slug to its article', () => {
    const before = Date.now();
    const result = cli(['nl', 'toekomst-oud', '--ttl', '30m']);
    const after = Date.now();
    expect(result.status).toBe(0);
    const token = result.stdout.trim().split('/').at(-1) ?? '';
    const verdict = verifyPreviewToken(token, secret(), new Date());
    expect(verdict).toMatchObject({ ok: true, articleId: 'nl-toekomst' });
    if (!verdict.ok) return;
    expect(verdict.expiresAt.getTime()).toBeGreaterThan(before + 30 * 60_000 - 1000);
    expect(verdict.expiresAt.getTime()).toBeLessThanOrEqual(after + 30 * 60_000);
  }, 60_000);

  it('links an English article under /en/preview', () => {
    const result = cli(['en', 'draft-classic']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^https:\/\/sport\.example\/en\/preview\/v1\./);
  }, 60_000);

  it('answers 1 for an article that does not exist, or not in that locale', () => {
    for (const args of [['nl', 'bestaat-niet'], ['en', 'concept-ajax-transfer']]) {
      const result = cli(args);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`there is no article "${args[1]}" in locale ${args[0]}`);
    }
  }, 60_000);

  it.each([
    [['nl'], 'preview-link needs a locale and a slug'],
    [['de', 'x'], '"de" is not a locale'],
    [['nl', 'x', 'y'], 'unexpected argument "y"'],
    [['nl', 'x', '--ttl', '2 weeks'], '--ttl: "2 weeks" is not a valid lifetime'],
    [['nl', 'x', '--ttl', '8d'], 'is not a valid lifetime'],
    [['nl', 'x', '--out', 'f'], '--out does not apply to preview-link'],
  ])('answers 2 with usage for %j', (args, message) => {
    const result = cli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('usage:');
  }, 60_000);

  if (harness.engine === 'postgres') {
    it('refuses clearly on PostgreSQL without PREVIEW_SECRET', () => {
      const result = cli(['nl', 'concept-ajax-transfer'], { PREVIEW_SECRET: '' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('preview links need PREVIEW_SECRET');
    }, 60_000);
  }
});
