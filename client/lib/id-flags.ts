import { useSyncExternalStore } from 'react';

/**
 * A set of ids that components watch (e.g. rooms or pages this tab lost access to): `useHas(id)`
 * re-renders when the set changes.
 */
export function createIdFlags() {
  const ids = new Set<string>();
  const listeners = new Set<() => void>();
  let version = 0;
  const notify = () => {
    version += 1;
    listeners.forEach((fn) => fn());
  };
  const subscribe = (fn: () => void) => {
    listeners.add(fn);
    return () => listeners.delete(fn);
  };
  return {
    has: (id: string) => ids.has(id),
    add(id: string) {
      ids.add(id);
      notify();
    },
    delete(id: string) {
      if (ids.delete(id)) notify();
    },
    useHas(id: string | undefined): boolean {
      useSyncExternalStore(subscribe, () => version);
      return !!id && ids.has(id);
    },
  };
}
