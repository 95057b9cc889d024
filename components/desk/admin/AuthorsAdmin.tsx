import { getTranslations } from 'next-intl/server';
import { AUTHOR_BIO_MAX, AUTHOR_NAME_MAX, type AuthorWithCount } from '@/lib/desk/admin/authors';
import type { Locale } from '@/lib/i18n/locales';
import { getMediaUploadProps } from '../media/media-labels';
import type { AdminFormAction } from './admin-form-state';
import { AdminForm, type AdminField } from './AdminForm.client';
import { DeskTable } from '../DeskTable';
import styles from './admin.module.css';

export interface AuthorsAdminActions {
  add: AdminFormAction;
  update: AdminFormAction;
  remove: AdminFormAction;
}

/** Every author, each with an edit form (name, bio, image) and removal; then the add form. */
export async function AuthorsAdmin({
  locale,
  pagePath,
  authors,
  actions,
}: {
  locale: Locale;
  /** The page's own path, where its forms post before JavaScript has loaded. */
  pagePath: string;
  authors: AuthorWithCount[];
  actions: AuthorsAdminActions;
}) {
  const t = await getTranslations({ locale, namespace: 'DeskAdminAuthors' });
  const shared = await getTranslations({ locale, namespace: 'DeskAdmin' });
  const summaryTitle = shared('summaryTitle');
  const upload = await getMediaUploadProps(locale);
  const editable = (values: { name: string; bio: string; image: string }): AdminField[] => [
    { name: 'name', label: t('fields.name'), type: 'text', value: values.name, required: true, maxLength: AUTHOR_NAME_MAX },
    { name: 'bio', label: t('fields.bio'), type: 'textarea', value: values.bio, maxLength: AUTHOR_BIO_MAX },
    { name: 'image', label: t('fields.image'), type: 'text', value: values.image, hint: t('imageHint'), maxLength: 2048, upload },
  ];
  return (
    <section className={styles.page} aria-labelledby="desk-authors-title">
      <h1 id="desk-authors-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {authors.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <DeskTable columns={[t('columns.name'), t('columns.slug'), t('columns.articles'), t('columns.actions')]}>
          {authors.map((author) => {
            const hidden: AdminField = { name: 'slug', label: '', type: 'hidden', value: author.slug };
            return (
              <tr key={author.slug}>
                <th scope="row">{author.name}</th>
                <td>
                  <code>{author.slug}</code>
                </td>
                <td>{t('articles', { count: author.articles })}</td>
                <td>
                  <div className={styles.actions}>
                    <details>
                      <summary>{t('edit', { name: author.name })}</summary>
                      <AdminForm
                        id={`author-${author.slug}-edit`}
                        pagePath={pagePath}
                        action={actions.update}
                        summaryTitle={summaryTitle}
                        submitLabel={t('save')}
                        fields={[hidden, ...editable({ name: author.name, bio: author.bio ?? '', image: author.image ?? '' })]}
                      />
                    </details>
                    <AdminForm
                      id={`author-${author.slug}-remove`}
                      pagePath={pagePath}
                      action={actions.remove}
                      inline
                      danger
                      summaryTitle={summaryTitle}
                      submitLabel={t('remove', { name: author.name })}
                      fields={[hidden]}
                    />
                  </div>
                </td>
              </tr>
            );
          })}
        </DeskTable>
      )}
      <h2>{t('addHeading')}</h2>
      <AdminForm
        id="author-add"
        pagePath={pagePath}
        action={actions.add}
        summaryTitle={summaryTitle}
        submitLabel={t('add')}
        fields={[
          ...editable({ name: '', bio: '', image: '' }).slice(0, 1),
          { name: 'slug', label: t('fields.slug'), type: 'text', hint: t('slugHint'), maxLength: 120 },
          ...editable({ name: '', bio: '', image: '' }).slice(1),
        ]}
      />
    </section>
  );
}
