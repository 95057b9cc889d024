/**
 * The demo content: every content/demo/*.json file, imported as ONE combined file after moving all
 * of its timestamps forward (or back) by the same amount, so that the newest published article is
 * {@link SEED_NEWEST_AGE_MS} old (to the minute). Fronts then show "today", "yesterday" and older
 * articles whenever the demo is started, with the order and spacing the demo's authors chose.
 *
 * Pure: how the files combine and how their dates move. Reading them and writing the result is
 * seedDemoContent in lib/data/interchange.ts.
 */
import type { ArticleInput, ContentFile } from './model';
import { FILE_PATH, parseContentJson, type Problem } from './validate';
import { canonicalJson } from './canonical-json';

/** How old the newest published demo article is right after seeding. */
export const SEED_NEWEST_AGE_MS = 10 * 60 * 1000;

/** The demo directory, relative to the repository root. */
export const DEMO_CONTENT_DIR = 'content/demo';

const MINUTE_MS = 60 * 1000;

/**
 * The shift (in ms) that moves the newest published article to `now - newestAge`, rounded down to
 * the minute so that times written on the minute stay on the minute; 0 when the content has no
 * published article.
 */
export function seedShiftMs(content: ContentFile, now: Date, newestAge = SEED_NEWEST_AGE_MS): number {
  const published = (content.articles ?? [])
    .filter((article) => article.status === 'published' && article.publishedAt !== undefined)
    .map((article) => Date.parse(article.publishedAt ?? ''));
  if (published.length === 0) return 0;
  const target = Math.floor((now.getTime() - newestAge) / MINUTE_MS) * MINUTE_MS;
  return target - Math.max(...published);
}

function shiftInstant(value: string | undefined, shiftMs: number): string | undefined {
  return value === undefined ? undefined : new Date(Date.parse(value) + shiftMs).toISOString();
}

/**
 * Moves every article's publishedAt and updatedAt by the same amount so that the newest published
 * article lands `newestAge` before `now` (at the start of that minute). Pure: returns new content
 * with UTC (`…Z`) timestamps. Expects validated content (every timestamp parses).
 */
export function shiftContentDates(content: ContentFile, now: Date, newestAge = SEED_NEWEST_AGE_MS): ContentFile {
  const shiftMs = seedShiftMs(content, now, newestAge);
  if (!content.articles) return content;
  const articles = content.articles.map((article): ArticleInput => {
    const shifted: ArticleInput = { ...article };
    const publishedAt = shiftInstant(article.publishedAt, shiftMs);
    const updatedAt = shiftInstant(article.updatedAt, shiftMs);
    if (publishedAt !== undefined) shifted.publishedAt = publishedAt;
    if (updatedAt !== undefined) shifted.updatedAt = updatedAt;
    return shifted;
  });
  return { ...content, articles };
}

const LIST_KEYS = ['sections', 'authors', 'articles'] as const;
type ListKey = (typeof LIST_KEYS)[number];

export interface DemoFile {
  /** Shown in problems, e.g. `nl.json`. */
  name: string;
  text: string;
}

/** What makes a section or an author the same one: its (locale and) slug. */
function identity(listKey: ListKey, item: unknown): string | null {
  if (listKey === 'articles' || typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  const slug: unknown = 'slug' in item ? item.slug : undefined;
  const locale: unknown = 'locale' in item ? item.locale : undefined;
  if (typeof slug !== 'string') return null;
  return listKey === 'sections' ? `${String(locale)}/${slug}` : slug;
}

/**
 * Combines several files into one raw file, so that references between them (an English article
 * by an author listed in nl.json) resolve, and maps problem paths back to the file they came from:
 * `articles[12].slug` → `en.json: articles[3].slug`. Problems about a file as a whole (bad JSON, a
 * list that is not a list) are reported against that file and leave it out of the combination.
 *
 * Each demo file is a valid interchange file on its own, so a section or author may appear in more
 * than one of them. An exact copy of one already seen in another file is merged; a different one
 * with the same slug stays in, and validation reports it as a duplicate.
 */
export function combineDemoFiles(files: DemoFile[]): {
  combined: Record<ListKey, unknown[]>;
  problems: Problem[];
  locate: (problem: Problem) => Problem;
} {
  const combined: Record<ListKey, unknown[]> = { sections: [], authors: [], articles: [] };
  const origins: Record<ListKey, Array<{ name: string; index: number }>> = { sections: [], authors: [], articles: [] };
  const problems: Problem[] = [];
  const inFile = (name: string, problemPath: string) => (problemPath === FILE_PATH ? name : `${name}: ${problemPath}`);
  const seen = new Map<string, { name: string; json: string }>();

  for (const file of files) {
    const parsed = parseContentJson(file.text);
    if (!parsed.ok) {
      problems.push({ ...parsed.problem, path: inFile(file.name, parsed.problem.path) });
      continue;
    }
    const root = parsed.value;
    if (typeof root !== 'object' || root === null || Array.isArray(root)) {
      problems.push({ path: file.name, message: 'expected a JSON object with "sections", "authors" and/or "articles"' });
      continue;
    }
    for (const [key, value] of Object.entries(root)) {
      if (key === '$schema') continue;
      const listKey = LIST_KEYS.find((candidate) => candidate === key);
      if (!listKey) {
        problems.push({ path: file.name, message: `unknown field ${JSON.stringify(key)}` });
      } else if (!Array.isArray(value)) {
        problems.push({ path: inFile(file.name, key), message: 'expected an array' });
      } else {
        value.forEach((item: unknown, index) => {
          const key = identity(listKey, item);
          if (key !== null) {
            const json = canonicalJson(item);
            const first = seen.get(`${listKey}:${key}`);
            if (first && first.name !== file.name && first.json === json) return;
            if (!first) seen.set(`${listKey}:${key}`, { name: file.name, json });
          }
          combined[listKey].push(item);
          origins[listKey].push({ name: file.name, index });
        });
      }
    }
  }

  const locate = (problem: Problem): Problem => {
    const match = /^(sections|authors|articles)\[(\d+)\](.*)$/s.exec(problem.path);
    const listKey = LIST_KEYS.find((candidate) => candidate === match?.[1]);
    const origin = listKey ? origins[listKey][Number(match?.[2])] : undefined;
    if (!match || !listKey || !origin) return problem;
    return { ...problem, path: `${origin.name}: ${listKey}[${origin.index}]${match[3] ?? ''}` };
  };
  return { combined, problems, locate };
}
