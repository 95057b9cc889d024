import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { DeskArticle } from '@/lib/desk/articles/desk-article';
import type { DeskStatus } from '@/lib/desk/articles/status';
import { articleRevisionsPath } from '@/lib/auth/desk-paths';
import { bylineTimes, cardTime, isoInstant } from '@/lib/dates/format';
import type { Locale } from '@/lib/i18n/locales';
import { publicArticlePath } from '@/lib/preview/links';
import { siteConfig } from '@/lib/site/config';
import layoutStyles from '@/components/layout/layout.module.css';
import styles from './deskPages.module.css';

export const EDITOR_NOTICES = ['created', 'saved', 'published', 'scheduled', 'unpublished', 'restored', 'linkRevoked', 'linksRevoked', 'linkNotRevoked', 'shareRefused'] as const;
export type EditorNotice = (typeof EDITOR_NOTICES)[number];

export const isEditorNotice = (value: unknown): value is EditorNotice =>
  typeof value === 'string' && (EDITOR_NOTICES as readonly string[]).includes(value);

/** 'published' with a publication time still ahead is 'scheduled' to the desk: nobody sees it yet. */
export function deskStatusOf(desk: DeskArticle, now: Date): DeskStatus {
  const { status, publishedAt } = desk.article;
  if (status === 'published' && publishedAt !== null && Date.parse(publishedAt) > now.getTime()) return 'scheduled';
  return status;
}

/**
 * The editing page of an existing article: heading, state line, the outcome of the last action,
 * the form, and beside it the publication tools (preview, publish/schedule/unpublish, share link,
 * history). The interactive parts arrive as slots so their Server Actions stay in the route layer.
 */
export async function ArticleEditor({
  locale,
  desk,
  notice,
  now,
  form,
  publication,
  share,
}: {
  locale: Locale;
  desk: DeskArticle;
  notice: EditorNotice | null;
  now: Date;
  form: ReactNode;
  publication: ReactNode;
  share: ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'DeskArticleEditor' });
  const statusT = await getTranslations({ locale, namespace: 'DeskStatus' });
  const { article } = desk;
  const status = deskStatusOf(desk, now);
  const edited = cardTime(desk.editedAt, now, locale, siteConfig.timeZone);
  const publicPath = publicArticlePath(article.locale, article.slug);

  return (
    <section aria-labelledby="editor-title">
      <h1 id="editor-title">{t('editTitle')}</h1>
      <p className={styles.meta}>
        <span className={styles.status} data-status={status}>
          {t('status', { status: statusT(status) })}
        </span>{' '}
        <time dateTime={isoInstant(desk.editedAt)}>
          {desk.revision === 0
            ? t('revisionImported', { time: edited })
            : desk.editedBy
              ? t('revisionBy', { number: desk.revision, time: edited, name: desk.editedBy })
              : t('revision', { number: desk.revision, time: edited })}
        </time>
      </p>
      {notice ? (
        <p role="status" className={styles.notice}>
          {t(`notice.${notice}`)}
        </p>
      ) : null}
      <div className={styles.editor}>
        <div>{form}</div>
        <aside className={styles.panel} aria-label={t('editTitle')}>
          <section aria-labelledby="preview-title">
            <h2 id="preview-title">{t('preview')}</h2>
            <p className={styles.hint}>{t('previewHint')}</p>
            {/* A plain link to the route handler that turns on Draft Mode; never prefetched. */}
            <a href={`/api/preview?id=${encodeURIComponent(article.id)}`} target="_blank" rel="noopener">
              {t('preview')} <span className={layoutStyles.visuallyHidden}>{t('newTab')}</span>
            </a>
            {status === 'published' ? (
              <p>
                {t('publicUrl')}: <a href={publicPath}>{publicPath}</a>
              </p>
            ) : null}
          </section>
          {publication}
          {share}
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('revisions')}</h2>
            <Link href={articleRevisionsPath(locale, article.id)} prefetch={false}>
              {t('revisions')}
            </Link>
          </section>
        </aside>
      </div>
    </section>
  );
}

/** The publication panel's status sentence, formatted on the server in the site zone. */
export async function publicationStatusLine(locale: Locale, desk: DeskArticle, now: Date): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'DeskPublication' });
  const status = deskStatusOf(desk, now);
  const publishedAt = desk.article.publishedAt;
  if (status === 'draft' || publishedAt === null) return t('draftNote');
  const time = bylineTimes(publishedAt, publishedAt, locale, siteConfig.timeZone).published.text;
  return status === 'scheduled' ? t('scheduledFor', { time }) : t('publishedSince', { time });
}
