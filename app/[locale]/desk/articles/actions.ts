'use server';
/**
 * The article desk's Server Actions: save (create or edit), publication changes, share links
 * (make, revoke) and restoring a revision. Each one checks the origin explicitly (on top of Next's own check),
 * then the session and the `articles.edit` permission again: a Server Action is a public endpoint,
 * whatever page rendered its form. Every input is validated here, on the server; the forms'
 * bound arguments (id, revision) are only ever used after those checks.
 *
 * After every successful write the outcome's cache tags are revalidated on every instance
 * (revalidateEverywhere), so readers see a publication or an unpublication at once.
 */
import { getTranslations } from 'next-intl/server';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ArticleFormState, PublicationState, RestoreState, SharePreviewState, ShownProblem } from '@/components/desk/editor-state';
import { ArticleIdSchema, ArticleInputSchema, type ArticleStatus } from '@/lib/content/model';
import { formatPath, type Problem } from '@/lib/content/validate';
import { recordAuditEvent } from '@/lib/auth/audit';
import { articleEditPath, deskPath } from '@/lib/auth/desk-paths';
import type { ValidSession } from '@/lib/auth/sessions';
import { countShareLinksRevokedAt, revokeArticleShareLinks, revokeShareLink } from '@/lib/data/share-links';
import { cardTime } from '@/lib/dates/format';
import { DatabaseBusyError, getDatabase, SQLITE_WRITE_WAIT_MS } from '@/lib/db/connection';
import { ARTICLE_FORM_FIELDS, buildArticleInput, placeProblems, readArticleForm, type ArticleFormValues, type FieldProblem } from '@/lib/desk/article-form';
import { getDeskArticle } from '@/lib/desk/articles/desk-article';
import { changePublication, type PublicationAction } from '@/lib/desk/articles/publication';
import { restoreRevision } from '@/lib/desk/articles/restore';
import { saveArticle } from '@/lib/desk/articles/save';
import { suggestSlug } from '@/lib/desk/articles/slug-suggestion';
import type { DeskUser } from '@/lib/desk/articles/write-path';
import { parseLocalDateTime } from '@/lib/desk/datetime-local';
import { actionLocale, deskUserOf, guardDeskAction, type DeskActionGuard } from '@/lib/desk/guard';
import { problemMessageKey } from '@/lib/desk/problem-messages';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { createShareLink } from '@/lib/preview/links';
import { revalidateEverywhere } from '@/lib/publishing/revalidate';
import { siteConfig } from '@/lib/site/config';

/** Origin, session and the `articles.edit` permission, in that order, and who is writing. */
async function gate(): Promise<{ ok: true; session: ValidSession; user: DeskUser } | Extract<DeskActionGuard, { ok: false }>> {
  const guard = await guardDeskAction('articles.edit');
  return guard.ok ? { ...guard, user: deskUserOf(guard.session) } : guard;
}

/**
 * The problems in the editor's language, in the order of the form's fields (article-wide ones
 * first). `values` lets an empty required choice say "choose one" rather than "not a slug".
 */
async function localizeProblems(locale: Locale, problems: readonly FieldProblem[], values?: ArticleFormValues): Promise<ShownProblem[]> {
  const t = await getTranslations({ locale, namespace: 'DeskArticleForm' });
  const order = (problem: FieldProblem) => (problem.field === null ? -1 : ARTICLE_FORM_FIELDS.indexOf(problem.field));
  const sorted = [...problems].sort((a, b) => order(a) - order(b));
  return sorted.map((problem) => {
    const key = problemMessageKey(problem, values);
    const message = key === null ? problem.message : t(`problem.${key}`);
    return { field: problem.field, message, ...(problem.line !== undefined ? { line: problem.line } : {}) };
  });
}

/** The model's own schema, for the fields the data layer never gets to see because the body text did not parse. */
function schemaProblems(article: Record<string, unknown>, bodySyntaxFailed: boolean): Problem[] {
  const result = ArticleInputSchema.safeParse(article);
  if (result.success) return [];
  return result.error.issues
    .map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
    .filter((problem) => !(bodySyntaxFailed && problem.path === 'body'));
}

/**
 * Creates (`target` null) or saves an article from the editing form. On any problem the form
 * gets back every submitted value plus the problems, placed on their fields; on success the
 * editor lands on the article's page (a new revision number for the next save).
 */
export async function saveArticleAction(
  rawLocale: string,
  target: { id: string; baseRevision: number } | null,
  previous: ArticleFormState,
  form: FormData,
): Promise<ArticleFormState> {
  const locale = actionLocale(rawLocale);
  const t = await getTranslations({ locale, namespace: 'DeskArticleForm' });
  const values = readArticleForm(form);
  const fail = (problems: ShownProblem[], formError: string | null = null): ArticleFormState => ({
    values,
    problems,
    formError,
    attempt: previous.attempt + 1,
  });

  const access = await gate();
  if (!access.ok) return fail([], t(access.reason));
  // Bound arguments travel through the browser: check their shape like any other input.
  if (target !== null && (!ArticleIdSchema.safeParse(target.id).success || !Number.isSafeInteger(target.baseRevision) || target.baseRevision < 0)) {
    return fail([], t('refused'));
  }
  const database = await getDatabase();

  let status: ArticleStatus = 'draft';
  let storedPublishedAt: string | undefined;
  if (target !== null) {
    const existing = await getDeskArticle(database, target.id);
    if (existing === null) return fail([], t('missing'));
    status = existing.input.status;
    storedPublishedAt = existing.input.publishedAt;
    // The language is fixed once an article exists.
    values.locale = existing.input.locale;
  }
  if (status !== 'published') values.substantive = false;

  const suggestedSlug =
    values.slug.trim() === '' && values.title.trim() !== '' && isLocale(values.locale)
      ? await suggestSlug(database, values.locale, values.title, target?.id)
      : undefined;
  const built = buildArticleInput(values, {
    status,
    timeZone: siteConfig.timeZone,
    ...(suggestedSlug ? { suggestedSlug } : {}),
    ...(storedPublishedAt ? { storedPublishedAt } : {}),
  });

  if (built.problems.length > 0) {
    // Nothing can be saved; still report every other field's problems in the same round.
    const bodySyntaxFailed = built.problems.some((problem) => problem.code === 'bodySyntax');
    const others = placeProblems(schemaProblems(built.article, bodySyntaxFailed), built.bodyLines, values).filter(
      (problem) => !built.problems.some((own) => own.field === problem.field && own.field === 'publishedAt'),
    );
    return fail(await localizeProblems(locale, [...built.problems, ...others], values));
  }

  const outcome = await unlessBusy(() =>
    saveArticle(database, {
      ...(target !== null ? { id: target.id, baseRevision: target.baseRevision } : {}),
      article: built.article,
      substantive: values.substantive,
      user: access.user,
      now: new Date(),
    }),
  );
  if (outcome === 'busy') return fail([], t('busy', BUSY_WAIT));
  if (!outcome.ok) {
    const problems = await localizeProblems(locale, placeProblems(outcome.problems, built.bodyLines, values), values);
    return fail(outcome.conflict ? problems.filter((problem) => problem.field !== null) : problems, outcome.conflict ? t('conflict') : null);
  }
  await revalidateEverywhere(outcome.tags);
  redirect(`${articleEditPath(locale, outcome.id)}?notice=${target === null ? 'created' : 'saved'}`);
}

/** How long a desk write waits behind an import, for the message that says it gave up. */
const BUSY_WAIT = { seconds: Math.round(SQLITE_WRITE_WAIT_MS / 1000) };

/**
 * A desk write that could not get the SQLite file's write lock within its wait (a large import
 * holds it: lib/db/transaction.ts) answers 'busy', so the form says so and keeps what the editor
 * typed, instead of an error page that loses it. Nothing was written.
 */
async function unlessBusy<T>(write: () => Promise<T>): Promise<T | 'busy'> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DatabaseBusyError) return 'busy';
    throw error;
  }
}

const INTENTS = ['publish', 'schedule', 'unpublish'] as const;
type Intent = (typeof INTENTS)[number];
const isIntent = (value: unknown): value is Intent => typeof value === 'string' && (INTENTS as readonly string[]).includes(value);

/** Publish now, schedule for a time in the site zone, or unpublish (back to draft). */
export async function changePublicationAction(rawLocale: string, id: string, previous: PublicationState, form: FormData): Promise<PublicationState> {
  const locale = actionLocale(rawLocale);
  const t = await getTranslations({ locale, namespace: 'DeskPublication' });
  const formT = await getTranslations({ locale, namespace: 'DeskArticleForm' });
  const scheduleAtValue = typeof form.get('scheduleAt') === 'string' ? String(form.get('scheduleAt')).slice(0, 40) : '';
  const fail = (error: string): PublicationState => ({ error, scheduleAt: scheduleAtValue, attempt: previous.attempt + 1 });

  const access = await gate();
  if (!access.ok) return fail(access.reason === 'refused' ? t('refused') : formT(access.reason));
  const intent = form.get('intent');
  if (!isIntent(intent) || !ArticleIdSchema.safeParse(id).success) return fail(t('refused'));

  let action: PublicationAction;
  if (intent === 'schedule') {
    const parsed = parseLocalDateTime(scheduleAtValue, siteConfig.timeZone);
    if (!parsed.ok) return fail(formT(parsed.reason === 'format' ? 'problem.publishedAtFormat' : 'problem.publishedAtNonexistent'));
    action = { kind: 'schedule', at: new Date(parsed.iso) };
  } else {
    action = { kind: intent };
  }

  const database = await getDatabase();
  const now = new Date();
  const outcome = await unlessBusy(() => changePublication(database, { id, action, user: access.user, now }));
  if (outcome === 'busy') return fail(formT('busy', BUSY_WAIT));
  if (!outcome.ok) {
    const problems = await localizeProblems(locale, placeProblems(outcome.problems, []));
    return fail(problems.map((problem) => problem.message).join(' '));
  }
  // A take-down revoked the article's share links in its transaction; the trail says how many.
  const revoked = await countShareLinksRevokedAt(database, { articleId: id, reason: 'taken-down', at: now });
  if (revoked > 0) {
    await recordAuditEvent(database, { type: 'share-link.revoked', actor: access.session.user, articleId: id, details: { reason: 'taken-down', count: revoked } });
  }
  await revalidateEverywhere(outcome.tags);
  const notice = intent === 'publish' ? 'published' : intent === 'schedule' ? 'scheduled' : 'unpublished';
  redirect(`${articleEditPath(locale, outcome.id)}?notice=${notice}`);
}

/**
 * A signed, recorded preview link for a colleague without an account (24 hours). The page is
 * refreshed so the list of the article's active links shows the new one at once.
 */
export async function createSharePreviewAction(rawLocale: string, id: string, _previous: SharePreviewState, _form: FormData): Promise<SharePreviewState> {
  const locale = actionLocale(rawLocale);
  const t = await getTranslations({ locale, namespace: 'DeskSharePreview' });
  const formT = await getTranslations({ locale, namespace: 'DeskArticleForm' });
  const failed = (error: string): SharePreviewState => ({ url: null, expires: null, expiresIso: null, error });

  const access = await gate();
  if (!access.ok) return failed(access.reason === 'refused' ? t('refused') : formT(access.reason));
  if (!ArticleIdSchema.safeParse(id).success) return failed(t('refused'));
  let state: SharePreviewState;
  try {
    const now = new Date();
    const link = await createShareLink(id, { now, createdBy: access.user });
    await recordAuditEvent(await getDatabase(), {
      type: 'share-link.made',
      actor: access.session.user,
      articleId: id,
      details: { via: 'desk', expiresAt: link.expiresAt },
    });
    state = { url: link.url, expires: cardTime(link.expiresAt, now, locale, siteConfig.timeZone), expiresIso: link.expiresAt, error: null };
  } catch (error) {
    console.error(`Share preview for article ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
    return failed(t('failed'));
  }
  refresh();
  return state;
}

/**
 * Revokes one of the article's share links (the form's `link`: the id the list shows), or all of
 * them (`scope` "all"). Answers by redirecting to the editor with a notice, so it works as a plain
 * form without JavaScript. The link stops opening at once, on every instance: each open reads its
 * record.
 */
export async function revokeShareLinksAction(rawLocale: string, id: string, form: FormData): Promise<void> {
  const locale = actionLocale(rawLocale);
  if (!ArticleIdSchema.safeParse(id).success) redirect(deskPath(locale));
  const access = await gate();
  // Signed out: the editor page sends the browser to sign in. Refused or forbidden: say so there.
  if (!access.ok) redirect(access.reason === 'signedOut' ? articleEditPath(locale, id) : `${articleEditPath(locale, id)}?notice=shareRefused`);
  const database = await getDatabase();
  const now = new Date();
  const by = { id: access.user.id, name: access.user.name };
  let revoked: number;
  if (form.get('scope') === 'all') {
    revoked = await revokeArticleShareLinks(database.db, { articleId: id, byName: by.name, reason: 'revoked', now });
  } else {
    const linkId = form.get('link');
    revoked = typeof linkId === 'string' && (await revokeShareLink(database, { articleId: id, id: linkId, by, now })) ? 1 : 0;
  }
  if (revoked > 0) {
    await recordAuditEvent(database, {
      type: 'share-link.revoked',
      actor: access.session.user,
      articleId: id,
      details: { reason: 'revoked', count: revoked },
    });
  }
  redirect(`${articleEditPath(locale, id)}?notice=${revoked === 0 ? 'linkNotRevoked' : form.get('scope') === 'all' ? 'linksRevoked' : 'linkRevoked'}`);
}

/**
 * Restores revision `number` as a new revision. Problems (the revision's slug taken by now, a
 * removed section) come back to the form as a message.
 */
export async function restoreRevisionAction(rawLocale: string, id: string, number: number, previous: RestoreState, _form: FormData): Promise<RestoreState> {
  const locale = actionLocale(rawLocale);
  const t = await getTranslations({ locale, namespace: 'DeskRevisions' });
  const formT = await getTranslations({ locale, namespace: 'DeskArticleForm' });
  const fail = (error: string): RestoreState => ({ error, attempt: previous.attempt + 1 });
  const access = await gate();
  if (!access.ok) return fail(formT(access.reason));
  if (!ArticleIdSchema.safeParse(id).success || !Number.isSafeInteger(number) || number < 1) return fail(t('notFound'));
  const database = await getDatabase();
  const outcome = await unlessBusy(() => restoreRevision(database, { id, number, user: access.user, now: new Date() }));
  if (outcome === 'busy') return fail(formT('busy', BUSY_WAIT));
  if (!outcome.ok) {
    const problems = await localizeProblems(locale, placeProblems(outcome.problems, []));
    return fail(t('restoreFailed', { reason: problems.map((problem) => problem.message).join(' ') }));
  }
  await revalidateEverywhere(outcome.tags);
  redirect(`${articleEditPath(locale, outcome.id)}?notice=restored`);
}
