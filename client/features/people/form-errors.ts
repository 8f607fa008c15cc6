import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';

/**
 * Field messages from an API validation error, in the reader's language, keyed by the top-level
 * field name (`languages.0` → `languages`), so a form can show each one at its field.
 */
export function fieldErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.details) {
    const field = issue.path.split('.')[0] || '_';
    const text = t(`validation:${issue.code}`, { defaultValue: t('validation:invalid') });
    out[field] = out[field] ? `${out[field]} ${text}` : text;
  }
  return out;
}

/** True when every issue of the error could be shown at one of the given fields. */
export function allShownAtFields(error: unknown, fields: string[]): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  return error.details.every((i) => fields.includes(i.path.split('.')[0] ?? ''));
}
