/**
 * Authors, as the admin screen manages them: add, edit name/bio/image, remove. Writes go through
 * applyContent after the import's schema (AuthorInputSchema); removal is a delete that re-checks,
 * in the same transaction, that no article of any status names the author. The slug (the author
 * page's URL) is chosen once, at creation.
 *
 * The image is a media src: a path from the media library (`/media/…`), a path under public/,
 * or an http(s) URL, exactly what MediaSrcSchema allows.
 */
import { sql } from 'kysely';
import { cacheTags } from '@/lib/cache/tags';
import { AuthorInputSchema, MediaSrcSchema, type Author, type AuthorInput } from '@/lib/content/model';
import { slugify } from '@/lib/content/slug';
import type { Database } from '@/lib/db/connection';
import { withWriteTransaction } from '@/lib/db/transaction';
import { getAuthor, listAuthors } from '@/lib/data/taxonomy';
import { applyContent, ContentWriteError } from '@/lib/data/write';
import { locales } from '@/lib/i18n/locales';
import { checkSlug, checkText, refused, type AdminOutcome, type AdminProblem } from './problems';

export const AUTHOR_NAME_MAX = 120;
export const AUTHOR_BIO_MAX = 2000;

export interface AuthorWithCount extends Author {
  /** Articles of any status that name the author. */
  articles: number;
}

/** Bylines appear on every listing and article of both locales. */
const authorTags = () => [cacheTags.taxonomy(), ...locales.map((locale) => cacheTags.listings(locale))];

export interface AuthorFields {
  name: string;
  bio: string;
  /** Empty for none. */
  image: string;
}

/** Authors by name, each with how many articles (any status) name them. */
export async function listAuthorsForAdmin(database: Database): Promise<AuthorWithCount[]> {
  const [authors, counts] = await Promise.all([
    listAuthors(database),
    database.db
      .selectFrom('article_authors')
      .select(['author_slug', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('author_slug')
      .execute(),
  ]);
  const countOf = new Map(counts.map((row) => [row.author_slug, Number(row.count)]));
  return authors.map((author) => ({ ...author, articles: countOf.get(author.slug) ?? 0 }));
}

/** The form's fields trimmed; an empty bio or image is none (undefined), never an empty string. */
interface CleanFields {
  name: string;
  bio: string | undefined;
  image: string | undefined;
}

function checkFields(fields: AuthorFields): { problems: AdminProblem[]; clean: CleanFields } {
  const name = fields.name.trim();
  const bio = fields.bio.trim();
  const image = fields.image.trim();
  const problems = [checkText('name', name, AUTHOR_NAME_MAX), checkText('bio', bio, AUTHOR_BIO_MAX, false)].filter((problem) => problem !== null);
  if (image !== '' && !MediaSrcSchema.safeParse(image).success) problems.push({ field: 'image', code: 'invalidSrc' });
  return { problems, clean: { name, bio: bio === '' ? undefined : bio, image: image === '' ? undefined : image } };
}

async function writeAuthor(database: Database, author: AuthorInput, now: Date): Promise<AdminProblem[]> {
  const parsed = AuthorInputSchema.safeParse(author);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const field = issue.path[0];
      return { field: field === 'slug' || field === 'bio' || field === 'image' ? field : 'name', code: 'invalid' as const };
    });
  }
  try {
    await applyContent(database, { authors: [parsed.data] }, { now });
  } catch (error) {
    if (error instanceof ContentWriteError) return [{ field: 'form', code: 'invalid' }];
    throw error;
  }
  return [];
}

const toInput = (slug: string, clean: CleanFields): AuthorInput => ({
  slug,
  name: clean.name,
  ...(clean.bio === undefined ? {} : { bio: clean.bio }),
  ...(clean.image === undefined ? {} : { image: clean.image }),
});

const toAuthor = (slug: string, clean: CleanFields): Author => ({ slug, name: clean.name, bio: clean.bio ?? null, image: clean.image ?? null });

/** Adds an author; the slug defaults to one made from the name and must be free. */
export async function addAuthor(database: Database, input: AuthorFields & { slug: string }, now: Date): Promise<AdminOutcome<Author>> {
  const { problems, clean } = checkFields(input);
  const slug = input.slug.trim() === '' ? slugify(clean.name) : input.slug.trim();
  const slugProblem = clean.name === '' && input.slug.trim() === '' ? null : checkSlug(slug);
  if (slugProblem !== null) problems.push(slugProblem);
  if (problems.length > 0) return refused(...problems);
  if ((await getAuthor(database, slug)) !== null) return refused({ field: 'slug', code: 'slugTaken' });
  const writeProblems = await writeAuthor(database, toInput(slug, clean), now);
  if (writeProblems.length > 0) return refused(...writeProblems);
  return { ok: true, tags: authorTags(), value: toAuthor(slug, clean) };
}

/** Changes an author's name, bio and image (all three, as the form sends them). */
export async function updateAuthor(database: Database, input: AuthorFields & { slug: string }, now: Date): Promise<AdminOutcome<Author>> {
  const current = await getAuthor(database, input.slug);
  if (current === null) return refused({ field: 'form', code: 'notFound' });
  const { problems, clean } = checkFields(input);
  if (problems.length > 0) return refused(...problems);
  const value = toAuthor(current.slug, clean);
  if (current.name === value.name && current.bio === value.bio && current.image === value.image) return { ok: true, tags: [], value };
  const writeProblems = await writeAuthor(database, toInput(current.slug, clean), now);
  if (writeProblems.length > 0) return refused(...writeProblems);
  return { ok: true, tags: authorTags(), value };
}

/** Removes an author whom no article (of any status) names; check and delete are one transaction. */
export async function removeAuthor(database: Database, input: { slug: string }): Promise<AdminOutcome> {
  return withWriteTransaction(database, async (trx): Promise<AdminOutcome> => {
    const author = await trx.selectFrom('authors').select('slug').where('slug', '=', input.slug).executeTakeFirst();
    if (author === undefined) return refused({ field: 'form', code: 'notFound' });
    const { count } = await trx
      .selectFrom('article_authors')
      .select(sql<number>`count(*)`.as('count'))
      .where('author_slug', '=', input.slug)
      .executeTakeFirstOrThrow();
    if (Number(count) > 0) return refused({ field: 'form', code: 'inUse', params: { count: Number(count) } });
    await trx.deleteFrom('authors').where('slug', '=', input.slug).execute();
    return { ok: true, tags: authorTags(), value: undefined };
  });
}
