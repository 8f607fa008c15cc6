import { useEffect, useRef, useState } from 'react';

function focusFirst(ids: string[]): boolean {
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el && !el.hasAttribute('disabled') && el.getAttribute('aria-disabled') !== 'true') {
      // Entering a grid list, react-aria moves focus to its remembered row; focusing the row
      // first makes it the remembered one, so the control inside keeps the focus.
      const row = el.closest<HTMLElement>('[role="row"]');
      if (row && !row.contains(document.activeElement)) row.focus();
      el.focus();
      return true;
    }
  }
  return false;
}

/**
 * Asks for focus on the first enabled control of the given ids once React has rendered (a new
 * grid list row or a lazily loaded panel may appear later: up to about two seconds of frames).
 */
export function useFocusRequest() {
  const pending = useRef<string[] | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ids = pending.current;
    if (!ids) return;
    pending.current = null;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      if (focusFirst(ids) || (tries += 1) > 120) return;
      frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [tick]);
  return (ids: string[]) => {
    pending.current = ids;
    setTick((n) => n + 1);
  };
}
