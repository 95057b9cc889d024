'use client';
// In the browser because copying to the clipboard is a browser API. Without JavaScript (or
// without clipboard access) the text stays selectable in its read-only field.
import { useId, useState } from 'react';
import layoutStyles from '@/components/layout/layout.module.css';
import styles from './media.module.css';

export function CopyText({ value, label, copyLabel, copiedLabel }: { value: string; label: string; copyLabel: string; copiedLabel: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className={styles.copy}>
      <label htmlFor={id} className={layoutStyles.visuallyHidden}>
        {label}
      </label>
      <input id={id} type="text" readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
      <button
        type="button"
        onClick={() => void copy()}
      >
        {copyLabel}
      </button>
      <span role="status" className={styles.status}>
        {copied ? copiedLabel : ''}
      </span>
    </div>
  );
}
