import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { bodyToText } from '@/lib/content/body-text';
import type { ArticleInput } from '@/lib/content/model';
import type { DeskArticle } from '@/lib/desk/articles/desk-article';
import type { RevisionSummary } from '@/lib/desk/articles/revisions';
import { articleEditPath, articleRevisionsPath } from '@/lib/auth/desk-paths';
import { bylineTimes, cardTime, isoInstant } from '@/lib/dates/format';
import { readRevisionNote } from '@/lib/desk/revision-notes';
import type { Locale } from '@/lib/i18n/locales';
import { siteConfig } from '@/lib/site/config';
import type { RestoreState } from './editor-state';
import { RestoreRevisionForm } from './RestoreRevisionForm.client';
import { DeskTable } from './DeskTable';
import styles from './deskPages.module.css';

type RestoreAction = (state: RestoreState, form: FormData) => Promise<RestoreState>;

/**
 * An article's history: every revision (who, when, what, the title then), one revision's whole
 * content when `viewing` is set, and a restore form for every revision but the current one.
 */
export async function DeskRevisions({
  locale,
  desk,
  revisions,
  viewing,
  viewingMissing,
  now,
  restoreAction,
}: {
  locale: Locale;
  desk: DeskArticle;
  revisions: RevisionSummary[];
  viewing: (RevisionSummary & { input: ArticleInput }) | null;
  viewingMissing: boolean;
  now: Date;
  restoreAction: (number: number) => RestoreAction;
}) {
  const t = await getTranslations({ locale, namespace: 'DeskRevisions' });
  const statusT = await getTranslations({ locale, namespace: 'DeskStatus' });
  const latest = revisions[0]?.number ?? null;
  const base = articleRevisionsPath(locale, desk.article.id);
  const when = (iso: string) => <time dateTime={isoInstant(iso)}>{cardTime(iso, now, locale, siteConfig.timeZone)}</time>;
  const fullTime = (iso: string) => bylineTimes(iso, iso, locale, siteConfig.timeZone).published.text;

  const noteText = (revision: RevisionSummary): string => {
    const note = readRevisionNote(revision.note);
    let text: string;
    switch (note.kind) {
      case 'scheduled':
        text = t('notes.scheduled', { time: fullTime(note.at) });
        break;
      case 'restored':
        text = t('notes.restored', { number: note.number });
        break;
      case 'other':
        text = note.text;
        break;
      default:
        text = t(`notes.${note.kind}`);
    }
    return revision.substantive ? `${text} (${t('substantive')})` : text;
  };

  return (
    <section aria-labelledby="revisions-title">
      <h1 id="revisions-title">{t('title', { title: desk.article.title })}</h1>
      <p>
        <Link href={articleEditPath(locale, desk.article.id)} prefetch={false}>
          {t('back')}
        </Link>
      </p>
      {viewingMissing ? (
        <p role="alert" className={styles.notice}>
          {t('notFound')}
        </p>
      ) : null}

      {viewing ? (
        <article aria-labelledby="revision-view-title" className={styles.panel}>
          <section>
            <h2 id="revision-view-title">
              {t('viewing', { number: viewing.number })}: {viewing.title}
            </h2>
            <p>
              {t('viewingMeta', {
                time: fullTime(viewing.createdAt),
                name: viewing.userName ?? t('unknownUser'),
                status: statusT(viewing.status),
              })}
            </p>
            <dl className={styles.details}>
              <dt>{t('fields.slug')}</dt>
              <dd>{viewing.input.slug}</dd>
              <dt>{t('fields.intro')}</dt>
              <dd>{viewing.input.intro || t('none')}</dd>
              <dt>{t('fields.section')}</dt>
              <dd>{viewing.input.section}</dd>
              <dt>{t('fields.authors')}</dt>
              <dd>{viewing.input.authors.join(', ')}</dd>
              <dt>{t('fields.tags')}</dt>
              <dd>{viewing.input.tags?.join(', ') || t('none')}</dd>
              <dt>{t('fields.publishedAt')}</dt>
              <dd>{viewing.input.publishedAt ? fullTime(viewing.input.publishedAt) : t('none')}</dd>
              <dt>{t('fields.leadImage')}</dt>
              <dd>{viewing.input.leadImage ? `${viewing.input.leadImage.src} (${viewing.input.leadImage.alt})` : t('none')}</dd>
            </dl>
            <h3>{t('fields.body')}</h3>
            <pre className={styles.preview}>{bodyToText(viewing.input.body)}</pre>
            {viewing.number !== latest ? (
              <RestoreRevisionForm
                id={`restore-${viewing.number}-viewed`}
                pagePath={`${base}?number=${viewing.number}`}
                action={restoreAction(viewing.number)}
                label={t('restore', { number: viewing.number })}
                hint={t('restoreHint')}
              />
            ) : (
              <p className={styles.hint}>{t('current')}</p>
            )}
          </section>
        </article>
      ) : null}

      {revisions.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <DeskTable caption={t('caption')} columns={[t('columns.number'), t('columns.when'), t('columns.who'), t('columns.note'), t('columns.title'), t('columns.actions')]}>
          {revisions.map((revision) => (
            <tr key={revision.number} aria-current={viewing?.number === revision.number ? 'true' : undefined}>
              <th scope="row">{revision.number}</th>
              <td>{when(revision.createdAt)}</td>
              <td>{revision.userName ?? t('unknownUser')}</td>
              <td>
                {noteText(revision)}
                <span className={styles.subtle}> · {statusT(revision.status)}</span>
              </td>
              <td>{revision.title}</td>
              <td>
                <a href={`${base}?number=${revision.number}`}>{t('view', { number: revision.number })}</a>
                {revision.number === latest ? (
                  <span className={styles.subtle}> · {t('current')}</span>
                ) : (
                  <RestoreRevisionForm id={`restore-${revision.number}`} pagePath={base} action={restoreAction(revision.number)} label={t('restore', { number: revision.number })} />
                )}
              </td>
            </tr>
          ))}
        </DeskTable>
      )}
    </section>
  );
}
