import { Types } from 'mongoose';
import { badRequest } from './errors';

/** Cursor over a descending `_id` order (time order for ObjectIds): opaque base64url of the last id. */
export function encodeCursor(id: Types.ObjectId | string): string {
  return Buffer.from(String(id), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Types.ObjectId | null {
  if (!cursor) return null;
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!Types.ObjectId.isValid(raw) || raw.length !== 24) throw badRequest('Invalid cursor');
  return new Types.ObjectId(raw);
}

/** Given `limit + 1` fetched rows, returns the page and the cursor for the next one. */
export function pageOf<T extends { _id: Types.ObjectId }>(rows: T[], limit: number) {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { page, nextCursor: hasMore && last ? encodeCursor(last._id) : null };
}
