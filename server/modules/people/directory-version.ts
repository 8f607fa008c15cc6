import { type Schema } from 'mongoose';
import { bumpStamp, readStamp, STAMP } from '../../lib/stamps';

/**
 * Fields whose writes do not change what the directory shows: sign-in bookkeeping and personal
 * settings (written on every login and settings change, so they must not invalidate it).
 */
export const ignoredFields = [
  'lastLoginAt',
  'failedLogins',
  'lockedUntil',
  'settings',
  'passwordHash',
  'updatedAt',
  'createdAt',
  '__v',
];

// The stamp lives in server/lib/stamps.ts, which combines every read model's stamp check into
// one read per request.
export const bumpPeopleVersion = (): Promise<void> => bumpStamp(STAMP.people);

export const currentPeopleVersion = (): Promise<string> => readStamp(STAMP.people);

function touchesDirectory(update: unknown): boolean {
  if (!update || typeof update !== 'object') return true;
  const keys = Object.entries(update as Record<string, unknown>).flatMap(([k, v]) =>
    k.startsWith('$') && v && typeof v === 'object' ? Object.keys(v) : [k],
  );
  return keys.some((k) => !ignoredFields.includes(k.split('.')[0] ?? ''));
}

/** Installs the version bump on the Person schema: after every write that can change a row. */
export function trackDirectoryChanges(schema: Schema): void {
  schema.pre('save', function () {
    this.$locals.directoryChanged =
      this.isNew ||
      this.modifiedPaths().some((f) => !ignoredFields.includes(f.split('.')[0] ?? ''));
  });
  schema.post('save', async function () {
    if (this.$locals.directoryChanged) await bumpPeopleVersion();
  });
  schema.post('insertMany', async () => bumpPeopleVersion());
  schema.post(['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne'], async function () {
    if (touchesDirectory(this.getUpdate())) await bumpPeopleVersion();
  });
  schema.post(['deleteOne', 'deleteMany', 'findOneAndDelete'], async () => bumpPeopleVersion());
}
