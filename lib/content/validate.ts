/**
 * Validation of the interchange file (docs/content-format.md), the edge every import goes through.
 *
 * It answers with the parsed content or with EVERY problem in the file, each as `path: message`
 * (`articles[1].publishedAt: expected an ISO 8601 date-time with zone`), so a newsroom developer
 * can fix a file in one pass. Three layers, all reported together:
 *
 * 1. The content model's zod schemas (lib/content/model.ts), the one definition of every shape.
 *    Its cross-field rules say, with zod's `when`, which fields they read, so they still run (and
 *    report) next to a problem in another field of the same article.
 * 2. Rules within the file: duplicate slugs, ids, sections and authors; colliding tag slugs.
 * 3. Rules against what the database already holds ({@link KnownReferences}): unknown sections and
 *    authors, and slugs that belong to another article.
 *
 * The JSON Schema in docs/ is generated from the same zod schemas but is NOT used here: it cannot
 * express the refinements (safe links, cross-field rules), and a second validator would only add
 * duplicate or conflicting messages. Tests prove the committed schema matches the model instead.
 *
 * Pure: no I/O, no clock. The caller supplies the known references.
 */
import { z } from 'zod';
import { parseJsonText } from './json-text';
import { ArticleIdSchema, ContentFileSchema, LocaleSchema, SlugSchema, TagNameSchema, type ContentFile } from './model';
import { slugify } from './slug';

export interface Problem {
  /** Where in the file: `articles[1].body[3].type`, or `(file)` for the file as a whole. */
  path: string;
  message: string;
}

/** What the database already holds, as far as references in a file are concerned. */
export interface KnownReferences {
  /** `"locale/slug"` of every section. */
  sections: ReadonlySet<string>;
  /** Every author slug. */
  authors: ReadonlySet<string>;
  /** `"locale/slug"` (current and previous slugs) → the id of the article that owns it. */
  articleSlugs: ReadonlyMap<string, string>;
}

export const noKnownReferences: KnownReferences = {
  sections: new Set(),
  authors: new Set(),
  articleSlugs: new Map(),
};

export type ValidationResult = { ok: true; content: ContentFile } | { ok: false; problems: Problem[] };

export const FILE_PATH = '(file)';

type Path = ReadonlyArray<PropertyKey>;

/** `['articles', 1, 'body', 3, 'type']` → `articles[1].body[3].type`; `[]` → `(file)`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || FILE_PATH;
}

// ---------------------------------------------------------------------------------------------
// Reading untrusted JSON without casts.

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** Parses one field on its own; `undefined` when it is invalid (its problem is reported elsewhere). */
function valid<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Parses JSON text; a syntax error becomes a `(file)` problem with its line and column. */
export function parseContentJson(text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  const parsed = parseJsonText(text);
  return parsed.ok ? parsed : { ok: false, problem: { path: FILE_PATH, message: parsed.message } };
}

// ---------------------------------------------------------------------------------------------
// zod issues → problems, in our words.

const NOUNS: Partial<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

const plural = (count: number | bigint, word: string) => `${count} ${word}${count === 1 || count === 1n ? '' : 's'}`;

function rangeMessage(side: 'min' | 'max', origin: string, bound: number | bigint, inclusive: boolean | undefined): string {
  if (origin === 'string') {
    if (side === 'min') return Number(bound) <= 1 ? 'must not be empty' : `must be at least ${plural(bound, 'character')}`;
    return `must be at most ${plural(bound, 'character')}`;
  }
  if (origin === 'array') return `expected at ${side === 'min' ? 'least' : 'most'} ${plural(bound, 'item')}`;
  if (side === 'min') return inclusive === false ? `must be greater than ${bound}` : `must be at least ${bound}`;
  return inclusive === false ? `must be less than ${bound}` : `must be at most ${bound}`;
}

const typeMessage = (expected: string, input: unknown) =>
  input === undefined ? 'is required' : `expected ${NOUNS[expected] ?? expected}, got ${describe(input)}`;

/**
 * Our wording, as the parse's error map: it words the issues for which the model sets no message.
 * A message set on the schema (the slug rule, the date-time rule, …) takes precedence, as zod
 * documents, except where {@link messageOf} says otherwise.
 */
const wording: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return typeMessage(issue.expected, issue.input);
    case 'too_small':
      return rangeMessage('min', issue.origin, issue.minimum, issue.inclusive);
    case 'too_big':
      return rangeMessage('max', issue.origin, issue.maximum, issue.inclusive);
    case 'invalid_format':
      return issue.format === 'regex' ? 'has an invalid format' : `expected a valid ${issue.format}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `expected ${JSON.stringify(issue.values[0])}` : `expected one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    case 'custom':
      return 'is invalid';
    default:
      return undefined;
  }
};

/** The final message of an issue, parsed with `reportInput` so that it carries its input. */
function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    // The model's messages on these schemas ("unknown block type", "expected an ISO 8601
    // date-time") describe a wrong value, not a missing one or one of the wrong type; but for a
    // fraction where a whole number belongs, the model's message says it best.
    case 'invalid_type':
      if (typeof issue.input === 'number' && (issue.expected === 'int' || issue.expected === 'number')) break;
      return typeMessage(issue.expected, issue.input);
    // A missing enum or discriminator (a block's type): say so, and keep the model's list of allowed values.
    case 'invalid_value':
    case 'invalid_union': {
      const input = issue.code === 'invalid_union' && issue.discriminator !== undefined && isObject(issue.input) ? issue.input[issue.discriminator] : issue.input;
      if (input !== undefined) break;
      const allowed = /(?:^|; )(expected .*)$/s.exec(issue.message)?.[1];
      return allowed ? `is required; ${allowed}` : 'is required';
    }
    // zod applies z.int()'s error to its range checks too ("expected a whole number" for -1);
    // the model sets no range message on numbers, so state the range.
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') return rangeMessage('min', issue.origin, issue.minimum, issue.inclusive);
      break;
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') return rangeMessage('max', issue.origin, issue.maximum, issue.inclusive);
      break;
    default:
      break;
  }
  return issue.message;
}

function toProblems(issue: z.core.$ZodIssue): Problem[] {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path, message: `unknown field ${JSON.stringify(key)}` }));
  return [{ path, message: messageOf(issue) }];
}

// ---------------------------------------------------------------------------------------------
// Rules beyond the schema.

function rawItems(root: JsonObject, key: 'sections' | 'authors' | 'articles'): Array<[number, JsonObject]> {
  const list = root[key];
  if (!Array.isArray(list)) return [];
  const items: Array<[number, JsonObject]> = [];
  list.forEach((item: unknown, index) => {
    if (isObject(item)) items.push([index, item]);
  });
  return items;
}

const refKey = (locale: string, slug: string) => `${locale}/${slug}`;

function checkReferences(root: JsonObject, known: KnownReferences): Problem[] {
  const problems: Problem[] = [];
  const report = (path: Path, message: string) => problems.push({ path: formatPath(path), message });

  // Sections: unique per locale within the file.
  const fileSections = new Map<string, number>();
  for (const [index, section] of rawItems(root, 'sections')) {
    const slug = valid(SlugSchema, section.slug);
    const locale = valid(LocaleSchema, section.locale);
    if (slug === undefined || locale === undefined) continue;
    const first = fileSections.get(refKey(locale, slug));
    if (first !== undefined) report(['sections', index, 'slug'], `duplicate section "${slug}" for ${locale}; also at sections[${first}]`);
    else fileSections.set(refKey(locale, slug), index);
  }

  // Authors: unique within the file.
  const fileAuthors = new Map<string, number>();
  for (const [index, author] of rawItems(root, 'authors')) {
    const slug = valid(SlugSchema, author.slug);
    if (slug === undefined) continue;
    const first = fileAuthors.get(slug);
    if (first !== undefined) report(['authors', index, 'slug'], `duplicate author "${slug}"; also at authors[${first}]`);
    else fileAuthors.set(slug, index);
  }

  // When a list is there but is not a list, it is reported as such; what it may have defined is
  // unknown, so references to it are not checked.
  const checkSections = root.sections === undefined || Array.isArray(root.sections);
  const checkAuthors = root.authors === undefined || Array.isArray(root.authors);

  const ids = new Map<string, number>();
  // "locale/slug" → which article in the file claims it, and whether as its current slug.
  const slugOwners = new Map<string, { index: number; current: boolean }>();
  const describeOwner = (owner: { index: number; current: boolean }) =>
    `articles[${owner.index}]${owner.current ? '' : ' (as a previous slug)'}`;

  const articles = rawItems(root, 'articles');
  for (const [index, article] of articles) {
    const at = (...rest: PropertyKey[]): Path => ['articles', index, ...rest];
    const id = valid(ArticleIdSchema, article.id);
    const locale = valid(LocaleSchema, article.locale);
    const slug = valid(SlugSchema, article.slug);

    if (id !== undefined) {
      const first = ids.get(id);
      if (first !== undefined) report(at('id'), `id "${id}" is used by articles[${first}] too`);
      else ids.set(id, index);
    }

    if (locale !== undefined) {
      // Current slug first, then previous slugs: each may be claimed by one article only.
      const claims: Array<{ slug: string; path: Path; current: boolean }> = [];
      if (slug !== undefined) claims.push({ slug, path: at('slug'), current: true });
      const previous = article.previousSlugs;
      if (Array.isArray(previous)) {
        previous.forEach((value: unknown, position) => {
          const previousSlug = valid(SlugSchema, value);
          if (previousSlug !== undefined && previousSlug !== slug) {
            claims.push({ slug: previousSlug, path: at('previousSlugs', position), current: false });
          }
        });
      }
      for (const claim of claims) {
        const key = refKey(locale, claim.slug);
        const owner = slugOwners.get(key);
        if (owner?.index === index) report(claim.path, `"${claim.slug}" is listed twice`);
        else if (owner) report(claim.path, `duplicate slug "${claim.slug}" for ${locale}; also used by ${describeOwner(owner)}`);
        else slugOwners.set(key, { index, current: claim.current });

        // Which stored article this one is: the one with its id, or else (the importer matches
        // by slug) the one that owns its current slug, if any. Every other slug it claims must be
        // free or that article's own.
        const databaseOwner = known.articleSlugs.get(key);
        const self = id ?? (slug === undefined ? undefined : known.articleSlugs.get(refKey(locale, slug)));
        if (databaseOwner !== undefined && databaseOwner !== self && (id !== undefined || !claim.current)) {
          report(claim.path, `"${claim.slug}" already belongs to article "${databaseOwner}" in the database`);
        }
      }

      const section = valid(SlugSchema, article.section);
      if (checkSections && section !== undefined && !fileSections.has(refKey(locale, section)) && !known.sections.has(refKey(locale, section))) {
        const otherLocale = [...fileSections.keys(), ...known.sections].some((key) => key.endsWith(`/${section}`));
        report(
          at('section'),
          `unknown section "${section}" for ${locale}${otherLocale ? ' (it exists only in another locale)' : ''}; add it to "sections" or import it first`,
        );
      }
    }

    const authors = article.authors;
    if (checkAuthors && Array.isArray(authors)) {
      authors.forEach((value: unknown, position) => {
        const author = valid(SlugSchema, value);
        if (author !== undefined && !fileAuthors.has(author) && !known.authors.has(author)) {
          report(at('authors', position), `unknown author "${author}"; add it to "authors" or import it first`);
        }
      });
    }

    const tags = article.tags;
    if (Array.isArray(tags)) {
      const tagSlugs = new Map<string, number>();
      tags.forEach((value: unknown, position) => {
        const name = valid(TagNameSchema, value);
        if (name === undefined) return;
        const tagSlug = slugify(name);
        const first = tagSlugs.get(tagSlug);
        if (first !== undefined) report(at('tags', position), `tag "${name}" has the same slug "${tagSlug}" as tags[${first}]`);
        else tagSlugs.set(tagSlug, position);
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

const TOP_LEVEL_ORDER = ['$schema', 'sections', 'authors', 'articles'];

/** File-level problems first, then by top-level key and item index; otherwise in the order found. */
function documentOrder(problem: Problem): [number, number] {
  if (problem.path === FILE_PATH) return [-1, -1];
  const match = /^([A-Za-z_$][A-Za-z0-9_$]*)(?:\[(\d+)\])?/.exec(problem.path);
  const rank = match ? TOP_LEVEL_ORDER.indexOf(match[1] ?? '') : -1;
  return [rank === -1 ? TOP_LEVEL_ORDER.length : rank, match?.[2] !== undefined ? Number(match[2]) : -1];
}

function sortAndDeduplicate(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((problem, position) => ({ problem, position, order: documentOrder(problem) }))
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.position - b.position)
    .map(({ problem }) => problem);
}

/**
 * Validates an interchange file: JSON text (a string) or an already-parsed value.
 *
 * Returns the parsed content (strings trimmed as the model defines) or every problem found, each
 * with its path. References are checked against the file itself plus `known`, which the importer
 * reads from the database; pass {@link noKnownReferences} to check a file on its own.
 */
export function validateContentFile(input: string | unknown, known: KnownReferences): ValidationResult {
  let root: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseContentJson(input);
    if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
    root = parsed.value;
  }
  if (!isObject(root)) {
    return {
      ok: false,
      problems: [{ path: FILE_PATH, message: `expected a JSON object with "sections", "authors" and/or "articles", got ${describe(root)}` }],
    };
  }

  const problems: Problem[] = [];
  const result = ContentFileSchema.safeParse(root, { error: wording, reportInput: true });
  if (!result.success) {
    // A length check still runs on a value of the wrong type when that value has a length (a
    // string where a list belongs), which would add "must be at most 10 characters" to "expected
    // an array". The wrong type is the problem; drop the rest at that path.
    const wrongType = new Set(result.error.issues.filter((issue) => issue.code === 'invalid_type').map((issue) => formatPath(issue.path)));
    for (const issue of result.error.issues) {
      if (issue.code !== 'invalid_type' && wrongType.has(formatPath(issue.path))) continue;
      problems.push(...toProblems(issue));
    }
  }
  problems.push(...checkReferences(root, known));

  if (problems.length > 0 || !result.success) return { ok: false, problems: sortAndDeduplicate(problems) };
  return { ok: true, content: result.data };
}
