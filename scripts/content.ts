/**
 * `npm run content -- <command>`: the content CLI. A thin argument parser; the work happens in
 * lib/data/interchange.ts, lib/content/ (import.ts, json-schema.ts) and lib/auth/users.ts so the editor desk can reuse it.
 *
 * Exit codes: 0 done; 1 the content or account has problems (nothing written), `user remove` or `user reset-password` found
 * no such account, or the database failed; 2 the command line is wrong or a file cannot be read
 * (`user add` without --password-stdin, or with a terminal as standard input).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isDatabaseUnreachable } from '@/lib/db/availability';
import { databaseConfigFromEnv } from '@/lib/db/config';
import { isSqliteBusy, isWriteLockHeldElsewhere, openDatabase, type Database } from '@/lib/db/connection';
import { migrateToLatest } from '@/lib/db/migrations';
import { formatImportedArticle, formatImportSummary, formatProblem, type ImportOutcome } from '@/lib/content/import';
import { CONTENT_SCHEMA_FILE, renderContentJsonSchema } from '@/lib/content/json-schema';
import { DEMO_CONTENT_DIR } from '@/lib/content/seed';
import { ContentFileReadError, exportContentFile, exportContentText, importContentFile, seedDemoContent } from '@/lib/data/interchange';
import { announce } from '@/lib/cache/bus';
import { refreshEdges } from '@/lib/cache/edge-refresh';
import { requestRevalidation } from '@/lib/cache/revalidation';
import { cacheTags, tagsForArticleChange } from '@/lib/cache/tags';
import { articleChanges } from '@/lib/data/article-changes';
import { intervalFromEnv } from '@/lib/publishing/scheduler';
import { captureAuditLog, recordAuditEvent, type AuditEvent } from '@/lib/auth/audit';
import { resetPassword } from '@/lib/auth/recovery';
import { createUser, EmailSchema, listUsers, removeUser, UserInputError } from '@/lib/auth/users';
import { getArticleForPreview } from '@/lib/data/articles';
import { isLocale, locales, type Locale } from '@/lib/i18n/locales';
import { issueShareLink } from '@/lib/preview/links';
import { DEFAULT_PREVIEW_TTL_MS, InvalidTtlError, parseTtl, previewSecret } from '@/lib/preview/token';
import { siteConfig } from '@/lib/site/config';

const root = path.resolve(__dirname, '..');

/**
 * How long a command waits for another process's SQLite write lock (CONTENT_LOCK_WAIT_SECONDS).
 * The site's own writers wait 5 s; the CLI waits for a whole import: a 15,000-article import holds
 * the lock for 10–20 s on a 2-core machine, 100,000 articles for a few minutes. An import stays one
 * transaction, all or nothing, so the only way to run beside it is to queue behind it.
 */
const DEFAULT_LOCK_WAIT_SECONDS = 600;
const MAX_LOCK_WAIT_SECONDS = 86_400;

const USAGE = `Usage: npm run content -- <command> [options]

Commands:
  import <file>          Check the whole file; if it has no problems, write it in one transaction
  export [--out <file>]  Write all content in the same format, to stdout or <file>
  seed [--if-empty]      Load the demo content (${DEMO_CONTENT_DIR}/*.json), dated relative to now;
                         --if-empty does nothing when the database already holds articles
  migrate                Apply pending database migrations
  schema                 Regenerate ${CONTENT_SCHEMA_FILE} from the content model
  user add --email <email> --name <name> --role editor|admin --password-stdin
                         Create a desk account; the password (12+ characters) is read from
                         standard input, e.g.  read -rs PW; printf '%s' "$PW" | npm run content -- user add …
  user list              List desk accounts: email, name, role, created
  user remove --email <email>
                         Remove a desk account and end its sessions
  user reset-password --email <email>
                         Give a desk account a one-time password (printed once, on standard
                         output, valid 24 hours) and end all its sessions; it must be replaced
                         at the next sign-in
  preview-link <locale> <slug> [--ttl 2h]
                         Print a signed preview link to the article (any status) that anyone can
                         open until it expires: --ttl 30m, 2h, 1d … (default 24h, at most 7d).
                         The link is on SITE_URL; the secret is PREVIEW_SECRET, or on SQLite a
                         file beside the database that the site shares

The database comes from DATABASE_URL (file:<path> or postgres://…; default file:./data/sportnieuws.db).
On SQLite, a command that finds another import (or any write) holding the database waits for it,
for up to CONTENT_LOCK_WAIT_SECONDS (default ${DEFAULT_LOCK_WAIT_SECONDS}); then it stops, with nothing half-written.
The format is described in docs/content-format.md.`;

const SHORT_USAGE =
  'usage: npm run content -- import <file> | export [--out <file>] | seed [--if-empty] | migrate | schema | user add|list|remove|reset-password | preview-link <locale> <slug> [--ttl 2h]  (--help for details)';

class UsageError extends Error {}

interface Command {
  name: string;
  file?: string;
  out?: string;
  ifEmpty: boolean;
  user?: UserCommand;
  preview?: { locale: Locale; slug: string; ttlMs: number };
}

type UserCommand =
  | { action: 'add'; email: string; name: string; role: string }
  | { action: 'list' }
  | { action: 'remove'; email: string }
  | { action: 'reset-password'; email: string };

const USER_OPTIONS = ['email', 'name', 'role', 'password-stdin'] as const;

interface UserOptionValues {
  email?: string;
  name?: string;
  role?: string;
  'password-stdin': boolean;
}

/** `user add|list|remove|reset-password`: which options each takes, and which it needs. */
function parseUserCommand(rest: string[], values: UserOptionValues): UserCommand {
  const [action, extra] = rest;
  if (action === undefined) throw new UsageError('user needs add, list, remove or reset-password');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}" for user ${action}`);
  const rules: Record<string, ReadonlyArray<(typeof USER_OPTIONS)[number]>> = {
    add: ['email', 'name', 'role', 'password-stdin'],
    list: [],
    remove: ['email'],
    'reset-password': ['email'],
  };
  const allowed = rules[action];
  if (allowed === undefined || !Object.hasOwn(rules, action)) throw new UsageError(`unknown user command "${action}" (add, list, remove or reset-password)`);
  for (const option of USER_OPTIONS) {
    const given = option === 'password-stdin' ? values[option] : values[option] !== undefined;
    if (given && !allowed.includes(option)) throw new UsageError(`--${option} does not apply to user ${action}`);
  }
  const required = (option: 'email' | 'name' | 'role') => {
    const value = values[option];
    if (value === undefined || value.trim() === '') throw new UsageError(`user ${action} needs --${option}`);
    return value;
  };
  if (action === 'list') return { action };
  if (action === 'remove') return { action, email: required('email') };
  if (action === 'reset-password') return { action, email: required('email') };
  const add: UserCommand = { action: 'add', email: required('email'), name: required('name'), role: required('role') };
  if (!values['password-stdin']) {
    throw new UsageError(
      'user add reads the password from standard input and never from the command line: pass --password-stdin and pipe the password in',
    );
  }
  return add;
}

/** `preview-link <locale> <slug> [--ttl 2h]`. */
function parsePreviewLinkCommand(
  rest: string[],
  values: UserOptionValues & { out?: string; 'if-empty': boolean; ttl?: string },
): NonNullable<Command['preview']> {
  for (const option of ['out', 'if-empty', ...USER_OPTIONS] as const) {
    const given = option === 'if-empty' || option === 'password-stdin' ? values[option] : values[option] !== undefined;
    if (given) throw new UsageError(`--${option} does not apply to preview-link`);
  }
  const [locale, slug, extra] = rest;
  if (locale === undefined || slug === undefined) throw new UsageError('preview-link needs a locale and a slug');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}" for preview-link`);
  if (!isLocale(locale)) throw new UsageError(`"${locale}" is not a locale; expected one of ${locales.join(', ')}`);
  let ttlMs = DEFAULT_PREVIEW_TTL_MS;
  if (values.ttl !== undefined) {
    try {
      ttlMs = parseTtl(values.ttl);
    } catch (error) {
      if (error instanceof InvalidTtlError) throw new UsageError(`--ttl: ${error.message}`);
      throw error;
    }
  }
  return { locale, slug, ttlMs };
}

/** Prints the link on stdout (for scripts) and its expiry on stderr; 1 when there is no such article. */
async function printPreviewLink(database: Database, request: NonNullable<Command['preview']>): Promise<number> {
  let found = await getArticleForPreview(database, request.locale, request.slug);
  if (found?.kind === 'moved') found = await getArticleForPreview(database, request.locale, found.slug);
  if (found?.kind !== 'article') {
    console.error(`content: there is no article "${request.slug}" in locale ${request.locale}`);
    return 1;
  }
  // Recorded, so the desk lists it with the article's other links and can revoke it.
  const link = await issueShareLink(database, found.article, { ttlMs: request.ttlMs, now: new Date(), secret: previewSecret(), siteUrl: siteConfig.url, createdBy: null });
  // Standard output carries the link alone (scripts read it), so the audit line goes to stderr.
  const restore = captureAuditLog((line) => process.stderr.write(`${line}\n`));
  try {
    await recordAuditEvent(database, { type: 'share-link.made', actor: null, articleId: found.article.id, details: { via: 'cli', expiresAt: link.expiresAt } });
  } finally {
    restore();
  }
  console.log(link.url);
  console.error(`Valid until ${link.expiresAt} for "${found.article.title}" (${found.article.status}).`);
  return 0;
}

function parseCommand(argv: string[]): Command | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        'if-empty': { type: 'boolean', default: false },
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return 'help';
  const [name, ...rest] = positionals;
  if (name === undefined) throw new UsageError('no command given');
  if (name === 'preview-link') return { name, ifEmpty: false, preview: parsePreviewLinkCommand(rest, values) };
  if (values.ttl !== undefined) throw new UsageError(`--ttl does not apply to ${name}`);
  if (name === 'user') {
    if (values.out !== undefined || values['if-empty']) throw new UsageError(`--${values.out !== undefined ? 'out' : 'if-empty'} does not apply to user`);
    return { name, ifEmpty: false, user: parseUserCommand(rest, values) };
  }
  for (const option of USER_OPTIONS) {
    if (option === 'password-stdin' ? values[option] : values[option] !== undefined) throw new UsageError(`--${option} does not apply to ${name}`);
  }

  const allowed: Record<string, { positionals: number; options: string[] }> = {
    import: { positionals: 1, options: [] },
    export: { positionals: 0, options: ['out'] },
    seed: { positionals: 0, options: ['if-empty'] },
    migrate: { positionals: 0, options: [] },
    schema: { positionals: 0, options: [] },
  };
  const rule = allowed[name];
  if (!rule) throw new UsageError(`unknown command "${name}"`);
  if (rest.length < rule.positionals) throw new UsageError(`${name} needs a file`);
  if (rest.length > rule.positionals) throw new UsageError(`unexpected argument "${rest[rule.positionals] ?? ''}" for ${name}`);
  if (values.out !== undefined && !rule.options.includes('out')) throw new UsageError(`--out does not apply to ${name}`);
  if (values['if-empty'] && !rule.options.includes('if-empty')) throw new UsageError(`--if-empty does not apply to ${name}`);
  if (values.out === '') throw new UsageError('--out needs a file');
  return { name, file: rest[0], out: values.out, ifEmpty: values['if-empty'] };
}

/** Prints an import's result; returns the exit code. */
function report(outcome: ImportOutcome, source: string): number {
  if (!outcome.ok) {
    for (const problem of outcome.problems) console.error(formatProblem(problem));
    const count = outcome.problems.length;
    console.error(`${count} problem${count === 1 ? '' : 's'} in ${source}; nothing was written.`);
    return 1;
  }
  for (const article of outcome.articles) console.log(formatImportedArticle(article));
  console.log(formatImportSummary(outcome.summary));
  return 0;
}

/** After a successful write, asks a running site to drop the cached pages it affects. */
async function revalidateRunningSite(database: Database, outcome: ImportOutcome): Promise<void> {
  if (!outcome.ok) return;
  const changed = outcome.articles.filter((article) => article.action !== 'unchanged');
  // Section and author rows are upserted without reporting whether they changed, so a file that
  // carries them always refreshes the names shown in navigation and headers.
  const taxonomy = outcome.summary.sections > 0 || outcome.summary.authors > 0;
  if (changed.length === 0 && !taxonomy) return;
  const tags = [...tagsForArticleChange(await articleChanges(database.db, changed)), ...(taxonomy ? [cacheTags.taxonomy()] : [])];
  // Every running instance reads the invalidation table on its scheduler tick; the request below
  // only makes the one at REVALIDATE_URL refresh at once instead of within a tick.
  try {
    await announce(database, tags);
  } catch (error) {
    if (!isSqliteBusy(error)) throw error;
    // The content is committed; only its entry on the invalidation log is missing.
    console.error(
      'The content is saved, but another writer held the database while this import recorded which pages it changes, so instances ' +
        'that this request does not reach show the change only when their cached pages expire (within the hour).',
    );
    process.exitCode = 1;
  }
  const result = await requestRevalidation(tags);
  // What happens next, truthfully: the change is on the invalidation log (above), which every
  // running instance reads within SCHEDULER_INTERVAL_MS and every instance replays when it starts.
  const others = `Every running instance applies it within ${intervalFromEnv()} ms, and an instance that starts later catches up from the log`;
  if (result.kind === 'revalidated') {
    console.log(`Refreshed the running site at ${result.url}. ${others}.`);
    // Then the edge caches (EDGE_URLS), whose copies would otherwise show the change within their second.
    const edges = await refreshEdges(tags);
    if (edges.refreshed > 0) console.log(`Refreshed ${edges.refreshed} cached page${edges.refreshed === 1 ? '' : 's'} on the edge (EDGE_URLS).`);
    if (edges.failed.length > 0) console.log(`${edges.failed.length} edge refresh${edges.failed.length === 1 ? '' : 'es'} failed; those copies show the change within a second anyway.`);
  }
  else if (result.kind === 'no-server') console.log(`No site answered at ${result.url}. The change is recorded. ${others}.`);
  else if (result.kind === 'refused') {
    console.error(`The site at ${result.url} refused to refresh (HTTP ${result.status}); check that REVALIDATE_SECRET is the same here and there. The change is recorded. ${others}.`);
    process.exitCode = 1;
  } else console.log(`Set REVALIDATE_SECRET (and REVALIDATE_URL) so imports refresh a running site at once. The change is recorded. ${others}.`);
}

/**
 * The whole of standard input, minus one trailing newline (what `echo` and heredocs add). Refuses a
 * terminal: a password typed there would be echoed on screen.
 */
async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError('--password-stdin reads a pipe, not a terminal: read -rs PW; printf \'%s\' "$PW" | npm run content -- user add …');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/**
 * The audit event of a user command. Standard output carries the command's answer (a one-time
 * password, a table), so the audit line goes to standard error.
 */
async function auditFromCli(database: Database, event: AuditEvent): Promise<void> {
  const restore = captureAuditLog((line) => process.stderr.write(`${line}\n`));
  try {
    await recordAuditEvent(database, event);
  } finally {
    restore();
  }
}

function reportUserProblems(error: UserInputError): number {
  for (const problem of error.problems) console.error(`${problem.path}: ${problem.message}`);
  console.error('Nothing was written.');
  return 1;
}

async function runUserCommand(user: UserCommand): Promise<number> {
  switch (user.action) {
    case 'add': {
      const password = await readPasswordFromStdin();
      return withDatabase(async (database) => {
        try {
          const created = await createUser(database, { email: user.email, name: user.name, role: user.role, password }, { now: new Date() });
          await auditFromCli(database, { type: 'user.added', actor: null, subject: created, details: { role: created.role, via: 'cli' } });
          console.log(`Added ${created.role} ${created.email} (${created.name}).`);
          return 0;
        } catch (error) {
          if (error instanceof UserInputError) return reportUserProblems(error);
          throw error;
        }
      });
    }
    case 'list':
      return withDatabase(async (database) => {
        const users = await listUsers(database);
        if (users.length === 0) {
          console.log('No desk accounts yet; add one with `npm run content -- user add` (see --help).');
          return 0;
        }
        const rows = [['EMAIL', 'NAME', 'ROLE', 'CREATED'], ...users.map((found) => [found.email, found.name, found.role, found.createdAt])];
        const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
        for (const row of rows) console.log(row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell)).join('  '));
        return 0;
      });
    case 'remove':
      return withDatabase(async (database) => {
        const removed = await removeUser(database, user.email);
        if (removed === null) {
          console.error(`No desk account has the email ${user.email.trim().toLowerCase()}; nothing was removed.`);
          return 1;
        }
        await auditFromCli(database, { type: 'user.removed', actor: null, subject: removed, details: { role: removed.role, via: 'cli' } });
        console.log(`Removed ${removed.email} (${removed.name}); their sessions have ended.`);
        return 0;
      });
    case 'reset-password':
      return withDatabase(async (database) => {
        const email = user.email.trim().toLowerCase();
        if (!EmailSchema.safeParse(email).success) {
          console.error(`"${email}" is not an email address (expected something like name@example.nl); nothing was changed.`);
          return 1;
        }
        const restore = captureAuditLog((line) => process.stderr.write(`${line}\n`));
        let result;
        try {
          result = await resetPassword(database, { target: { email }, actor: null, via: 'cli', now: new Date() });
        } finally {
          restore();
        }
        if (result.kind !== 'reset') {
          console.error(`No desk account has the email ${email}; nothing was changed.`);
          return 1;
        }
        const sessions = result.sessionsEnded === 1 ? '1 session' : `${result.sessionsEnded} sessions`;
        console.error(`Reset the password of ${result.user.email} (${result.user.name}); ended ${sessions}.`);
        console.error(`One-time password, valid until ${result.expiresAt.toISOString()}; it must be replaced at the next sign-in:`);
        console.log(result.oneTimePassword);
        return 0;
      });
  }
}

/** CONTENT_LOCK_WAIT_SECONDS, checked: a whole number of seconds from 0 to a day. */
function lockWaitSeconds(): number {
  const raw = process.env.CONTENT_LOCK_WAIT_SECONDS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_LOCK_WAIT_SECONDS;
  const seconds = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(seconds <= MAX_LOCK_WAIT_SECONDS)) {
    throw new UsageError(`CONTENT_LOCK_WAIT_SECONDS: expected a whole number of seconds from 0 to ${MAX_LOCK_WAIT_SECONDS}, got "${raw}"`);
  }
  return seconds;
}

const duration = (seconds: number) => (seconds % 60 === 0 && seconds > 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} s`);

/** SQLITE_BUSY after the whole wait: said as what happened and what to do, not "database is locked". */
class LockWaitExpired extends Error {
  constructor(seconds: number) {
    super(
      `another import or write held the database for longer than this command waits (${duration(seconds)}, CONTENT_LOCK_WAIT_SECONDS), so it stopped. ` +
        'Nothing is half-written: an import is written whole or not at all, and if it was written its articles are listed above. ' +
        'Run the command again when the other import has finished.',
    );
  }
}

/**
 * Opens the database for one command and closes it after. On SQLite, every write waits for another
 * process's write lock for up to CONTENT_LOCK_WAIT_SECONDS, and says so on stderr first when the
 * lock is taken already (the wait itself is silent: better-sqlite3 blocks while it waits).
 */
async function withDatabase(work: (database: Database) => Promise<number>, options: { migrate?: boolean } = {}): Promise<number> {
  const seconds = lockWaitSeconds();
  const config = databaseConfigFromEnv();
  const database = await openDatabase(config, { migrate: false, busyTimeoutMs: seconds * 1000 });
  try {
    if (await isWriteLockHeldElsewhere(database)) {
      console.error(`Another import or write is using ${config.engine === 'sqlite' ? config.filename : 'the database'}; waiting for it to finish (up to ${duration(seconds)})…`);
    }
    if (options.migrate !== false) await migrateToLatest(database);
    return await work(database);
  } catch (error) {
    throw isSqliteBusy(error) ? new LockWaitExpired(seconds) : error;
  } finally {
    // Closing refreshes planner statistics (PRAGMA optimize), which may want the lock again: the
    // command's work is done by then, so a busy database is no reason to fail it.
    await database.close().catch((error: unknown) => {
      if (!isSqliteBusy(error)) throw error;
    });
  }
}

async function run(command: Command): Promise<number> {
  switch (command.name) {
    case 'schema': {
      await writeFile(path.join(root, CONTENT_SCHEMA_FILE), renderContentJsonSchema(), 'utf8');
      console.log(`Wrote ${CONTENT_SCHEMA_FILE}`);
      return 0;
    }
    case 'import': {
      const file = command.file ?? '';
      return withDatabase(async (database) => {
        const outcome = await importContentFile(database, file);
        const code = report(outcome, file);
        await revalidateRunningSite(database, outcome);
        return code;
      });
    }
    case 'export':
      return withDatabase(async (database) => {
        if (command.out === undefined) process.stdout.write(await exportContentText(database));
        else {
          await exportContentFile(database, command.out);
          console.error(`Wrote ${command.out}`);
        }
        return 0;
      });
    case 'seed':
      return withDatabase(async (database) => {
        const outcome = await seedDemoContent(database, { dir: path.join(root, DEMO_CONTENT_DIR), ifEmpty: command.ifEmpty });
        if ('skipped' in outcome) {
          console.log('The database already holds articles; not seeding.');
          return 0;
        }
        const code = report(outcome, DEMO_CONTENT_DIR);
        await revalidateRunningSite(database, outcome);
        return code;
      });
    case 'migrate':
      // Opened without migrating, so that migrateToLatest reports what it applies.
      return withDatabase(
        async (database) => {
          const applied = await migrateToLatest(database);
          for (const name of applied) console.log(`applied  ${name}`);
          console.log(applied.length === 0 ? 'No pending migrations.' : `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}.`);
          return 0;
        },
        { migrate: false },
      );
    case 'user':
      if (command.user === undefined) throw new UsageError('user needs add, list, remove or reset-password');
      return runUserCommand(command.user);
    case 'preview-link': {
      const request = command.preview;
      if (request === undefined) throw new UsageError('preview-link needs a locale and a slug');
      return withDatabase((database) => printPreviewLink(database, request));
    }
    default:
      throw new UsageError(`unknown command "${command.name}"`);
  }
}

async function main(): Promise<number> {
  try {
    const command = parseCommand(process.argv.slice(2));
    if (command === 'help') {
      console.log(USAGE);
      return 0;
    }
    return await run(command);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ContentFileReadError) {
      console.error(`content: ${error.message}\n${SHORT_USAGE}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (isDatabaseUnreachable(error)) {
      console.error(`content: the database cannot be reached (${message}); check DATABASE_URL and that the database is up. Nothing was changed.`);
      return 1;
    }
    console.error(`content: ${message}`);
    return 1;
  }
}

// `content export | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Set the exit code rather than calling process.exit, so a large export on stdout is flushed.
// A step may already have set a failing code (a site that refused to refresh); keep the worse one.
void main().then((code) => {
  process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
});
