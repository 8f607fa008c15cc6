import { useCallback, useEffect, useRef, useState } from 'react';
import type * as HeaderOverlays from './HeaderOverlays';

/** How the overlay opened by a stand-in trigger takes focus (react-aria's focus strategies). */
export type OpenIntent = 'first' | 'last' | true;
export type OverlaySlot = 'user' | 'mobile' | 'bell';

type Overlays = typeof HeaderOverlays;
let loading: Promise<Overlays> | null = null;
const loadOverlays = () => (loading ??= import('./HeaderOverlays'));

const whenIdle = (fn: () => void): (() => void) => {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(fn, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 200);
  return () => clearTimeout(id);
};

/**
 * The header's overlays load after the first paint; until then stand-in buttons take the first
 * press and open the real overlay once it is there (`opened` says which, and how focus goes).
 * Focus on a stand-in moves to the real trigger that replaces it.
 */
export function useHeaderOverlays() {
  const [overlays, setOverlays] = useState<Overlays | null>(null);
  const [opened, setOpened] = useState<{ slot: OverlaySlot; intent: OpenIntent } | null>(null);
  const focusedSlot = useRef<OverlaySlot | null>(null);

  const arrive = useCallback((mod: Overlays) => {
    const active = document.activeElement;
    const slot = active instanceof HTMLElement ? active.dataset.overlaySlot : undefined;
    focusedSlot.current = (slot as OverlaySlot | undefined) ?? null;
    setOverlays(mod);
  }, []);

  useEffect(() => whenIdle(() => void loadOverlays().then(arrive)), [arrive]);

  // The stand-in had focus: give it to the real trigger in the same place.
  useEffect(() => {
    const slot = focusedSlot.current;
    if (!overlays || !slot) return;
    focusedSlot.current = null;
    document.querySelector<HTMLElement>(`[data-overlay-host="${slot}"] button`)?.focus();
  }, [overlays]);

  const open = useCallback(
    (slot: OverlaySlot, intent: OpenIntent) => {
      setOpened({ slot, intent });
      void loadOverlays().then(arrive);
    },
    [arrive],
  );

  /** After an overlay closes, focus goes back to its trigger if it was left nowhere. */
  const closed = useCallback((slot: OverlaySlot) => {
    setOpened((o) => (o?.slot === slot ? null : o));
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      document.querySelector<HTMLElement>(`[data-overlay-host="${slot}"] button`)?.focus();
    });
  }, []);

  return { overlays, opened, open, closed };
}
