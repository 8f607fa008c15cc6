import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api';
import { fileErrorKey } from './errors';

const err = (status: number, code: ConstructorParameters<typeof ApiError>[1], detail?: string) =>
  new ApiError(status, code, 'x', detail ? [{ path: 'p', code: detail, message: '' }] : []);

describe('fileErrorKey', () => {
  it('explains the files-specific answers', () => {
    expect(fileErrorKey(err(409, 'conflict'))).toBe('errors.nameTaken');
    expect(fileErrorKey(err(409, 'conflict', 'folder_not_empty'))).toBe('errors.notEmpty');
    expect(fileErrorKey(err(400, 'move_into_own_subtree'))).toBe('errors.intoItself');
    expect(fileErrorKey(err(413, 'payload_too_large'))).toBe('errors.tooLarge');
    expect(fileErrorKey(err(400, 'validation_failed', 'file_type'))).toBe('errors.fileType');
    expect(fileErrorKey(err(400, 'validation_failed', 'file_type'), { version: true })).toBe(
      'errors.typeMismatch',
    );
    expect(fileErrorKey(err(404, 'not_found'))).toBe('errors.gone');
  });

  it('leaves everything else to the generic message', () => {
    expect(fileErrorKey(err(409, 'room_archived'))).toBeNull();
    expect(fileErrorKey(err(403, 'forbidden'))).toBeNull();
    expect(fileErrorKey(new TypeError('Failed to fetch'))).toBeNull();
  });
});
