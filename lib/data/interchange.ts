/**
 * Interchange files (docs/content-format.md) in and out of a database: import, export and the
 * demo seed. The I/O half of the importer; what it validates with, and how its outcome reads,
 * are pure and live in lib/content/ (validate.ts, import.ts, seed.ts).
 *
 * An import validates the whole file first, against the file itself and the references the
 * database already holds, and writes nothing unless the file is entirely valid; the write is one
 * transaction (lib/data/write.ts). The CLI (scripts/content.ts) is a thin wrapper around this
 * module so that the editor desk can reuse the same path.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { refreshPlannerStatistics, type Database } from '@/lib/db/connection';
import { articlePublicPath, formatContentFile, type ArticleAction, type ImportOutcome } from '@/lib/content/import';
import type { ContentFile } from '@/lib/content/model';
import { combineDemoFiles, shiftContentDates } from '@/lib/content/seed';
import { validateContentFile } from '@/lib/content/validate';
import { exportContent } from './export';
import { applyContent, ContentWriteError, getKnownReferences } from './write';

/** A file that could not be read at all (missing, a directory, no permission). */
export class ContentFileReadError extends Error {
  constructor(
    readonly filePath: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : String(cause);
    super(`cannot read ${JSON.stringify(filePath)} (${reason})`);
    this.name = 'ContentFileReadError';
  }
}

export async function readContentFile(filePath: string): Promise<string> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    throw new ContentFileReadError(filePath, error);
  }
}

/**
 * Validates `input` (JSON text or a parsed value) against the database's known references and, only
 * when there is no problem at all, applies it in one transaction. Re-importing the same content
 * reports every article as unchanged.
 */
export async function importContent(database: Database, input: string | unknown, options: { now?: Date } = {}): Promise<ImportOutcome> {
  const known = await getKnownReferences(database);
  const validation = validateContentFile(input, known);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  return applyValidContent(database, validation.content, options);
}

/** {@link importContent} for a file on disk; throws {@link ContentFileReadError} when unreadable. */
export async function importContentFile(database: Database, filePath: string, options: { now?: Date } = {}): Promise<ImportOutcome> {
  return importContent(database, await readContentFile(filePath), options);
}

/**
 * From this many written articles on, an import refreshes the planner's statistics afterwards, so
 * the site's queries are planned for the new row counts straight away rather than whenever
 * autovacuum next looks (an ANALYZE of 100,000 articles takes about a second).
 */
export const BULK_IMPORT_ARTICLES = 100;

/**
 * Writes content that has already passed {@link validateContentFile}, in one transaction. The data
 * layer still refuses what only the database can tell (a slug that is an earlier slug of another
 * article, an article changing locale, or a clash with a write that happened since validation);
 * that comes back as a problem too, with nothing written.
 */
export async function applyValidContent(database: Database, content: ContentFile, options: { now?: Date } = {}): Promise<ImportOutcome> {
  let result;
  try {
    result = await applyContent(database, content, options);
  } catch (error) {
    if (!(error instanceof ContentWriteError)) throw error;
    const message = error.message.startsWith(`${error.path}: `) ? error.message.slice(error.path.length + 2) : error.message;
    return { ok: false, problems: [{ path: error.path, message }] };
  }
  const articles = result.articles.map((article) => ({ ...article, path: articlePublicPath(article.locale, article.slug) }));
  const counts: Record<ArticleAction, number> = { created: 0, updated: 0, unchanged: 0 };
  for (const article of articles) counts[article.action] += 1;
  if (counts.created + counts.updated >= BULK_IMPORT_ARTICLES) await refreshPlannerStatistics(database);
  return {
    ok: true,
    articles,
    summary: { sections: content.sections?.length ?? 0, authors: content.authors?.length ?? 0, articles: counts },
  };
}

export async function exportContentText(database: Database): Promise<string> {
  return formatContentFile(await exportContent(database));
}

export async function exportContentFile(database: Database, filePath: string): Promise<void> {
  await writeFile(filePath, await exportContentText(database), 'utf8');
}

export type SeedOutcome = ImportOutcome | { ok: true; skipped: true };

/**
 * Seeds the demo content from `dir` (every *.json file, as ONE import; see lib/content/seed.ts),
 * with dates shifted relative to `now`. With `ifEmpty`, does nothing when the database already
 * holds any article.
 */
export async function seedDemoContent(
  database: Database,
  options: { dir: string; now?: Date; ifEmpty?: boolean },
): Promise<SeedOutcome> {
  const now = options.now ?? new Date();
  const known = await getKnownReferences(database);
  if (options.ifEmpty && known.articleSlugs.size > 0) return { ok: true, skipped: true };

  const names = (await readdir(options.dir)).filter((name) => name.endsWith('.json')).sort();
  if (names.length === 0) return { ok: false, problems: [{ path: options.dir, message: 'no demo files (*.json) found' }] };
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readContentFile(path.join(options.dir, name)) })));

  const { combined, problems, locate } = combineDemoFiles(files);
  const validation = validateContentFile(combined, known);
  if (problems.length > 0 || !validation.ok) {
    return { ok: false, problems: [...problems, ...(validation.ok ? [] : validation.problems.map(locate))] };
  }
  return applyValidContent(database, shiftContentDates(validation.content, now), { now });
}
