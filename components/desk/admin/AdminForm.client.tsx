'use client';
// In the browser so a Server Action's answer appears in place: errors next to their fields with an
// error summary that takes focus, and every typed value kept. Without JavaScript the form still
// posts to the same action and the page re-renders with the same answer.
import { useActionState, useEffect, useRef } from 'react';
import { formPermalink } from '../form-permalink';
import { MediaUpload, type MediaUploadLabels } from '../media/MediaUpload.client';
import { initialAdminFormState, type AdminFormAction } from './admin-form-state';
import layoutStyles from '@/components/layout/layout.module.css';
import styles from './admin.module.css';

export interface AdminField {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password' | 'textarea' | 'select' | 'hidden';
  /** The value the form starts with (and returns to after a successful add). */
  value?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  /** Hide the label visually (it is still the field's accessible name), for one-field row forms. */
  hideLabel?: boolean;
  /** For a media src field: an upload control under it that fills the field with the new src. */
  upload?: { labels: MediaUploadLabels; maxBytes: number };
}

export function AdminForm({
  id,
  pagePath,
  action,
  fields,
  submitLabel,
  summaryTitle,
  inline = false,
  danger = false,
}: {
  /** Unique on the page: the form's id, and the prefix of every field id. */
  id: string;
  /** The admin page's path: where the form posts before JavaScript has loaded. */
  pagePath: string;
  action: AdminFormAction;
  fields: readonly AdminField[];
  submitLabel: string;
  summaryTitle: string;
  /** A compact row form (rename, role, remove) rather than a stacked one. */
  inline?: boolean;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, initialAdminFormState, formPermalink(pagePath, id));
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') summary.current?.focus();
  }, [state]);

  const fieldId = (name: string) => `${id}-${name}`;
  const errorEntries = Object.entries(state.errors);
  const valueOf = (field: AdminField) => (state.status === 'idle' ? field.value : (state.values[field.name] ?? field.value)) ?? '';

  return (
    <form id={id} action={formAction} className={inline ? styles.inlineForm : styles.form} noValidate>
      {state.status === 'error' ? (
        <div ref={summary} tabIndex={-1} role="alert" className={styles.summary} aria-labelledby={`${id}-summary`}>
          <p id={`${id}-summary`} className={styles.summaryTitle}>
            {summaryTitle}
          </p>
          <ul>
            {state.message === null ? null : <li>{state.message}</li>}
            {errorEntries.map(([name, message]) => (
              <li key={name}>
                <a href={`#${fieldId(name)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {fields.map((field) => {
        const inputId = fieldId(field.name);
        if (field.type === 'hidden') return <input key={field.name} type="hidden" name={field.name} value={field.value ?? ''} />;
        const error = state.errors[field.name];
        const describedBy = [field.hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(' ') || undefined;
        const common = {
          id: inputId,
          name: field.name,
          defaultValue: valueOf(field),
          'aria-describedby': describedBy,
          'aria-invalid': error ? true : undefined,
          required: field.required,
        };
        return (
          <div key={field.name} className={styles.field}>
            <label htmlFor={inputId} className={field.hideLabel ? layoutStyles.visuallyHidden : undefined}>
              {field.label}
            </label>
            {field.hint ? (
              <p id={`${inputId}-hint`} className={styles.hint}>
                {field.hint}
              </p>
            ) : null}
            {error ? (
              <p id={`${inputId}-error`} className={styles.fieldError}>
                {error}
              </p>
            ) : null}
            {field.type === 'textarea' ? (
              <textarea key={`${field.name}-${state.status}`} {...common} maxLength={field.maxLength} rows={4} />
            ) : field.type === 'select' ? (
              <select key={`${field.name}-${valueOf(field)}`} {...common}>
                {(field.options ?? []).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input key={`${field.name}-${state.status}`} {...common} type={field.type} maxLength={field.maxLength} autoComplete={field.autoComplete} />
            )}
            {field.upload ? (
              <MediaUpload
                labels={field.upload.labels}
                maxBytes={field.upload.maxBytes}
                onUploaded={(src) => {
                  const target = document.getElementById(inputId);
                  if (target instanceof HTMLInputElement) target.value = src;
                }}
              />
            ) : null}
          </div>
        );
      })}
      <button type="submit" disabled={pending} className={danger ? styles.danger : undefined}>
        {submitLabel}
      </button>
      {state.status === 'success' && state.message !== null ? (
        <p role="status" className={styles.success}>
          {state.message}
          {state.secret === null ? null : (
            <>
              {' '}
              <code className={styles.secret}>{state.secret}</code>
            </>
          )}
        </p>
      ) : null}
    </form>
  );
}
