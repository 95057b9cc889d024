/**
 * Publishing for the edge phase, the two ways the site gets content from outside the desk:
 *
 * - in-process, exactly as the content CLI does it (scripts/content.ts `revalidateRunningSite`):
 *   `importContent` (the whole validation, then one write transaction), then the tags of what
 *   changed (`tagsForArticleChange` over every slug the article has had) onto the invalidation
 *   bus (`announce`), then POST /api/revalidate on one instance (`requestRevalidation`). Every
 *   other instance follows the bus on its scheduler tick. Fast and precisely timed;
 * - through the CLI itself (`scripts/content.ts import <file>` in its own process, with the
 *   server's DATABASE_URL, REVALIDATE_URL and REVALIDATE_SECRET), which is what operators run.
 *   Its commit time is when it prints the article's `created` line, which it does right after the
 *   import's transaction committed and before it revalidates.
 *
 * Delays are measured from the commit (`committedAt`, performance.now() in this process).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { announce } from '@/lib/cache/bus';
import { refreshEdges } from '@/lib/cache/edge-refresh';
import { requestRevalidation } from '@/lib/cache/revalidation';
import { tagsForArticleChange } from '@/lib/cache/tags';
import { articlePublicPath } from '@/lib/content/import';
import { importContent } from '@/lib/data/interchange';
import type { ArticleInput } from '@/lib/content/model';
import { articleChanges } from '@/lib/data/article-changes';
import type { Database } from '@/lib/db/connection';
import { MAIN_SECTION, type Generator } from './content';

export type PublicationKind = 'new' | 'edit' | 'cli';

export interface Publication {
  kind: PublicationKind;
  id: string;
  /** The article's public path. */
  path: string;
  /**
   * What shows the change in a page's HTML: the new article's link (`href="<path>"`), or the
   * token an edit put in the title.
   */
  marker: string;
  /** performance.now() once the write's transaction had committed. */
  committedAt: number;
  /** From the commit until the site at REVALIDATE_URL had revalidated (the CLI: until it exited). */
  revalidatedMs: number;
  tags: string[];
}

/**
 * Where and how to revalidate: REVALIDATE_URL (the origin instance) and REVALIDATE_SECRET; with
 * EDGE_URLS, the edge nodes refreshed after each write, as the CLI does.
 */
export interface RevalidationEnv {
  REVALIDATE_URL: string;
  REVALIDATE_SECRET: string;
  EDGE_URLS?: string;
}

/** An article ready to publish, and how to tell that a page shows it. */
export interface Draft {
  kind: PublicationKind;
  article: ArticleInput;
  path: string;
  /**
   * What shows the change in a page's HTML: the new article's link (`href="<path>"`), or the
   * token an edit put in the title.
   */
  marker: string;
}

/** Where the content CLI runs: the repository, the server's environment, a scratch directory. */
export interface CliSetup {
  root: string;
  env: NodeJS.ProcessEnv;
  dir: string;
}

export class Publisher {
  private count = 0;

  /** `run` makes ids and slugs unique across runs on the same database (lower-case alphanumerics). */
  constructor(
    private readonly database: Database,
    private readonly generator: Generator,
    private env: RevalidationEnv,
    private readonly run: string,
    private readonly cli?: CliSetup,
  ) {}

  /** The edge nodes each later publish refreshes (EDGE_URLS), or none. */
  refreshEdgesAt(edgeUrls: string | undefined): void {
    this.env = { ...this.env, EDGE_URLS: edgeUrls };
  }

  /**
   * A new Dutch article in the main section, published a second ago: the newest article, so it
   * leads the home front and page 1 of its section. Its text comes from the bench generator
   * (which the content model validates); only id, slug, section and dates are its own.
   * `kind: 'cli'` publishes it through the content CLI instead of in this process.
   */
  newDraft(kind: 'new' | 'cli' = 'new'): Draft {
    this.count += 1;
    const n = this.count;
    // Any generated Dutch article will do as the body; cycle through a few for variety.
    let template = this.generator.article(n % 40);
    for (let index = n + 1; template.locale !== 'nl'; index++) template = this.generator.article(index % 40);
    const { updatedAt: _updatedAt, ...rest } = template;
    const slug = `edge-${this.run}-${n}-${template.slug.slice(0, 60).replace(/-+$/, '')}`;
    const article: ArticleInput = { ...rest, id: `edge-${this.run}-${n}`, slug, section: MAIN_SECTION.nl, publishedAt: new Date(Date.now() - 1000).toISOString() };
    const articlePath = articlePublicPath(article.locale, slug);
    return { kind, article, path: articlePath, marker: `href="${articlePath}"` };
  }

  /**
   * An edit of an article that is already published (`original`, as it was last imported): its
   * title gains a unique token (the marker), and `updatedAt` becomes now, a substantive edit as
   * an editor would make it.
   */
  editDraft(original: ArticleInput): Draft {
    this.count += 1;
    const token = `edgeedit${this.run}${this.count}`;
    const article: ArticleInput = { ...original, title: `${original.title} ${token}`, updatedAt: new Date().toISOString() };
    return { kind: 'edit', article, path: articlePublicPath(original.locale, original.slug), marker: token };
  }

  /** Publishes a draft: in this process, or with the content CLI for `kind: 'cli'`. */
  async publish(draft: Draft): Promise<Publication> {
    return draft.kind === 'cli' ? this.publishWithCli(draft) : this.publishInProcess(draft);
  }

  /** See the module comment: exactly the CLI's steps, in this process. */
  private async publishInProcess(draft: Draft): Promise<Publication> {
    const { article } = draft;
    const outcome = await importContent(this.database, { articles: [article] });
    const committedAt = performance.now();
    if (!outcome.ok) throw new Error(`bench publish refused: ${outcome.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`);
    const changed = outcome.articles.filter((item) => item.action !== 'unchanged');
    if (changed.length !== 1) throw new Error(`bench publish of ${article.id ?? article.slug} changed ${changed.length} articles`);
    const tags = tagsForArticleChange(await articleChanges(this.database.db, changed));
    await announce(this.database, tags);
    const result = await requestRevalidation(tags, { ...process.env, ...this.env });
    if (result.kind !== 'revalidated') throw new Error(`revalidation at ${this.env.REVALIDATE_URL} failed: ${JSON.stringify(result)}`);
    if (this.env.EDGE_URLS) {
      const edges = await refreshEdges(tags, { env: { ...process.env, ...this.env } });
      if (edges.failed.length > 0) throw new Error(`edge refresh failed: ${edges.failed.join('; ')}`);
    }
    return { kind: draft.kind, id: article.id ?? '', path: draft.path, marker: draft.marker, committedAt, revalidatedMs: performance.now() - committedAt, tags };
  }

  /**
   * The content CLI in its own process, as an operator runs it: `scripts/content.ts import <file>`
   * with the server's environment (DATABASE_URL) plus REVALIDATE_URL and REVALIDATE_SECRET.
   * Bounded: the CLI is killed by PID after 60 s.
   */
  private async publishWithCli(draft: Draft): Promise<Publication> {
    const cli = this.cli;
    if (!cli) throw new Error('Publisher: no CLI setup given');
    const file = path.join(cli.dir, `${draft.article.id ?? 'draft'}.json`);
    writeFileSync(file, `${JSON.stringify({ articles: [draft.article] }, null, 2)}\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(cli.root, 'scripts', 'content.ts'), 'import', file], {
      cwd: cli.root,
      env: { ...cli.env, REVALIDATE_URL: this.env.REVALIDATE_URL, REVALIDATE_SECRET: this.env.REVALIDATE_SECRET, EDGE_URLS: this.env.EDGE_URLS ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let committedAt: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // Printed right after the import's transaction committed, before the CLI revalidates.
      if (committedAt === undefined && /^created\s/m.test(output)) committedAt = performance.now();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, 60_000);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode));
    }).finally(() => clearTimeout(timer));
    if (code !== 0 || committedAt === undefined) throw new Error(`content CLI import exited with ${code}:\n${output.slice(-2000)}`);
    if (!/Refreshed the running site/.test(output)) throw new Error(`content CLI did not refresh the site:\n${output.slice(-2000)}`);
    return { kind: 'cli', id: draft.article.id ?? '', path: draft.path, marker: draft.marker, committedAt, revalidatedMs: performance.now() - committedAt, tags: [] };
  }
}
