import { getTranslations } from 'next-intl/server';
import type { SectionWithCount } from '@/lib/desk/admin/sections';
import { SECTION_NAME_MAX } from '@/lib/desk/admin/sections';
import { locales, type Locale } from '@/lib/i18n/locales';
import type { AdminFormAction } from './admin-form-state';
import { AdminForm } from './AdminForm.client';
import { DeskTable } from '../DeskTable';
import styles from './admin.module.css';

export interface SectionsAdminActions {
  add: AdminFormAction;
  rename: AdminFormAction;
  move: AdminFormAction;
  remove: AdminFormAction;
}

/** Sections per locale in navigation order, each with rename, move and remove, and the add form. */
export async function SectionsAdmin({
  locale,
  pagePath,
  sections,
  actions,
}: {
  locale: Locale;
  /** The page's own path, where its forms post before JavaScript has loaded. */
  pagePath: string;
  sections: Record<Locale, SectionWithCount[]>;
  actions: SectionsAdminActions;
}) {
  const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
  const shared = await getTranslations({ locale, namespace: 'DeskAdmin' });
  const summaryTitle = shared('summaryTitle');
  return (
    <section className={styles.page} aria-labelledby="desk-sections-title">
      <h1 id="desk-sections-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {locales.map((sectionLocale) => {
        const list = sections[sectionLocale];
        return (
          <section key={sectionLocale} aria-labelledby={`sections-${sectionLocale}`}>
            <h2 id={`sections-${sectionLocale}`}>{t('localeHeading', { locale: sectionLocale })}</h2>
            {list.length === 0 ? (
              <p>{t('empty')}</p>
            ) : (
              <DeskTable columns={[t('columns.name'), t('columns.slug'), t('columns.articles'), t('columns.actions')]}>
                {list.map((section, index) => {
                  const key = `section-${sectionLocale}-${section.slug}`;
                  const hidden = [
                    { name: 'locale', label: '', type: 'hidden' as const, value: sectionLocale },
                    { name: 'slug', label: '', type: 'hidden' as const, value: section.slug },
                  ];
                  return (
                    <tr key={key}>
                      <th scope="row">{section.name}</th>
                      <td>
                        <code>{section.slug}</code>
                      </td>
                      <td>{t('articles', { count: section.articles })}</td>
                      <td>
                        <div className={styles.actions}>
                          <AdminForm
                            id={`${key}-rename`}
                            pagePath={pagePath}
                            action={actions.rename}
                            inline
                            summaryTitle={summaryTitle}
                            submitLabel={t('rename')}
                            fields={[
                              ...hidden,
                              { name: 'name', label: t('renameLabel', { name: section.name }), type: 'text', value: section.name, required: true, maxLength: SECTION_NAME_MAX, hideLabel: true },
                            ]}
                          />
                          {index > 0 ? (
                            <AdminForm
                              id={`${key}-up`}
                              pagePath={pagePath}
                              action={actions.move}
                              inline
                              summaryTitle={summaryTitle}
                              submitLabel={t('moveUp', { name: section.name })}
                              fields={[...hidden, { name: 'direction', label: '', type: 'hidden', value: 'up' }]}
                            />
                          ) : null}
                          {index < list.length - 1 ? (
                            <AdminForm
                              id={`${key}-down`}
                              pagePath={pagePath}
                              action={actions.move}
                              inline
                              summaryTitle={summaryTitle}
                              submitLabel={t('moveDown', { name: section.name })}
                              fields={[...hidden, { name: 'direction', label: '', type: 'hidden', value: 'down' }]}
                            />
                          ) : null}
                          <AdminForm
                            id={`${key}-remove`}
                            pagePath={pagePath}
                            action={actions.remove}
                            inline
                            danger
                            summaryTitle={summaryTitle}
                            submitLabel={t('remove', { name: section.name })}
                            fields={hidden}
                          />
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </DeskTable>
            )}
          </section>
        );
      })}
      <h2 id="section-add-title">{t('addHeading')}</h2>
      <AdminForm
        id="section-add"
        pagePath={pagePath}
        action={actions.add}
        summaryTitle={summaryTitle}
        submitLabel={t('add')}
        fields={[
          {
            name: 'locale',
            label: t('fields.locale'),
            type: 'select',
            value: locale,
            options: locales.map((option) => ({ value: option, label: t('localeHeading', { locale: option }) })),
          },
          { name: 'name', label: t('fields.name'), type: 'text', required: true, maxLength: SECTION_NAME_MAX },
          { name: 'slug', label: t('fields.slug'), type: 'text', hint: t('slugHint'), maxLength: 120 },
        ]}
      />
    </section>
  );
}
