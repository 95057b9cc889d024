/**
 * Whether the article form on this page holds changes that are not saved yet. The form and the
 * publication panel are separate forms (each posts to its own Server Action), and publishing acts
 * on the saved text, so the panel asks this before it publishes: typed text must never be left
 * behind by a press on "Publish". Browser-only state, shared by the client components of one page.
 * The same state makes leaving the page ask first ({@link useLeaveWarning}).
 */
import { useEffect, useSyncExternalStore } from 'react';

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

/**
 * A link the browser would follow away from this page: a plain left click on an http(s) link to
 * another page, in this tab. Links within the page (the error summary's `#field` links) are not.
 */
function leavingLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  const to = new URL(anchor.href, window.location.href);
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return null;
  const here = new URL(window.location.href);
  if (to.origin === here.origin && to.pathname === here.pathname && to.search === here.search) return null;
  return anchor;
}

/**
 * While there are unsaved changes, leaving the page asks first: closing the tab, reloading or typing
 * another address (the browser's own `beforeunload` question), and following a link, including
 * the desk's own client-side links (`message`, confirmed before the router sees the click).
 */
export function useLeaveWarning(message: string): void {
  const unsavedNow = useUnsavedChanges();
  useEffect(() => {
    if (!unsavedNow) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (!leavingLink(event) || window.confirm(message)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    // Capturing on window runs before React's handlers on its root, so next/link never navigates.
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
    };
  }, [unsavedNow, message]);
}
