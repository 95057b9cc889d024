/**
 * HTML validity: the W3C Nu HTML Checker (vnu.jar, npm `vnu-jar`, on the machine's Java) reads the
 * HTML the production server sends for every public page type and every desk screen, in both
 * locales, and the edge's static error pages. The budget is 0 errors.
 *
 * The server's HTML is fetched as it is sent (not the DOM after hydration) and checked in one batch
 * per test: the JVM takes a few seconds to start, checking a page takes milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { TEST_ADMIN, TEST_EDITOR } from './accounts';
import { deskPages, publicPages, signIn, signInPage, type CheckedPage } from './checked-pages';

const root = path.resolve(__dirname, '..', '..');
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: 'warning' | 'fatal' | 'io' | 'schema' | 'internal';
  url?: string;
  message: string;
  extract?: string;
  lastLine?: number;
  lastColumn?: number;
}

/** A folder of HTML files, each named after the page it holds, for one vnu run. */
class Batch {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'sportnieuws-vnu-'));
  private readonly names = new Map<string, string>();

  add(name: string, html: string) {
    const file = `${String(this.names.size + 1).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.html`;
    writeFileSync(path.join(this.dir, file), html);
    this.names.set(file, name);
  }

  /** Files written by others into `dir` (the edge's error pages), under `label`. */
  adopt(dir: string, label: string) {
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.html'))) this.names.set(path.relative(this.dir, path.join(dir, file)), `${label} ${file}`);
  }

  get size() {
    return this.names.size;
  }

  /** Checks the batch: no errors, and then the files go (on failure they stay for a look). */
  expectValid() {
    expect(this.errors(), `vnu over the files in ${this.dir}`).toEqual([]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Runs vnu over every file; returns its errors, one readable line each ("page:line:col message
   * [extract]"). Its warnings are printed, not counted: today they are Next's bodiless error shell
   * for notFound()/forbidden() (no `lang`; see the README on errors as pages).
   */
  errors(): string[] {
    const files = [...this.names.keys()].map((file) => path.join(this.dir, file));
    const result = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) throw new Error(`could not run java -jar ${VNU_JAR}: ${result.error.message} (apt-get install default-jre-headless)`);
    if (result.status !== 0) throw new Error(`vnu exited with ${result.status}: ${result.stderr}`);
    const { messages } = JSON.parse(result.stdout) as { messages: VnuMessage[] };
    const line = (message: VnuMessage) => {
      const file = message.url === undefined ? '' : path.relative(this.dir, new URL(message.url).pathname);
      const page = this.names.get(file) ?? (file || 'vnu');
      const extract = message.extract === undefined ? '' : ` [${message.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}]`;
      return `${page}:${message.lastLine ?? 0}:${message.lastColumn ?? 0} ${message.message}${extract}`;
    };
    const warnings = messages.filter((message) => message.type === 'info' && message.subType === 'warning').map(line);
    if (warnings.length > 0) console.log(`vnu warnings (not counted):\n  ${warnings.join('\n  ')}`);
    return messages.filter((message) => message.type !== 'info').map(line);
  }
}

async function fetchInto(batch: Batch, request: APIRequestContext, pages: readonly CheckedPage[]) {
  for (const page of pages) {
    const response = await request.get(page.path, { maxRedirects: 0 });
    expect(response.status(), `${page.name} (${page.path})`).toBe(page.status);
    expect(response.headers()['content-type'], page.name).toMatch(/^text\/html/);
    batch.add(page.name, await response.text());
  }
}

test.describe('HTML validity (W3C Nu HTML Checker)', () => {
  // Two sign-ins, some forty pages and a JVM: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);

  test('every public page type in both locales, and the edge error pages, has no errors', async ({ request }) => {
    const batch = new Batch();
    for (const locale of ['nl', 'en'] as const) await fetchInto(batch, request, await publicPages(request, locale));

    const edgePages = path.join(batch.dir, 'edge');
    mkdirSync(edgePages);
    const written = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/edge.ts', '--write-error-pages', edgePages], { cwd: root, encoding: 'utf8' });
    expect(written.status, written.stderr).toBe(0);
    batch.adopt(edgePages, 'edge error page');
    expect(batch.size).toBeGreaterThan(30);
    batch.expectValid();
  });

  test('every desk page in both locales has no errors', async ({ browser, request }) => {
    const batch = new Batch();
    await fetchInto(batch, request, [signInPage('nl'), signInPage('en')]);
    for (const [account, kind] of [
      [TEST_ADMIN, 'admin'],
      [TEST_EDITOR, 'editor'],
    ] as const) {
      const context = await browser.newContext({ locale: 'nl-NL' });
      const page = await context.newPage();
      await signIn(page, account);
      for (const locale of ['nl', 'en'] as const) await fetchInto(batch, context.request, deskPages(locale)[kind]);
      await context.close();
    }
    // Every page was fetched: both sign-in pages, and each locale's pages for both accounts.
    const listed = (['nl', 'en'] as const).reduce((sum, locale) => sum + deskPages(locale).admin.length + deskPages(locale).editor.length, 0);
    expect(batch.size).toBe(2 + listed);
    batch.expectValid();
  });
});
