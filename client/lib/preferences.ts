import type { Settings } from '@shared/people/schemas';
import i18n from './i18n';

/**
 * Applies a person's settings to the document: language (also `<html lang>`), root font size
 * (every size is in rem, so the whole UI scales), contrast theme and reduced motion.
 */
export function applySettings(settings: Settings): void {
  const root = document.documentElement;
  root.style.fontSize = settings.textSize === 100 ? '' : `${settings.textSize}%`;
  if (settings.contrast === 'high') root.dataset.contrast = 'high';
  else delete root.dataset.contrast;
  root.dataset.reducedMotion = settings.reducedMotion ? 'true' : 'false';
  if (i18n.resolvedLanguage !== settings.language) void i18n.changeLanguage(settings.language);
  root.lang = settings.language;
}

/** Back to the defaults of a signed-out visitor (keeps the chosen language). */
export function resetAppliedSettings(): void {
  const root = document.documentElement;
  root.style.fontSize = '';
  delete root.dataset.contrast;
  delete root.dataset.reducedMotion;
}
