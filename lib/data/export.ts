/**
 * Reading the database back out in the interchange shape (a ContentFile), the inverse of
 * applyContent (lib/data/write.ts): export → apply to an empty database → export gives the same
 * bytes.
 */
import type { Article, ArticleInput, ContentFile } from '@/lib/content/model';
import type { Database } from '@/lib/db/connection';
import { withReadSnapshot } from '@/lib/db/transaction';
import { listAllArticles } from './articles';
import { listAllAuthors, listAllSections } from './taxonomy';

/**
 * Everything in the database as one ContentFile: sections (locale, navigation order), authors (slug),
 * articles (locale, published time with undated drafts last, id), each with its id, slug history,
 * tag names and UTC ISO timestamps, absent optional fields omitted. Read from one consistent
 * snapshot. Deterministic: the same database always gives the same value.
 */
export async function exportContent(database: Database): Promise<ContentFile> {
  const [sections, authors, articles] = await withReadSnapshot(database, (snapshot) =>
    Promise.all([listAllSections(snapshot), listAllAuthors(snapshot), listAllArticles(snapshot)]),
  );
  return {
    sections: sections.map((section) => ({
      slug: section.slug,
      locale: section.locale,
      name: section.name,
      ...(section.order === null ? {} : { order: section.order }),
    })),
    authors: authors.map((author) => ({
      slug: author.slug,
      name: author.name,
      ...(author.bio === null ? {} : { bio: author.bio }),
      ...(author.image === null ? {} : { image: author.image }),
    })),
    articles: articles.map(articleToInput),
  };
}

/**
 * A stored article in the interchange shape: id, slug history, tag names and UTC ISO timestamps,
 * absent optional fields omitted. What the export writes and what the desk edits and snapshots.
 */
export function articleToInput(article: Article): ArticleInput {
  return {
    id: article.id,
    locale: article.locale,
    slug: article.slug,
    ...(article.previousSlugs.length === 0 ? {} : { previousSlugs: article.previousSlugs }),
    status: article.status,
    title: article.title,
    ...(article.intro === null ? {} : { intro: article.intro }),
    section: article.section.slug,
    authors: article.authors.map((author) => author.slug),
    ...(article.tags.length === 0 ? {} : { tags: article.tags.map((tag) => tag.name) }),
    ...(article.publishedAt === null ? {} : { publishedAt: article.publishedAt }),
    updatedAt: article.updatedAt,
    ...(article.leadImage === null ? {} : { leadImage: article.leadImage }),
    body: article.body,
  };
}
