/**
 * The start of the pages of one article at the desk (the editor, its revisions).
 */
import { notFound } from 'next/navigation';
import { requireEditor } from '@/lib/auth/request-session';
import type { ValidSession } from '@/lib/auth/sessions';
import { ArticleIdSchema } from '@/lib/content/model';
import { getDatabase, type Database } from '@/lib/db/connection';
import type { Locale } from '@/lib/i18n/locales';
import { getDeskArticle, type DeskArticle } from './articles/desk-article';

/**
 * For the pages of one article at the desk: the session (or sign-in, coming back to `pathOf(id)`
 * when the id is well-formed), then the article of any status. A malformed id or an unknown
 * article is a 404, after the session check (a visitor without a session is sent to sign in first).
 */
export async function requireDeskArticlePage(
  locale: Locale,
  rawId: string,
  pathOf: (locale: Locale, id: string) => string,
): Promise<{ session: ValidSession; database: Database; desk: DeskArticle }> {
  const id = ArticleIdSchema.safeParse(rawId);
  const session = await requireEditor(locale, id.success ? pathOf(locale, id.data) : undefined);
  if (!id.success) notFound();
  const database = await getDatabase();
  const desk = await getDeskArticle(database, id.data);
  if (desk === null) notFound();
  return { session, database, desk };
}
