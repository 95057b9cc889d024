/**
 * Whether the article form on this page holds changes that are not saved yet. The form and the
 * publication panel are separate forms (each posts to its own Server Action), and publishing acts
 * on the saved text, so the panel asks this before it publishes: typed text must never be left
 * behind by a press on "Publish". Browser-only state, shared by the client components of one page.
 */
import { useSyncExternalStore } from 'react';

let unsaved = false;
const listeners = new Set<() => void>();

export function setUnsavedChanges(value: boolean): void {
  if (unsaved === value) return;
  unsaved = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while the article form has edits that are not saved (false on the server and before hydration). */
export function useUnsavedChanges(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => unsaved,
    () => false,
  );
}
