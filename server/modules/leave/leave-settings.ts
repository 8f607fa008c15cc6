import mongoose from 'mongoose';
import {
  defaultLeaveSettings,
  leaveSettingsSchema,
  type LeaveSettings,
} from '@shared/leave/schemas';
import { createKeyedCache } from '../../lib/keyed-cache';

/** The leave rules HR may change, one document in the `system` collection. */
const DOC_ID = 'leave-settings';

interface SettingsDoc extends LeaveSettings {
  _id: string;
}

const collection = () => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  return db.collection<SettingsDoc>('system');
};

const cache = createKeyedCache<LeaveSettings>({
  name: 'leave-settings',
  max: 1,
  load: async () => {
    const doc = await collection().findOne({ _id: DOC_ID });
    if (!doc) return { ...defaultLeaveSettings };
    // A stored document missing newer fields falls back to the defaults field by field.
    const parsed = leaveSettingsSchema.safeParse({ ...defaultLeaveSettings, ...stripId(doc) });
    return parsed.success ? parsed.data : { ...defaultLeaveSettings };
  },
});

function stripId(doc: SettingsDoc): LeaveSettings {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

/** The current settings (cached; other instances drop their copy after a change). */
export function leaveSettings(): Promise<LeaveSettings> {
  return cache.get(DOC_ID);
}

/** Replaces the settings (the caller has checked the permission and audits). */
export async function saveLeaveSettings(input: LeaveSettings): Promise<LeaveSettings> {
  const next = leaveSettingsSchema.parse(input);
  await collection().replaceOne({ _id: DOC_ID }, next, { upsert: true });
  cache.set(DOC_ID, next);
  return next;
}

/** Tests: forget the cached copy (each test file has its own database). */
export function clearLeaveSettingsCache(): void {
  cache.clear();
}
