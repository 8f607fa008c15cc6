import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import type { LeaveTypeInput } from '@shared/leave/schemas';
import { createKeyedCache } from '../../lib/keyed-cache';
import { withKeyLock } from '../../lib/keyed-lock';

const leaveTypeSchema = new Schema(
  {
    key: { type: String, required: true },
    name: {
      de: { type: String, required: true },
      en: { type: String, required: true },
    },
    counts: { type: Boolean, required: true },
    color: { type: String, required: true },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);
leaveTypeSchema.index({ key: 1 }, { unique: true });

export type LeaveTypeDoc = InferSchemaType<typeof leaveTypeSchema> & { _id: Types.ObjectId };
export const LeaveTypeModel = model('LeaveType', leaveTypeSchema, 'leave_types');

/** A leave type as the services use it. */
export interface LeaveType extends LeaveTypeInput {
  id: string;
}

const toType = (d: LeaveTypeDoc): LeaveType => ({
  id: String(d._id),
  key: d.key,
  name: { de: d.name?.de ?? d.key, en: d.name?.en ?? d.key },
  counts: d.counts,
  color: d.color as LeaveType['color'],
  active: d.active !== false,
});

/** A handful of documents: all of them are held in memory (one cache entry). */
const ALL = 'all';
const cache = createKeyedCache<LeaveType[]>({
  name: 'leave-types',
  max: 1,
  load: async () =>
    (await LeaveTypeModel.find({}).sort({ key: 1 }).lean<LeaveTypeDoc[]>()).map(toType),
});

/** Every leave type, inactive ones included (old requests still show them). */
export function leaveTypes(): Promise<LeaveType[]> {
  return cache.get(ALL);
}

export async function leaveTypeById(id: string): Promise<LeaveType | undefined> {
  return (await leaveTypes()).find((t) => t.id === id);
}

/** Drops the cached list here and on the other instances (after a write). */
export function forgetLeaveTypes(): void {
  cache.invalidate(ALL);
}

/** The four types the city starts with (HR adds and changes types later). */
export const DEFAULT_LEAVE_TYPES: LeaveTypeInput[] = [
  {
    key: 'annual',
    name: { de: 'Erholungsurlaub', en: 'Annual leave' },
    counts: true,
    color: 'blue',
    active: true,
  },
  {
    key: 'special',
    name: { de: 'Sonderurlaub', en: 'Special leave' },
    counts: false,
    color: 'purple',
    active: true,
  },
  {
    key: 'training',
    name: { de: 'Fortbildung', en: 'Training' },
    counts: false,
    color: 'teal',
    active: true,
  },
  {
    key: 'time-off',
    name: { de: 'Freizeitausgleich', en: 'Time off in lieu' },
    counts: false,
    color: 'orange',
    active: true,
  },
];

/**
 * Creates the default types that do not exist yet (matched by `key`); never changes existing
 * ones, so HR's edits survive restarts. Called at start (and by the demo seed).
 */
export async function ensureDefaultLeaveTypes(): Promise<void> {
  await withKeyLock('leave-types', async () => {
    const existing = new Set((await LeaveTypeModel.find({}, { key: 1 }).lean()).map((t) => t.key));
    const missing = DEFAULT_LEAVE_TYPES.filter((t) => !existing.has(t.key));
    if (missing.length === 0) return;
    for (const { key, ...rest } of missing) {
      await LeaveTypeModel.updateOne({ key }, { $setOnInsert: rest }, { upsert: true });
    }
    forgetLeaveTypes();
  });
}
