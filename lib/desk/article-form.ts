/**
 * The desk's article form as data: reading the posted fields, turning them into an
 * ArticleInput-shaped object for the data layer, turning an article back into field values, and
 * pinning the data layer's problems (`title`, `leadImage.src`, `body[2].text`) onto form fields
 * and body lines. Pure, so the rules are tested as tables; the Server Action only wires it up.
 *
 * Every value the editor typed is kept verbatim in {@link ArticleFormValues} (capped in length, so
 * a hostile post cannot make the server echo megabytes back), whatever is wrong with it: the form
 * re-renders from these values, and nothing typed is lost on an error.
 */
import type { ArticleInput, ArticleStatus } from '@/lib/content/model';
import { bodyToText, parseBodyText } from '@/lib/content/body-text';
import type { Problem } from '@/lib/content/validate';
import { parseLocalDateTime, toLocalDateTime } from './datetime-local';

export const ARTICLE_FORM_FIELDS = [
  'title',
  'slug',
  'intro',
  'locale',
  'section',
  'authors',
  'tags',
  'leadImageSrc',
  'leadImageAlt',
  'leadImageCaption',
  'leadImageCredit',
  'publishedAt',
  'body',
] as const;
export type ArticleFormField = (typeof ARTICLE_FORM_FIELDS)[number];

/** What the form shows: exactly what was typed (or loaded), as strings. */
export interface ArticleFormValues {
  title: string;
  slug: string;
  intro: string;
  locale: string;
  section: string;
  authors: string[];
  /** Comma separated. */
  tags: string;
  leadImageSrc: string;
  leadImageAlt: string;
  leadImageCaption: string;
  leadImageCredit: string;
  /** A datetime-local value in the site zone, or "". */
  publishedAt: string;
  /** Body text (lib/content/body-text.ts). */
  body: string;
  substantive: boolean;
}

/**
 * A problem placed on the form. `field` null: about the article as a whole (shown in the summary
 * only). `line`: the body line it concerns. `code`: a message the desk words itself (localized);
 * otherwise `message` is the validator's text.
 */
export interface FieldProblem {
  field: ArticleFormField | null;
  message: string;
  line?: number;
  code?: 'publishedAtFormat' | 'publishedAtNonexistent' | 'bodySyntax';
}

/** Generous caps, well above the schema's limits, so the schema (not truncation) reports overlong text. */
const MAX_LENGTH: Record<Exclude<keyof ArticleFormValues, 'authors' | 'substantive'>, number> = {
  title: 2_000,
  slug: 1_000,
  intro: 6_000,
  locale: 10,
  section: 1_000,
  tags: 5_000,
  leadImageSrc: 4_000,
  leadImageAlt: 2_000,
  leadImageCaption: 4_000,
  leadImageCredit: 2_000,
  publishedAt: 40,
  body: 1_000_000,
};
const MAX_AUTHORS = 50;

/** The part of FormData this module reads. */
export interface FormFields {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

const text = (form: FormFields, name: keyof typeof MAX_LENGTH): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, MAX_LENGTH[name]) : '';
};

export const emptyArticleFormValues = (locale: string): ArticleFormValues => ({
  title: '',
  slug: '',
  intro: '',
  locale,
  section: '',
  authors: [],
  tags: '',
  leadImageSrc: '',
  leadImageAlt: '',
  leadImageCaption: '',
  leadImageCredit: '',
  publishedAt: '',
  body: '',
  substantive: false,
});

/** Reads the posted form. Never throws; missing or non-text fields read as empty. */
export function readArticleForm(form: FormFields): ArticleFormValues {
  const authors = form
    .getAll('authors')
    .filter((value): value is string => typeof value === 'string' && value.length > 0)
    .slice(0, MAX_AUTHORS)
    .map((value) => value.slice(0, 200));
  return {
    title: text(form, 'title'),
    slug: text(form, 'slug'),
    intro: text(form, 'intro'),
    locale: text(form, 'locale'),
    section: text(form, 'section'),
    authors,
    tags: text(form, 'tags'),
    leadImageSrc: text(form, 'leadImageSrc'),
    leadImageAlt: text(form, 'leadImageAlt'),
    leadImageCaption: text(form, 'leadImageCaption'),
    leadImageCredit: text(form, 'leadImageCredit'),
    publishedAt: text(form, 'publishedAt'),
    body: text(form, 'body'),
    substantive: form.get('substantive') === 'on',
  };
}

/** An article's stored input as form values (publication time as wall-clock time in `timeZone`). */
export function valuesFromInput(input: ArticleInput, timeZone: string): ArticleFormValues {
  return {
    title: input.title,
    slug: input.slug,
    intro: input.intro ?? '',
    locale: input.locale,
    section: input.section,
    authors: [...input.authors],
    tags: (input.tags ?? []).join(', '),
    leadImageSrc: input.leadImage?.src ?? '',
    leadImageAlt: input.leadImage?.alt ?? '',
    leadImageCaption: input.leadImage?.caption ?? '',
    leadImageCredit: input.leadImage?.credit ?? '',
    publishedAt: input.publishedAt ? toLocalDateTime(input.publishedAt, timeZone) : '',
    body: bodyToText(input.body),
    substantive: false,
  };
}

/** "a, b,, c " → ["a", "b", "c"]. */
export function splitTags(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

export interface BuiltArticle {
  /** ArticleInput-shaped, not yet validated: the data layer validates it with the import's schema. */
  article: Record<string, unknown>;
  /** The body line each block starts on, for {@link placeProblems}. */
  bodyLines: number[];
  /** Problems found before validation: body syntax and an unreadable publication time. */
  problems: FieldProblem[];
}

/**
 * Form values → the article to save. `status` is the article's current status (the form never
 * changes it; the publication buttons do; the data layer re-reads it anyway), so the model's
 * status rules apply. `slug` falls back to `suggestedSlug` when left empty. The slug history,
 * id and `updatedAt` are the data layer's business and never come from the form.
 */
export function buildArticleInput(
  values: ArticleFormValues,
  options: {
    status: ArticleStatus;
    timeZone: string;
    suggestedSlug?: string;
    /**
     * The stored publication instant. The field shows minutes only, so when it still shows this
     * instant's minute the stored instant is kept to the millisecond: saving an untouched form
     * must not move the publication time (or make a typo fix look like an update).
     */
    storedPublishedAt?: string;
  },
): BuiltArticle {
  const problems: FieldProblem[] = [];
  const parsed = parseBodyText(values.body);
  for (const problem of parsed.problems) {
    problems.push({ field: 'body', line: problem.line, message: problem.message, code: 'bodySyntax' });
  }

  let publishedAt: string | undefined;
  const stored = options.storedPublishedAt;
  if (stored !== undefined && values.publishedAt.trim() === toLocalDateTime(stored, options.timeZone)) {
    publishedAt = stored;
  } else if (values.publishedAt.trim() !== '') {
    const result = parseLocalDateTime(values.publishedAt, options.timeZone);
    if (result.ok) publishedAt = result.iso;
    else {
      problems.push({
        field: 'publishedAt',
        message: result.reason,
        code: result.reason === 'format' ? 'publishedAtFormat' : 'publishedAtNonexistent',
      });
    }
  }

  const slug = values.slug.trim() || options.suggestedSlug || '';
  const leadImageGiven = [values.leadImageSrc, values.leadImageAlt, values.leadImageCaption, values.leadImageCredit].some(
    (value) => value.trim() !== '',
  );
  const caption = values.leadImageCaption.trim();
  const credit = values.leadImageCredit.trim();
  const tags = splitTags(values.tags);

  const article: Record<string, unknown> = {
    locale: values.locale,
    slug,
    status: options.status,
    title: values.title,
    // An intro left empty is none, like the lead image and tags below.
    ...(values.intro.trim() === '' ? {} : { intro: values.intro }),
    section: values.section,
    authors: values.authors,
    body: parsed.blocks,
    ...(tags.length > 0 ? { tags } : {}),
    ...(publishedAt !== undefined ? { publishedAt } : {}),
    ...(leadImageGiven
      ? {
          leadImage: {
            src: values.leadImageSrc.trim(),
            alt: values.leadImageAlt,
            ...(caption ? { caption } : {}),
            ...(credit ? { credit } : {}),
          },
        }
      : {}),
  };
  return { article, bodyLines: parsed.lines, problems };
}

const DIRECT_FIELDS: Readonly<Record<string, ArticleFormField>> = {
  title: 'title',
  slug: 'slug',
  previousSlugs: 'slug',
  intro: 'intro',
  locale: 'locale',
  section: 'section',
  authors: 'authors',
  tags: 'tags',
  publishedAt: 'publishedAt',
  updatedAt: 'publishedAt',
  body: 'body',
};

const LEAD_IMAGE_FIELDS: Readonly<Record<string, ArticleFormField>> = {
  src: 'leadImageSrc',
  alt: 'leadImageAlt',
  caption: 'leadImageCaption',
  credit: 'leadImageCredit',
};

/**
 * Places the data layer's problems (paths relative to the article) on form fields. A body problem
 * (`body[2].text`) gets the line its block starts on; a tag problem names the tag. Anything the
 * form has no field for (`status`, `id`) stays a problem of the whole article.
 */
export function placeProblems(problems: readonly Problem[], bodyLines: readonly number[], values?: ArticleFormValues): FieldProblem[] {
  return problems.map((problem) => {
    // Tolerate a file-level prefix (`articles[0].title`), in case a path arrives unrelativized.
    const path = problem.path.replace(/^articles\[\d+\]\.?/, '');
    const leadImage = /^leadImage(?:\.(\w+))?/.exec(path);
    if (leadImage) return { field: LEAD_IMAGE_FIELDS[leadImage[1] ?? 'src'] ?? 'leadImageSrc', message: problem.message };
    const body = /^body\[(\d+)\]/.exec(path);
    if (body) {
      const line = bodyLines[Number(body[1])];
      return { field: 'body', message: problem.message, ...(line !== undefined ? { line } : {}) };
    }
    const tag = /^tags\[(\d+)\]/.exec(path);
    if (tag && values) {
      const name = splitTags(values.tags)[Number(tag[1])];
      return { field: 'tags', message: name === undefined ? problem.message : `"${name}": ${problem.message}` };
    }
    const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
    return { field: DIRECT_FIELDS[head] ?? null, message: problem.message };
  });
}
