import { ApiError } from '../../../lib/api';

/**
 * The `roomsFiles:errors.*` text for the errors this tab can explain better than the generic
 * `errors.<code>` (null: show the generic ErrorMessage). `version`: the upload was a new version.
 */
export function fileErrorKey(error: unknown, opts: { version?: boolean } = {}): string | null {
  if (!(error instanceof ApiError)) return null;
  const detail = error.details[0]?.code;
  if (error.status === 413 || error.code === 'payload_too_large') return 'errors.tooLarge';
  if (error.code === 'move_into_own_subtree') return 'errors.intoItself';
  if (error.status === 409 && detail === 'folder_not_empty') return 'errors.notEmpty';
  if (error.status === 409 && error.code === 'conflict') return 'errors.nameTaken';
  if (error.status === 400 && detail === 'file_type')
    return opts.version ? 'errors.typeMismatch' : 'errors.fileType';
  if (error.status === 404) return 'errors.gone';
  return null;
}
