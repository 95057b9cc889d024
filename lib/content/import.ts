/**
 * What an import of an interchange file (docs/content-format.md) answers, and how it reads: one
 * line per article, a summary, `path: message` for each problem, and the file format's own text.
 * Pure; the import itself, which reads and writes, is lib/data/interchange.ts.
 */
import pathnames from '@/lib/i18n/pathnames.json';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import type { ContentFile } from './model';
import type { Problem } from './validate';

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

/**
 * The canonical public path of an article, from lib/i18n/pathnames.json: Dutch (the default
 * locale) without a prefix, other locales under `/<locale>`. Kept free of next-intl so the CLI can
 * use it.
 */
export function articlePublicPath(locale: Locale, slug: string): string {
  const localized = pathnames['/news/[slug]'][locale].replace('[slug]', encodeURIComponent(slug));
  return locale === defaultLocale ? localized : `/${locale}${localized}`;
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
