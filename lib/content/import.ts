/**
 * Importing and exporting interchange files (docs/content-format.md) against a database.
 *
 * An import validates the whole file first, against the file itself and the references the
 * database already holds, and writes nothing unless the file is entirely valid; the write is one
 * transaction in the data layer. The CLI (scripts/content.ts) is a thin wrapper around this module
 * so that the editor desk can reuse the same path.
 */
import { readFile, writeFile } from 'node:fs/promises';
import pathnames from '@/lib/i18n/pathnames.json';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { refreshPlannerStatistics, type Database } from '@/lib/db/connection';
import { exportContent } from '@/lib/data/export';
import { applyContent, ContentWriteError, getKnownReferences } from '@/lib/data/write';
import type { ContentFile } from './model';
import { validateContentFile, type Problem } from './validate';

export type ArticleAction = 'created' | 'updated' | 'unchanged';

export interface ImportedArticle {
  id: string;
  locale: Locale;
  slug: string;
  action: ArticleAction;
  /** The canonical public path, e.g. `/nieuws/<slug>` or `/en/news/<slug>`. */
  path: string;
}

export interface ImportSummary {
  sections: number;
  authors: number;
  articles: Record<ArticleAction, number>;
}

export type ImportOutcome =
  | { ok: true; articles: ImportedArticle[]; summary: ImportSummary }
  | { ok: false; problems: Problem[] };

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

/**
 * The canonical public path of an article, from lib/i18n/pathnames.json: Dutch (the default
 * locale) without a prefix, other locales under `/<locale>`. Kept free of next-intl so the CLI can
 * use it.
 */
export function articlePublicPath(locale: Locale, slug: string): string {
  const localized = pathnames['/news/[slug]'][locale].replace('[slug]', encodeURIComponent(slug));
  return locale === defaultLocale ? localized : `/${locale}${localized}`;
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

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `created    nl  /nieuws/<slug>`, one line per article. */
export function formatImportedArticle(article: ImportedArticle): string {
  return `${article.action.padEnd(9)}  ${article.locale}  ${article.path}`;
}

/** `3 articles (1 created, 1 updated, 1 unchanged), 2 sections, 1 author` */
export function formatImportSummary(summary: ImportSummary): string {
  const { created, updated, unchanged } = summary.articles;
  const total = created + updated + unchanged;
  return (
    `${plural(total, 'article')} (${created} created, ${updated} updated, ${unchanged} unchanged), ` +
    `${plural(summary.sections, 'section')}, ${plural(summary.authors, 'author')}`
  );
}

/** `articles[1].publishedAt: expected an ISO 8601 date-time with zone` */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}

/** The interchange format as text: pretty JSON with two-space indents and a trailing newline. */
export function formatContentFile(content: ContentFile): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

export async function exportContentText(database: Database): Promise<string> {
  return formatContentFile(await exportContent(database));
}

export async function exportContentFile(database: Database, filePath: string): Promise<void> {
  await writeFile(filePath, await exportContentText(database), 'utf8');
}
