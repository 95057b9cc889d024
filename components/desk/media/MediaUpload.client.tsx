'use client';
// In the browser because a file goes to the upload endpoint with fetch and the result (the new
// src, or why the file was refused) appears in place, without leaving the page: the editing form
// around it keeps everything the editor typed. It renders no <form> of its own (it may sit inside
// one) and its file input has no name, so the surrounding form never submits the file itself.
import { useId, useRef, useState } from 'react';
import type { UploadErrorCode, UploadedMedia } from '@/lib/media/upload';
import styles from './media.module.css';

export type MediaUploadErrorKey = UploadErrorCode | 'signed-out' | 'failed';

export interface MediaUploadLabels {
  /** The file input's label. */
  label: string;
  /** Accepted types and the size limit, read with the input. */
  hint: string;
  upload: string;
  uploading: string;
  /** Shown after a successful upload; `{src}` is replaced by the new path. */
  uploaded: string;
  chooseFirst: string;
  errors: Record<MediaUploadErrorKey, string>;
}

export const MEDIA_UPLOAD_ENDPOINT = '/api/desk/media';
const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

type UploadState = { kind: 'idle' } | { kind: 'uploading' } | { kind: 'done'; media: UploadedMedia } | { kind: 'error'; message: string };

function isUploadedMedia(value: unknown): value is UploadedMedia {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.src === 'string' && record.src.startsWith('/media/') && typeof record.width === 'number' && typeof record.height === 'number';
}

function errorKeyOf(status: number, body: unknown): MediaUploadErrorKey {
  if (status === 401) return 'signed-out';
  const code = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : '';
  const known: readonly MediaUploadErrorKey[] = ['too-large', 'unsupported-type', 'undecodable', 'too-many-pixels', 'no-file'];
  return (known as readonly string[]).includes(code) ? (code as MediaUploadErrorKey) : 'failed';
}

export function MediaUpload({
  labels,
  maxBytes,
  onUploaded,
}: {
  labels: MediaUploadLabels;
  /** The server's limit, to refuse an oversized file before sending it (the server checks again). */
  maxBytes: number;
  onUploaded?: (src: string, media: UploadedMedia) => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<UploadState>({ kind: 'idle' });
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  async function upload() {
    const file = input.current?.files?.[0];
    if (file === undefined) {
      setState({ kind: 'error', message: labels.chooseFirst });
      input.current?.focus();
      return;
    }
    if (file.size > maxBytes) {
      setState({ kind: 'error', message: labels.errors['too-large'] });
      return;
    }
    setState({ kind: 'uploading' });
    const body = new FormData();
    body.append('file', file, file.name);
    try {
      const response = await fetch(MEDIA_UPLOAD_ENDPOINT, { method: 'POST', body, credentials: 'same-origin' });
      const json: unknown = await response.json().catch(() => null);
      if (response.ok && isUploadedMedia(json)) {
        setState({ kind: 'done', media: json });
        if (input.current) input.current.value = '';
        onUploaded?.(json.src, json);
        return;
      }
      setState({ kind: 'error', message: labels.errors[errorKeyOf(response.status, json)] });
    } catch {
      setState({ kind: 'error', message: labels.errors.failed });
    }
  }

  const invalid = state.kind === 'error';
  return (
    <div className={styles.upload}>
      <label htmlFor={id}>{labels.label}</label>
      <p id={hintId} className={styles.hint}>
        {labels.hint}
      </p>
      <div className={styles.uploadRow}>
        <input
          ref={input}
          id={id}
          type="file"
          accept={ACCEPT}
          aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
          aria-invalid={invalid || undefined}
          onChange={() => setState({ kind: 'idle' })}
        />
        <button type="button" onClick={() => void upload()} disabled={state.kind === 'uploading'}>
          {labels.upload}
        </button>
      </div>
      {invalid ? (
        <p id={errorId} className={styles.error} role="alert">
          {state.message}
        </p>
      ) : null}
      <p role="status" className={styles.status}>
        {state.kind === 'uploading' ? labels.uploading : state.kind === 'done' ? labels.uploaded.replace('{src}', state.media.src) : ''}
      </p>
    </div>
  );
}
