/**
 * Importing and exporting against real databases (an SQLite file; PostgreSQL too when
 * TEST_DATABASE_URL is set, through the data layer's engine harness), and the CLI itself as a
 * child process, against the same engines.
 */
import { readInvalidationsAfter } from '@/lib/cache/bus';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { shownUpdate } from '@/lib/content/updates';
import { getPublicArticle } from '@/lib/data/articles';
import { listPublicArticles } from '@/lib/data/listing';
import { getAuthor, getSection, listSections } from '@/lib/data/taxonomy';
import { exportContent } from '@/lib/data/export';
import { publishDueArticles } from '@/lib/publishing/scheduler';
import { articlePublicPath, formatImportedArticle, formatImportSummary, formatProblem, type ImportOutcome } from '@/lib/content/import';
import { BULK_IMPORT_ARTICLES, exportContentText, importContent, importContentFile } from '@/lib/data/interchange';
import type { DatabaseConfig } from '@/lib/db/config';
import type { Database } from '@/lib/db/connection';
import { article, author, fileWith, fixturePath, REAL_WORLD_AFTER, REAL_WORLD_FILE, section } from '../fixtures/import/builders';
import { invalidFixtures, matchesProblem } from '../fixtures/import/invalid-cases';
import { describeEachEngine } from '../data/engines';

const ROOT = path.join(__dirname, '..', '..');
const COMPLETE = fixturePath('valid', 'complete.json');
const MINIMAL = fixturePath('valid', 'minimal.json');

const completeLines = [
  'created    nl  /nieuws/dijkstad-wint-derby-na-late-goal',
  'created    nl  /nieuws/klassieker-in-de-sneeuw',
  'created    nl  /nieuws/vooruitblik-op-de-bekerfinale',
  'created    en  /en/news/dijkstad-win-derby-with-late-goal',
];

function articleLines(outcome: ImportOutcome): string[] {
  if (!outcome.ok) throw new Error(`expected a successful import, got:\n${outcome.problems.map(formatProblem).join('\n')}`);
  return outcome.articles.map(formatImportedArticle);
}

function problemLines(outcome: ImportOutcome): string[] {
  if (outcome.ok) throw new Error('expected the import to be rejected');
  return outcome.problems.map(formatProblem);
}

/** Row counts of every table of this database (SQLite's FTS tables and the migration bookkeeping included). */
async function rowCounts(database: Database): Promise<Record<string, number>> {
  // PostgreSQL introspection lists every schema's tables; only this database's schema counts.
  const schema =
    database.engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema
      : undefined;
  const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true });
  const counts: Record<string, number> = {};
  for (const table of tables.filter((found) => !found.isView && found.schema === schema)) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table.name)}`.execute(database.db);
    counts[table.name] = Number(rows[0]?.n ?? -1);
  }
  return counts;
}

/** The DATABASE_URL that makes the CLI open the database `config` describes. */
function databaseUrl(config: DatabaseConfig): string {
  if (config.engine === 'sqlite') return `file:${config.filename}`;
  const url = new URL(config.url);
  if (config.schema !== undefined) url.searchParams.set('schema', config.schema);
  return url.toString();
}

/** Everything observable about the stored content: the export's exact text and every table's row count. */
async function snapshot(database: Database) {
  return { exported: await exportContentText(database), counts: await rowCounts(database) };
}

describe('articlePublicPath', () => {
  it.each([
    ['nl', 'dijkstad-wint', '/nieuws/dijkstad-wint'],
    ['en', 'dijkstad-win', '/en/news/dijkstad-win'],
  ] as const)('%s %s → %s', (locale, slug, expected) => {
    expect(articlePublicPath(locale, slug)).toBe(expected);
  });
});

describeEachEngine('importing', (harness) => {
  let database: Database;
  beforeEach(async () => {
    database = await harness.fresh();
  });
  afterEach(async () => {
    await database.close();
  });

  it('imports a valid file and reports each article with its public path', async () => {
    const outcome = await importContentFile(database, COMPLETE);
    expect(articleLines(outcome)).toEqual(completeLines);
    expect(outcome.ok && outcome.summary).toEqual({ sections: 3, authors: 2, articles: { created: 4, updated: 0, unchanged: 0 } });
    const stored = await exportContent(database);
    expect(stored.articles?.map((item) => item.slug)).toEqual(
      expect.arrayContaining(['dijkstad-wint-derby-na-late-goal', 'klassieker-in-de-sneeuw', 'dijkstad-win-derby-with-late-goal']),
    );
  });

  it('reports every article unchanged when the same file is imported again', async () => {
    await importContentFile(database, COMPLETE);
    const before = await snapshot(database);
    expect(articleLines(await importContentFile(database, COMPLETE))).toEqual(
      completeLines.map((line) => line.replace('created  ', 'unchanged')),
    );
    expect(await snapshot(database)).toEqual(before);
  });

  it('updates a changed article and renames it with its slug history', async () => {
    await importContentFile(database, COMPLETE);
    const renamed = article({
      id: 'fixture-derby',
      slug: 'derby-beslist-in-blessuretijd',
      previousSlugs: ['dijkstad-wint-derby-na-late-goal', 'dijkstad-wint-derby'],
      authors: ['rian-rosendaal', 'noor-visser'],
    });
    expect(articleLines(await importContent(database, fileWith([renamed], { authors: undefined, sections: undefined })))).toEqual([
      'updated    nl  /nieuws/derby-beslist-in-blessuretijd',
    ]);
    const stored = (await exportContent(database)).articles?.find((item) => item.id === 'fixture-derby');
    expect(stored?.slug).toBe('derby-beslist-in-blessuretijd');
    expect(stored?.previousSlugs).toEqual(['dijkstad-wint-derby', 'dijkstad-wint-derby-na-late-goal']);
  });

  it('checks references against the database: a file may rely on stored sections and authors', async () => {
    await importContentFile(database, COMPLETE);
    const onlyArticles = { articles: [article({ slug: 'nieuw-stuk', section: 'wielrennen', authors: ['noor-visser'] })] };
    expect(articleLines(await importContent(database, onlyArticles))).toEqual(['created    nl  /nieuws/nieuw-stuk']);
  });

  describe('rejects an invalid file and leaves the database exactly as it was', () => {
    it.each(invalidFixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_name, fixture) => {
      await importContentFile(database, COMPLETE);
      const before = await snapshot(database);
      const problems = problemLines(await importContentFile(database, fixturePath('invalid', fixture.file)));
      expect(problems).toHaveLength(fixture.problems.length);
      fixture.problems.forEach((expected, index) => expect(matchesProblem(problems[index] ?? '', expected)).toBe(true));
      expect(await snapshot(database)).toEqual(before);
    });

    it('when only the database can tell (a slug that is an earlier slug of another article)', async () => {
      await importContentFile(database, COMPLETE);
      const before = await snapshot(database);
      // minimal.json has no id and uses "dijkstad-wint-derby", now a previous slug of fixture-derby.
      expect(problemLines(await importContentFile(database, MINIMAL))).toEqual([
        'articles[0].slug: "dijkstad-wint-derby" is an earlier slug of article "fixture-derby" (now "dijkstad-wint-derby-na-late-goal"); give that article\'s id to update it',
      ]);
      expect(await snapshot(database)).toEqual(before);
    });

    it('when an article with an id claims a slug the database gives to another article', async () => {
      await importContentFile(database, COMPLETE);
      const before = await snapshot(database);
      const thief = article({ id: 'another-article', slug: 'klassieker-in-de-sneeuw' });
      expect(problemLines(await importContent(database, fileWith([thief])))).toEqual([
        expect.stringMatching(/^articles\[0\]\.slug: "klassieker-in-de-sneeuw" already belongs to article "[0-9a-f-]{36}" in the database$/),
      ]);
      expect(await snapshot(database)).toEqual(before);
    });

    it('when one good article shares the file with a bad one', async () => {
      const before = await snapshot(database);
      const outcome = await importContent(database, fileWith([article(), article({ slug: 'tweede', section: 'handbal' })]));
      expect(problemLines(outcome)).toEqual(['articles[1].section: unknown section "handbal" for nl; add it to "sections" or import it first']);
      expect(await snapshot(database)).toEqual(before);
    });
  });

  it('imports the example file in docs/content-format.md with the output the page shows', async () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'content-format.md'), 'utf8');
    const section = page.slice(page.indexOf('## A complete minimal example file'));
    const [, example = '', shown = ''] = /```json\n([\s\S]*?)```[\s\S]*?```\n([\s\S]*?)```/.exec(section) ?? [];
    const outcome = await importContent(database, example);
    expect(articleLines(outcome)).toEqual(shown.trim().split('\n').slice(0, -1));
    expect(outcome.ok && formatImportSummary(outcome.summary)).toBe(shown.trim().split('\n').at(-1));
  });

  it('refreshes the planner statistics after a bulk import, so queries are planned for the new row counts', async () => {
    const articles = Array.from({ length: BULK_IMPORT_ARTICLES }, (_, index) => article({ slug: `bulk-${index}`, title: `Bericht ${index}` }));
    const outcome = await importContent(database, fileWith(articles));
    expect(outcome.ok && outcome.summary.articles.created).toBe(BULK_IMPORT_ARTICLES);
    if (database.engine === 'postgres') {
      // ANALYZE sets the row estimate the planner uses; without it PostgreSQL guesses from pages.
      const { rows } = await sql<{ estimate: number; analysed: boolean }>`
        select c.reltuples::int as estimate, s.last_analyze is not null as analysed
        from pg_class c join pg_stat_user_tables s on s.relid = c.oid
        where c.relname = 'articles' and c.relnamespace = current_schema()::regnamespace`.execute(database.db);
      expect(rows).toEqual([{ estimate: BULK_IMPORT_ARTICLES, analysed: true }]);
    } else {
      const counted = await sql<{ n: number }>`select count(*) as n from articles`.execute(database.db);
      expect(counted.rows[0]?.n).toBe(BULK_IMPORT_ARTICLES);
    }
  });

  it('leaves the statistics to the database after a small import', async () => {
    const outcome = await importContent(database, fileWith([article()]));
    expect(outcome.ok).toBe(true);
    if (database.engine === 'postgres') {
      const { rows } = await sql<{ analysed: boolean }>`
        select last_analyze is not null as analysed from pg_stat_user_tables
        where relname = 'articles' and schemaname = current_schema()`.execute(database.db);
      expect(rows).toEqual([{ analysed: false }]);
    }
  });

  it('round-trips: export → import into an empty database → export gives the same bytes', async () => {
    await importContentFile(database, COMPLETE);
    await importContent(database, { articles: [article({ slug: 'zonder-id', tags: ['Real Madrid', 'WK 2026'] })] });
    const exported = await exportContentText(database);

    const empty = await harness.fresh();
    try {
      const outcome = await importContent(empty, exported);
      expect(outcome.ok && outcome.summary.articles.created).toBe(5);
      expect(await exportContentText(empty)).toBe(exported);
      // And importing the export over the original changes nothing.
      expect(articleLines(await importContent(database, exported)).every((line) => line.startsWith('unchanged'))).toBe(true);
    } finally {
      await empty.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Real content: what a newsroom's other systems send (issue "Real content is refused").

const REAL_WORLD = fixturePath('valid', REAL_WORLD_FILE);
const AFTER_ALL = REAL_WORLD_AFTER;

describeEachEngine('importing real content', (harness) => {
  let database: Database;
  beforeEach(async () => {
    database = await harness.fresh();
  });
  afterEach(async () => {
    await database.close();
  });

  it('imports an article without intro, an author without bio, a section without order and an early last edit', async () => {
    const outcome = await importContentFile(database, REAL_WORLD);
    expect(articleLines(outcome)).toEqual(['created    nl  /nieuws/estafetteploeg-zwemt-naar-finale', 'created    nl  /nieuws/marathon-dijkstad-gaat-door']);
    expect(outcome.ok && outcome.summary).toEqual({ sections: 3, authors: 2, articles: { created: 2, updated: 0, unchanged: 0 } });
  });

  it('stores what is missing as absent, and reads it back as null', async () => {
    await importContentFile(database, REAL_WORLD);
    await publishDueArticles(database, AFTER_ALL);
    const found = await getPublicArticle(database, 'nl', 'estafetteploeg-zwemt-naar-finale', AFTER_ALL);
    expect(found?.kind === 'article' && found.article.intro).toBeNull();
    await expect(getAuthor(database, 'tessa-van-loon')).resolves.toEqual({ slug: 'tessa-van-loon', name: 'Tessa van Loon', bio: null, image: null });
    await expect(getSection(database, 'nl', 'zwemmen')).resolves.toEqual({ slug: 'zwemmen', locale: 'nl', name: 'Zwemmen', order: null });
    const listed = await listPublicArticles(database, { locale: 'nl', limit: 5, now: AFTER_ALL });
    expect(listed.items.map((item) => [item.slug, item.intro])).toEqual([
      ['marathon-dijkstad-gaat-door', null],
      ['estafetteploeg-zwemt-naar-finale', null],
    ]);
  });

  it('puts sections without an order after the ordered ones, by name', async () => {
    await importContentFile(database, REAL_WORLD);
    expect((await listSections(database, 'nl')).map((section) => section.slug)).toEqual(['voetbal', 'atletiek', 'zwemmen']);
  });

  it('keeps a scheduled article’s last edit before its publication, and shows no update once it is live', async () => {
    await importContentFile(database, REAL_WORLD);
    await expect(publishDueArticles(database, AFTER_ALL)).resolves.toMatchObject({ published: [{ id: 'real-world-marathon' }] });
    const found = await getPublicArticle(database, 'nl', 'marathon-dijkstad-gaat-door', AFTER_ALL);
    expect(found?.kind === 'article' && found.article).toMatchObject({ publishedAt: '2024-06-16T05:00:00.000Z', updatedAt: '2024-06-15T19:40:00.000Z' });
    expect(found?.kind === 'article' && shownUpdate(found.article)).toBeNull();
  });

  it('exports the missing fields as missing, and round-trips byte for byte', async () => {
    await importContentFile(database, REAL_WORLD);
    const exported = await exportContentText(database);
    const content: unknown = JSON.parse(exported);
    expect(content).toMatchObject({
      sections: [
        { slug: 'voetbal', locale: 'nl', name: 'Voetbal', order: 1 },
        { slug: 'atletiek', locale: 'nl', name: 'Atletiek' },
        { slug: 'zwemmen', locale: 'nl', name: 'Zwemmen' },
      ],
      authors: [{ slug: 'rian-rosendaal', bio: 'Verslaggever voetbal.' }, { slug: 'tessa-van-loon', name: 'Tessa van Loon' }],
    });
    const file = await exportContent(database);
    expect(file.sections?.filter((section) => 'order' in section).map((section) => section.slug)).toEqual(['voetbal']);
    expect(file.authors?.filter((author) => 'bio' in author).map((author) => author.slug)).toEqual(['rian-rosendaal']);
    expect(file.articles?.filter((item) => 'intro' in item)).toEqual([]);
    expect(file.articles?.find((item) => item.id === 'real-world-marathon')?.updatedAt).toBe('2024-06-15T19:40:00.000Z');

    const empty = await harness.fresh();
    try {
      expect((await importContent(empty, exported)).ok).toBe(true);
      expect(await exportContentText(empty)).toBe(exported);
      expect(articleLines(await importContentFile(database, REAL_WORLD)).every((line) => line.startsWith('unchanged'))).toBe(true);
    } finally {
      await empty.close();
    }
  });

  it('reads an intro or bio of "" (as earlier exports wrote them) as none, and clears them on re-import', async () => {
    const withProse = fileWith([article({ intro: 'Een inleiding die later verdwijnt.' })], { authors: [author({ bio: 'Een bio die later verdwijnt.' })] });
    await importContent(database, withProse);
    const cleared = fileWith([article({ intro: '' })], { authors: [author({ bio: '' })] });
    expect(articleLines(await importContent(database, cleared))).toEqual(['updated    nl  /nieuws/dijkstad-wint-derby']);
    const file = await exportContent(database);
    expect(file.articles?.[0]).not.toHaveProperty('intro');
    expect(file.authors?.[0]).not.toHaveProperty('bio');
    // "" and absent are the same content: importing the file without them changes nothing.
    expect(articleLines(await importContent(database, fileWith([article({ intro: undefined })], { authors: [author({ bio: undefined })] })))).toEqual([
      'unchanged  nl  /nieuws/dijkstad-wint-derby',
    ]);
  });

  it('clears an order that a later file leaves out, as it does every optional field', async () => {
    await importContent(database, fileWith([], { sections: [section({ order: 3 })] }));
    await importContent(database, fileWith([], { sections: [section({ order: undefined })] }));
    await expect(getSection(database, 'nl', 'voetbal')).resolves.toMatchObject({ order: null });
  });
});

// ---------------------------------------------------------------------------------------------
// The CLI, as a newsroom developer runs it.

const TSX_CLI = require.resolve('tsx/cli');

/** Where the CLI looks for a running site in these tests: a closed port, unless a test serves one. */
const NO_SITE = 'http://127.0.0.1:9';
const TEST_SECRET = 'a-test-secret-of-sufficient-length';
// True on every count: the change is on the invalidation log, which running instances poll and
// starting instances replay.
const noSiteLine = `No site answered at ${NO_SITE}/api/revalidate. The change is recorded. Every running instance applies it within 500 ms, and an instance that starts later catches up from the log.`;

function cliEnv(databaseUrl: string, revalidateUrl = NO_SITE): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, DATABASE_SCHEMA: '', REVALIDATE_URL: revalidateUrl, REVALIDATE_SECRET: TEST_SECRET };
}

function cli(args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, [TSX_CLI, 'scripts/content.ts', ...args], {
    cwd: ROOT,
    env: cliEnv(databaseUrl),
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = (text: string) => text.split('\n').filter((line) => line !== '');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, out: lines(result.stdout), err: lines(result.stderr) };
}

describeEachEngine('the content CLI', (harness) => {
  let database: Database;
  let url: string;
  let scratch: string;
  beforeEach(async () => {
    const config = harness.freshConfig();
    database = await harness.open(config);
    url = databaseUrl(config);
    scratch = mkdtempSync(path.join(tmpdir(), 'content-cli-'));
  });
  afterEach(async () => {
    await database.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('imports a good file: exit 0, one line per article, then a summary', () => {
    const run = cli(['import', COMPLETE], url);
    expect(run.err).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.out).toEqual([...completeLines, '4 articles (4 created, 0 updated, 0 unchanged), 3 sections, 2 authors', noSiteLine]);

    const again = cli(['import', COMPLETE], url);
    expect(again.status).toBe(0);
    expect(again.out.slice(0, 4).every((line) => line.startsWith('unchanged  '))).toBe(true);
  });

  it('asks a running site to revalidate exactly the tags an import touched, with the shared secret', async () => {
    const requests: Array<{ url: string; authorization: string; body: { tags: string[] } }> = [];
    const site = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests.push({ url: request.url ?? '', authorization: request.headers.authorization ?? '', body: JSON.parse(body) as { tags: string[] } });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"revalidated":1}');
      });
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const { port } = site.address() as AddressInfo;
    const runAsync = () =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [TSX_CLI, 'scripts/content.ts', 'import', COMPLETE], {
          cwd: ROOT,
          env: cliEnv(url, `http://127.0.0.1:${port}`),
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('close', () => resolve(out));
      });
    try {
      const out = await runAsync();
      expect(out).toContain(`Refreshed the running site at http://127.0.0.1:${port}/api/revalidate.`);
      expect(requests).toHaveLength(1);
      expect(requests[0]?.url).toBe('/api/revalidate');
      expect(requests[0]?.authorization).toBe(`Bearer ${TEST_SECRET}`);
      const tags = requests[0]?.body.tags ?? [];
      expect(tags).toEqual(expect.arrayContaining(['listings:nl', 'listings:en', 'taxonomy']));
      // Each article's page is expired by its own slugs (old ones included), and no other article's.
      expect(tags).toEqual(expect.arrayContaining(['slug:nl:dijkstad-wint-derby', 'slug:nl:dijkstad-wint-derby-na-late-goal']));
      expect(tags.some((tag) => tag.startsWith('slug:en:'))).toBe(true);
      expect(tags.filter((tag) => tag.startsWith('article:'))).toHaveLength(4);
      // The same tags are on the invalidation table, for the instances the request did not reach.
      const announced = await readInvalidationsAfter(database, 0);
      expect(announced.map((entry) => [...entry.tags].sort())).toEqual([[...tags].sort()]);

      // Importing the same file again changes no article, so no article or listing is revalidated;
      // only the section and author names the file carries are refreshed.
      await runAsync();
      expect(requests).toHaveLength(2);
      expect(requests[1]?.body.tags).toEqual(['taxonomy']);
      expect((await readInvalidationsAfter(database, 0)).map((entry) => entry.tags)).toEqual([expect.any(Array), ['taxonomy']]);
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });

  it('rejects a bad file: exit 1, every problem on stderr, nothing written', async () => {
    await importContentFile(database, COMPLETE);
    const before = await snapshot(database);
    const file = fixturePath('invalid', 'several-problems.json');
    const expected = invalidFixtures.find((fixture) => fixture.file === 'several-problems.json')?.problems ?? [];

    const run = cli(['import', file], url);
    expect(run.status).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([...expected, `${expected.length} problems in ${file}; nothing was written.`]);
    expect(await snapshot(database)).toEqual(before);
  });

  it('exports to stdout or a file, and the export imports into an empty database unchanged', async () => {
    expect(cli(['import', COMPLETE], url).status).toBe(0);
    const toStdout = cli(['export'], url);
    expect(toStdout.status).toBe(0);
    expect(toStdout.stdout).toBe(await exportContentText(database));
    expect(toStdout.stdout.endsWith('}\n')).toBe(true);
    expect(toStdout.stdout).toContain('\n  "sections": [\n    {\n      "slug"');

    const out = path.join(scratch, 'export.json');
    expect(cli(['export', '--out', out], url).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(toStdout.stdout);

    const empty = databaseUrl(harness.freshConfig());
    const imported = cli(['import', out], empty);
    expect(imported.status).toBe(0);
    expect(cli(['export'], empty).stdout).toBe(toStdout.stdout);
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [[], 'no command given'],
    [['import'], 'import needs a file'],
    [['import', 'a.json', 'b.json'], 'unexpected argument "b.json" for import'],
    [['export', '--out'], "Option '--out <value>' argument missing"],
    [['export', '--force'], "Unknown option '--force'"],
    [['seed', '--out', 'x.json'], '--out does not apply to seed'],
  ])('refuses %j with exit 2, a one-line reason and the usage', (args, reason) => {
    const run = cli(args, url);
    expect(run.status).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err[0]).toContain(reason);
    expect(run.err[1]).toMatch(/^usage: npm run content -- import <file> \| export/);
  });

  it('refuses an unreadable file with exit 2', () => {
    const missing = path.join(scratch, 'missing.json');
    const run = cli(['import', missing], url);
    expect(run.status).toBe(2);
    expect(run.err[0]).toBe(`content: cannot read ${JSON.stringify(missing)} (ENOENT)`);
  });

  it('reports invalid JSON with its line and column', () => {
    const file = path.join(scratch, 'broken.json');
    writeFileSync(file, '{\n  "articles": [\n    { "slug": "a" }\n    { "slug": "b" }\n  ]\n}\n');
    const run = cli(['import', file], url);
    expect(run.status).toBe(1);
    expect(run.err[0]).toMatch(/^\(file\): invalid JSON at line 4, column 5: /);
  });

  it('prints the usage for --help', () => {
    const run = cli(['--help'], url);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run content -- <command>/);
    for (const command of ['import <file>', 'export [--out <file>]', 'seed [--if-empty]', 'migrate', 'schema']) {
      expect(run.stdout).toContain(command);
    }
  });

  it('migrates, and says so', () => {
    const fresh = databaseUrl(harness.freshConfig());
    const first = cli(['migrate'], fresh);
    expect(first.status).toBe(0);
    expect(first.out[0]).toMatch(/^applied  0001_/);
    expect(first.out.at(-1)).toMatch(/^Applied \d+ migrations?\.$/);
    const second = cli(['migrate'], fresh);
    expect(second.out).toEqual(['No pending migrations.']);
  });

  it('seeds only an empty database with --if-empty', () => {
    expect(cli(['import', COMPLETE], url).status).toBe(0);
    const run = cli(['seed', '--if-empty'], url);
    expect(run.status).toBe(0);
    expect(run.out).toEqual(['The database already holds articles; not seeding.']);
  });
});
