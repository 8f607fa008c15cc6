import { useEffect } from 'react';
import type { Settings } from '@shared/people/schemas';
import { applySettings } from '../../lib/preferences';

/** Keeps the document in line with the signed-in person's settings (on load and on change). */
export function useApplySettings(settings: Settings): void {
  useEffect(() => {
    applySettings(settings);
  }, [settings]);
}
