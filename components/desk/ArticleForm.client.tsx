'use client';
// In the browser for three things a server-rendered form cannot do: keep every typed value and
// show the Server Action's problems in place (useActionState), suggest the slug while the title is
// typed, and put an uploaded or picked image's src into the form. Without JavaScript the form still
// posts to the same Server Action.
import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { ArticleStatus } from '@/lib/content/model';
import { slugify } from '@/lib/content/slug';
import type { ArticleFormField } from '@/lib/desk/article-form';
import { formPermalink } from './form-permalink';
import { MediaUpload, type MediaUploadLabels } from './media/MediaUpload.client';
import { setUnsavedChanges, useLeaveWarning } from './unsaved-changes';
import type { ArticleFormState, ShownProblem } from './editor-state';
import styles from './deskPages.module.css';

export interface FormSectionOption {
  locale: string;
  slug: string;
  name: string;
}

export interface FormAuthorOption {
  slug: string;
  name: string;
}

export interface FormMediaOption {
  src: string;
  label: string;
}

interface ArticleFormProps {
  action: (state: ArticleFormState, form: FormData) => Promise<ArticleFormState>;
  /** The editor page's path: where the form posts before JavaScript has loaded. */
  pagePath: string;
  initialState: ArticleFormState;
  mode: 'new' | 'edit';
  /** The stored status (edit) or 'draft' (new). */
  status: ArticleStatus;
  locales: readonly string[];
  /** Every section of every locale; the form offers those of the article's locale. */
  sections: FormSectionOption[];
  authors: FormAuthorOption[];
  media: FormMediaOption[];
  upload: { labels: MediaUploadLabels; maxBytes: number };
}

const FORM_ID = 'article-form';
const fieldId = (field: ArticleFormField) => `article-${field}`;
const errorId = (field: ArticleFormField) => `article-${field}-error`;
const hintId = (field: ArticleFormField) => `article-${field}-hint`;

/** The `aria-describedby` of a field: its hint, then its errors. */
function describedBy(field: ArticleFormField, hasHint: boolean, invalid: boolean): string | undefined {
  const ids = [hasHint ? hintId(field) : null, invalid ? errorId(field) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function ArticleForm(props: ArticleFormProps) {
  const t = useTranslations('DeskArticleForm');
  const [state, formAction, pending] = useActionState(props.action, props.initialState, formPermalink(props.pagePath, FORM_ID));
  const summary = useRef<HTMLDivElement>(null);
  const failed = state.problems.length > 0 || state.formError !== null;

  // After a failed save, move focus to the summary so keyboard and screen reader users hear what is wrong.
  useEffect(() => {
    if (state.attempt > 0 && failed) summary.current?.focus();
  }, [state.attempt, failed]);

  // The form mounts with the stored article (it is keyed by revision), so nothing is unsaved yet;
  // any edit until the next successful save is.
  useEffect(() => {
    setUnsavedChanges(false);
    return () => setUnsavedChanges(false);
  }, []);
  useLeaveWarning(t('leaveUnsaved'));

  const problemText = (problem: ShownProblem) => (problem.line !== undefined ? `${t('line', { line: problem.line })}: ${problem.message}` : problem.message);

  return (
    <form id={FORM_ID} action={formAction} noValidate className={styles.form} onChange={() => setUnsavedChanges(true)}>
      {failed ? (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby="article-summary-title" className={styles.summary}>
          <h2 id="article-summary-title">{state.formError ?? t('errorSummary', { count: state.problems.length })}</h2>
          {state.problems.length > 0 ? (
            <ul>
              {state.problems.map((problem, index) => (
                <li key={index}>
                  {problem.field ? (
                    <a href={`#${fieldId(problem.field)}`}>
                      {t(`fields.${problem.field}`)}: {problemText(problem)}
                    </a>
                  ) : (
                    problemText(problem)
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {/* Keyed by attempt: after a failed save every field starts again from exactly what was submitted. */}
      <ArticleFields key={state.attempt} {...props} state={state} problemText={problemText} />
      <div className={styles.actions}>
        <button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t('saving') : t(props.mode === 'new' ? 'create' : 'save')}
        </button>
      </div>
    </form>
  );
}

function ArticleFields({
  mode,
  status,
  locales,
  sections,
  authors,
  media,
  upload,
  state,
  problemText,
}: ArticleFormProps & { state: ArticleFormState; problemText: (problem: ShownProblem) => string }) {
  const t = useTranslations('DeskArticleForm');
  const { values } = state;
  const [title, setTitle] = useState(values.title);
  const [slug, setSlug] = useState(values.slug);
  // A new article's slug follows the title until the editor types one.
  const [slugTouched, setSlugTouched] = useState(mode === 'edit' || values.slug !== '');
  const [locale, setLocale] = useState(values.locale);
  const [imageSrc, setImageSrc] = useState(values.leadImageSrc);
  const authorsLegend = useId();

  const problemsOf = (field: ArticleFormField) => state.problems.filter((problem) => problem.field === field);
  const invalid = (field: ArticleFormField) => problemsOf(field).length > 0;
  const errors = (field: ArticleFormField) =>
    invalid(field) ? (
      <ul id={errorId(field)} className={styles.fieldError}>
        {problemsOf(field).map((problem, index) => (
          <li key={index}>{problemText(problem)}</li>
        ))}
      </ul>
    ) : null;
  const hint = (field: ArticleFormField, text: ReactNode) => (
    <span id={hintId(field)} className={styles.hint}>
      {text}
    </span>
  );
  const inputProps = (field: ArticleFormField, hasHint = false) => ({
    id: fieldId(field),
    name: field,
    'aria-invalid': invalid(field) || undefined,
    'aria-describedby': describedBy(field, hasHint, invalid(field)),
  });
  const fieldBox = (field: ArticleFormField) => ({ className: styles.field, 'data-invalid': invalid(field) || undefined });

  const localeSections = sections.filter((section) => section.locale === locale);

  return (
    <>
      <div {...fieldBox('title')}>
        <label htmlFor={fieldId('title')}>{t('fields.title')}</label>
        <input
          {...inputProps('title')}
          type="text"
          required
          maxLength={2000}
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
            if (!slugTouched) setSlug(slugify(event.target.value));
          }}
        />
        {errors('title')}
      </div>

      <div {...fieldBox('slug')}>
        <label htmlFor={fieldId('slug')}>{t('fields.slug')}</label>
        <div className={styles.row}>
          <input
            {...inputProps('slug', true)}
            type="text"
            maxLength={1000}
            autoCapitalize="off"
            spellCheck={false}
            value={slug}
            onChange={(event) => {
              setSlug(event.target.value);
              setSlugTouched(true);
            }}
          />
          {mode === 'edit' ? (
            <button type="button" className={`${styles.button} ${styles.secondary}`} onClick={() => setSlug(slugify(title))}>
              {t('suggestSlug')}
            </button>
          ) : null}
        </div>
        {hint('slug', status === 'published' ? `${t('slugHint')} ${t('slugPublishedHint')}` : t('slugHint'))}
        {errors('slug')}
      </div>

      <div {...fieldBox('intro')}>
        <label htmlFor={fieldId('intro')}>{t('fields.intro')}</label>
        <textarea {...inputProps('intro')} rows={3} maxLength={6000} defaultValue={values.intro} />
        {errors('intro')}
      </div>

      <div {...fieldBox('locale')}>
        <label htmlFor={fieldId('locale')}>{t('fields.locale')}</label>
        {mode === 'new' ? (
          <select {...inputProps('locale')} value={locale} onChange={(event) => setLocale(event.target.value)}>
            {locales.map((value) => (
              <option key={value} value={value}>
                {value.toUpperCase()}
              </option>
            ))}
          </select>
        ) : (
          <>
            <input {...inputProps('locale', true)} type="text" readOnly value={locale} />
            {hint('locale', t('localeHint'))}
          </>
        )}
        {errors('locale')}
      </div>

      <div {...fieldBox('section')}>
        <label htmlFor={fieldId('section')}>{t('fields.section')}</label>
        <select {...inputProps('section')} required defaultValue={values.section} key={locale}>
          <option value="">{t('sectionPlaceholder')}</option>
          {localeSections.map((section) => (
            <option key={section.slug} value={section.slug}>
              {section.name}
            </option>
          ))}
        </select>
        {errors('section')}
      </div>

      <fieldset className={styles.fieldset} aria-describedby={invalid('authors') ? errorId('authors') : undefined} id={fieldId('authors')} tabIndex={-1}>
        <legend id={authorsLegend}>{t('fields.authors')}</legend>
        <div className={styles.choices}>
          {authors.map((author) => (
            <div key={author.slug} className={styles.checkbox}>
              <input
                type="checkbox"
                id={`article-author-${author.slug}`}
                name="authors"
                value={author.slug}
                defaultChecked={values.authors.includes(author.slug)}
              />
              <label htmlFor={`article-author-${author.slug}`}>{author.name}</label>
            </div>
          ))}
        </div>
        {errors('authors')}
      </fieldset>

      <div {...fieldBox('tags')}>
        <label htmlFor={fieldId('tags')}>{t('fields.tags')}</label>
        <input {...inputProps('tags', true)} type="text" maxLength={5000} defaultValue={values.tags} />
        {hint('tags', t('tagsHint'))}
        {errors('tags')}
      </div>

      <fieldset className={styles.fieldset}>
        <legend>{t('leadImage')}</legend>
        <div {...fieldBox('leadImageSrc')}>
          <label htmlFor={fieldId('leadImageSrc')}>{t('fields.leadImageSrc')}</label>
          <input
            {...inputProps('leadImageSrc', true)}
            type="text"
            maxLength={4000}
            spellCheck={false}
            value={imageSrc}
            onChange={(event) => setImageSrc(event.target.value)}
          />
          {hint('leadImageSrc', t('leadImageSrcHint'))}
          {errors('leadImageSrc')}
        </div>
        {media.length > 0 ? (
          <div className={styles.field}>
            <label htmlFor="article-media-pick">{t('pickMedia')}</label>
            <select
              id="article-media-pick"
              value={media.some((item) => item.src === imageSrc) ? imageSrc : ''}
              onChange={(event) => {
                if (event.target.value !== '') setImageSrc(event.target.value);
              }}
            >
              <option value="">{t('pickNone')}</option>
              {media.map((item) => (
                <option key={item.src} value={item.src}>
                  {item.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {imageSrc.startsWith('/media/') ? (
          // A thumbnail of the desk's own upload; decorative, the alt text field below describes the image.
          // eslint-disable-next-line @next/next/no-img-element -- a small preview of a desk upload, not page content
          <img src={imageSrc} alt="" width={160} style={{ height: 'auto' }} />
        ) : null}
        <MediaUpload labels={upload.labels} maxBytes={upload.maxBytes} onUploaded={(src) => setImageSrc(src)} />
        <div {...fieldBox('leadImageAlt')}>
          <label htmlFor={fieldId('leadImageAlt')}>{t('fields.leadImageAlt')}</label>
          <input {...inputProps('leadImageAlt')} type="text" maxLength={2000} defaultValue={values.leadImageAlt} />
          {errors('leadImageAlt')}
        </div>
        <div {...fieldBox('leadImageCaption')}>
          <label htmlFor={fieldId('leadImageCaption')}>{t('fields.leadImageCaption')}</label>
          <input {...inputProps('leadImageCaption')} type="text" maxLength={4000} defaultValue={values.leadImageCaption} />
          {errors('leadImageCaption')}
        </div>
        <div {...fieldBox('leadImageCredit')}>
          <label htmlFor={fieldId('leadImageCredit')}>{t('fields.leadImageCredit')}</label>
          <input {...inputProps('leadImageCredit')} type="text" maxLength={2000} defaultValue={values.leadImageCredit} />
          {errors('leadImageCredit')}
        </div>
      </fieldset>

      <div {...fieldBox('publishedAt')}>
        <label htmlFor={fieldId('publishedAt')}>{t('fields.publishedAt')}</label>
        <input {...inputProps('publishedAt', true)} type="datetime-local" defaultValue={values.publishedAt} />
        {hint('publishedAt', t('publishedAtHint'))}
        {errors('publishedAt')}
      </div>

      <div {...fieldBox('body')} className={`${styles.field} ${styles.body}`}>
        <label htmlFor={fieldId('body')}>{t('fields.body')}</label>
        {hint('body', t('bodyHint'))}
        <textarea {...inputProps('body', true)} rows={20} required spellCheck defaultValue={values.body} />
        {errors('body')}
        <details className={styles.syntax}>
          <summary>{t('syntaxTitle')}</summary>
          <ul>
            {(['paragraph', 'heading', 'quote', 'image', 'video', 'escape'] as const).map((key) => (
              <li key={key}>
                {t(`syntax.${key}`)}
              </li>
            ))}
          </ul>
        </details>
      </div>

      {status === 'published' ? (
        <div className={styles.checkbox}>
          <input type="checkbox" id="article-substantive" name="substantive" defaultChecked={values.substantive} aria-describedby="article-substantive-hint" />
          <div>
            <label htmlFor="article-substantive">{t('substantive')}</label>
            <br />
            <span id="article-substantive-hint" className={styles.hint}>
              {t('substantiveHint')}
            </span>
          </div>
        </div>
      ) : null}
    </>
  );
}
