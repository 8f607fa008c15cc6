import { useSyncExternalStore } from 'react';

let message = '';
let counter = 0;
let clearTimer: number | undefined;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((fn) => fn());

/**
 * Says something once through the page's single polite live region (new notification, saved
 * settings). Screen readers read it without moving focus.
 */
export function announce(text: string): void {
  // A zero-width suffix makes the same text count as a change, so it is read again.
  counter += 1;
  message = counter % 2 ? text : `${text}\u200b`;
  notify();
  window.clearTimeout(clearTimer);
  // Cleared later so the text is not found again when browsing the page.
  clearTimer = window.setTimeout(() => {
    message = '';
    notify();
  }, 7_000);
}

/** Rendered once in the layout. */
export function LiveAnnouncer() {
  const current = useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => message,
    () => '',
  );
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {current}
    </div>
  );
}
