/**
 * The content model: one schema per shape, and the types the rest of the app uses.
 *
 * Input schemas (`*InputSchema`) describe content as it arrives from an import file, the editor desk
 * or an API. They are the single source of truth: the JSON Schema in docs/ is generated from them
 * (`npm run content -- schema`), and a test keeps the two in step. Output types (`Article`,
 * `ArticleSummary`, …) describe content as the data layer returns it; every timestamp is an ISO 8601
 * string in UTC, so these values cross the server → client boundary unchanged.
 */
import { z } from 'zod';
import { locales, type Locale } from '@/lib/i18n/locales';
import { findUnsafeLinks, isSafeHref } from './inline';
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from './slug';

export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const BLOCK_TYPES = ['paragraph', 'heading', 'quote', 'image', 'video'] as const;
export const VIDEO_PROVIDERS = ['youtube', 'vimeo', 'file'] as const;
export type VideoProvider = (typeof VIDEO_PROVIDERS)[number];

const MESSAGES = {
  slug: 'expected a lowercase-kebab slug (a-z, 0-9 and single hyphens)',
  dateTime: 'expected an ISO 8601 date-time with zone',
  src: 'expected a path under the site ("/images/…") or an http(s) URL',
  imageSrc: 'expected a path under the site ("/media/…" or "/images/…")',
  remoteImage: 'a remote image cannot be shown: upload it to the media library and use its /media/… path',
} as const;

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
/**
 * Optional prose that real content often lacks (an article's intro, an author's bio). Left out,
 * `""` or whitespace only all mean "none" and parse to `undefined`, so nothing downstream ever sees
 * an empty string: earlier exports wrote `""` for a missing intro or bio, and they still import.
 */
const optionalProse = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? undefined : value))
    .optional();

export const SlugSchema = z
  .string()
  .max(SLUG_MAX_LENGTH, { error: `must be at most ${SLUG_MAX_LENGTH} characters` })
  .regex(SLUG_PATTERN, { error: MESSAGES.slug });

export const LocaleSchema = z.enum(locales, { error: `expected one of ${locales.join(', ')}` });

/** An instant with an explicit zone: `2022-05-03T12:38:00Z` or `2022-05-03T14:38:00+02:00`. */
export const DateTimeSchema = z.iso.datetime({ offset: true, error: MESSAGES.dateTime });

/** Where a video file lives: a path under public/ or an http(s) URL. */
export const MediaSrcSchema = z
  .string()
  .min(1, { error: MESSAGES.src })
  .max(2048)
  .refine((src) => (src.startsWith('/') && !src.startsWith('//') ? isSafeHref(src) : /^https?:\/\//i.test(src) && isSafeHref(src)), {
    error: MESSAGES.src,
  });

/**
 * Where an image lives (a lead image, an image in the body, a video's poster, an author's
 * portrait): a path under the site, `/media/…` (the media library) or `/images/…` (public/).
 * Never another site's URL: the site shows images through next/image, which fetches from no remote
 * host, under a Content-Security-Policy that allows images from its own origin only, and a remote
 * file can change or vanish after review. Such a URL was once accepted and then showed as a broken
 * image; now it is refused with a message that says what to do instead.
 */
export const ImageSrcSchema = z
  .string()
  .min(1, { error: MESSAGES.imageSrc })
  .max(2048)
  .superRefine((src, ctx) => {
    if (src.startsWith('/') && !src.startsWith('//') && isSafeHref(src)) return;
    ctx.addIssue({ code: 'custom', message: isRemoteUrl(src) ? MESSAGES.remoteImage : MESSAGES.imageSrc });
  });

/** An absolute http(s) URL, or a protocol-relative one (`//host/…`), which points at another site. */
export function isRemoteUrl(src: string): boolean {
  return /^(https?:)?\/\//i.test(src.trim());
}

export const ImageSchema = z.strictObject({
  src: ImageSrcSchema,
  alt: z.string().trim().max(300),
  caption: optionalText(500),
  credit: optionalText(200),
});
export type Image = z.infer<typeof ImageSchema>;

const ParagraphBlockSchema = z.strictObject({
  type: z.literal('paragraph'),
  text: text(5000).superRefine((value, ctx) => {
    for (const href of findUnsafeLinks(value)) {
      ctx.addIssue({ code: 'custom', message: `unsafe link "${href}": only http(s) and relative links are allowed` });
    }
  }),
});
const HeadingBlockSchema = z.strictObject({ type: z.literal('heading'), text: text(200) });
const QuoteBlockSchema = z.strictObject({ type: z.literal('quote'), text: text(2000), source: optionalText(200) });
const ImageBlockSchema = ImageSchema.extend({ type: z.literal('image') });

const videoCommon = {
  type: z.literal('video'),
  title: text(200),
  poster: ImageSrcSchema.optional(),
  duration: z.int({ error: 'expected a whole number of seconds' }).positive().max(86_400).optional(),
};
const VideoBlockSchema = z.discriminatedUnion(
  'provider',
  [
    z.strictObject({
      ...videoCommon,
      provider: z.literal('youtube'),
      id: z.string().regex(/^[A-Za-z0-9_-]{11}$/, { error: 'expected an 11-character YouTube video id' }),
    }),
    z.strictObject({
      ...videoCommon,
      provider: z.literal('vimeo'),
      id: z.string().regex(/^[0-9]{1,12}$/, { error: 'expected a numeric Vimeo video id' }),
    }),
    z.strictObject({ ...videoCommon, provider: z.literal('file'), src: MediaSrcSchema }),
  ],
  { error: `unknown video provider; expected one of ${VIDEO_PROVIDERS.join(', ')}` },
);

export const BlockSchema = z.discriminatedUnion(
  'type',
  [ParagraphBlockSchema, HeadingBlockSchema, QuoteBlockSchema, ImageBlockSchema, VideoBlockSchema],
  { error: `unknown block type; expected one of ${BLOCK_TYPES.join(', ')}` },
);
export type Block = z.infer<typeof BlockSchema>;
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
export type QuoteBlock = z.infer<typeof QuoteBlockSchema>;
export type ImageBlock = z.infer<typeof ImageBlockSchema>;
export type VideoBlock = z.infer<typeof VideoBlockSchema>;

export const SectionInputSchema = z.strictObject({
  slug: SlugSchema,
  locale: LocaleSchema,
  name: text(80),
  /** Navigation order, lowest first; a section without one comes after every ordered section. */
  order: z.int({ error: 'expected a whole number' }).min(0).max(10_000).optional(),
});
export type SectionInput = z.infer<typeof SectionInputSchema>;

export const AuthorInputSchema = z.strictObject({
  slug: SlugSchema,
  name: text(120),
  bio: optionalProse(2000),
  image: ImageSrcSchema.optional(),
});
export type AuthorInput = z.infer<typeof AuthorInputSchema>;

export const TagNameSchema = text(60).refine((name) => slugify(name).length > 0, {
  error: 'a tag name needs at least one letter or digit',
});

export const ArticleIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,63}$/, { error: 'expected an id of 3-64 characters a-z, 0-9 and hyphens' });

const articleFields = {
  id: ArticleIdSchema.optional(),
  locale: LocaleSchema,
  slug: SlugSchema,
  previousSlugs: z.array(SlugSchema).max(50).optional(),
  status: z.enum(ARTICLE_STATUSES, { error: `expected one of ${ARTICLE_STATUSES.join(', ')}` }),
  title: text(200),
  intro: optionalProse(600),
  section: SlugSchema,
  authors: z.array(SlugSchema).min(1, { error: 'expected at least one author' }).max(10),
  tags: z.array(TagNameSchema).max(20).optional(),
  publishedAt: DateTimeSchema.optional(),
  updatedAt: DateTimeSchema.optional(),
  leadImage: ImageSchema.optional(),
  body: z.array(BlockSchema).min(1, { error: 'expected at least one block' }).max(500),
};

/**
 * When a cross-field rule runs: as zod has it, unless a field failed outright (a wrong type, a
 * missing field; a failed format or length check lets rules run), and also whenever the fields the
 * rule reads are valid, whatever the others hold. So a missing publishedAt is still reported next
 * to a mistyped title, while a rule over a field of the wrong type stays quiet: that field's own
 * problem says enough.
 */
function whenValid(mask: { [K in keyof typeof articleFields]?: true }) {
  const fields = z.object(articleFields).pick(mask);
  return (payload: z.core.ParsePayload) => !z.core.util.aborted(payload) || fields.safeParse(payload.value).success;
}

export const ArticleInputSchema = z
  .strictObject(articleFields)
  .superRefine(
    (article, ctx) => {
      if (article.status !== 'draft' && !article.publishedAt) {
        ctx.addIssue({ code: 'custom', path: ['publishedAt'], message: `is required for a ${article.status} article` });
      }
    },
    { when: whenValid({ status: true, publishedAt: true }) },
  )
  // No rule ties updatedAt to publishedAt: a scheduled article is often last edited before it
  // goes live. Readers see an update only when it came after publication (lib/content/updates.ts).
  .superRefine(
    (article, ctx) => {
      const seenAuthors = new Set<string>();
      article.authors.forEach((author, index) => {
        if (seenAuthors.has(author)) ctx.addIssue({ code: 'custom', path: ['authors', index], message: `author "${author}" is listed twice` });
        seenAuthors.add(author);
      });
    },
    { when: whenValid({ authors: true }) },
  )
  .superRefine(
    (article, ctx) => {
      article.previousSlugs?.forEach((slug, index) => {
        if (slug === article.slug) ctx.addIssue({ code: 'custom', path: ['previousSlugs', index], message: 'must differ from the current slug' });
      });
    },
    { when: whenValid({ slug: true, previousSlugs: true }) },
  );
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

/** The interchange file: `{ "sections": [...], "authors": [...], "articles": [...] }`. */
export const ContentFileSchema = z.strictObject({
  $schema: z.string().optional(),
  sections: z.array(SectionInputSchema).optional(),
  authors: z.array(AuthorInputSchema).optional(),
  articles: z.array(ArticleInputSchema).optional(),
});
export type ContentFile = z.infer<typeof ContentFileSchema>;

// ---------------------------------------------------------------------------------------------
// Output types: content as the data layer returns it.

export interface Section {
  slug: string;
  locale: Locale;
  name: string;
  /** Navigation order, lowest first; null: none, so after every ordered section (lib/content/sections.ts). */
  order: number | null;
}

export interface Author {
  slug: string;
  name: string;
  /** Null when the author has none; never an empty string. */
  bio: string | null;
  image: string | null;
}

export interface Tag {
  slug: string;
  name: string;
}

export interface SectionRef {
  slug: string;
  name: string;
}

export interface AuthorRef {
  slug: string;
  name: string;
}

/** What a listing card needs. */
export interface ArticleSummary {
  id: string;
  locale: Locale;
  slug: string;
  title: string;
  /** The standfirst; null when the article has none (never an empty string). */
  intro: string | null;
  section: SectionRef;
  /** ISO 8601 in UTC. Always set for public articles. */
  publishedAt: string;
  /** ISO 8601 in UTC; the last substantive (editorial) update. */
  updatedAt: string;
  leadImage: Image | null;
  hasVideo: boolean;
}

/** A whole article, as the article page renders it. */
export interface Article {
  id: string;
  locale: Locale;
  slug: string;
  previousSlugs: string[];
  status: ArticleStatus;
  title: string;
  /** The standfirst; null when the article has none (never an empty string). */
  intro: string | null;
  section: SectionRef;
  authors: AuthorRef[];
  tags: Tag[];
  /** ISO 8601 in UTC; null only for a draft that was never given a time. */
  publishedAt: string | null;
  /**
   * ISO 8601 in UTC; the last substantive (editorial) update. It may lie before `publishedAt` (a
   * scheduled article edited before it went live); readers see it only when it is after.
   */
  updatedAt: string;
  leadImage: Image | null;
  body: Block[];
}
