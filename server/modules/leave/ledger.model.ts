import { Schema, model } from 'mongoose';
import { DEFAULT_ANNUAL_DAYS, FULL_WEEK } from '@shared/leave/schemas';

/**
 * One document per person and leave year (`_id` = `<personId>:<year>`): the entitlement and every
 * request's days in it. All balance rules are checked against this one document, changed with
 * one conditional update guarded by `rev` (no multi-document transactions on the engine).
 */
export interface LedgerEntry {
  state: 'pending' | 'approved';
  /** Working days the request costs in this year. */
  days: number;
  /** Of those, days on or before this year's carry-over expiry. */
  upToExpiry: number;
  /** Days taken from the carry-over (derived: re-allocated on every write, approved first). */
  carry: number;
}

export interface AdditionalLine {
  label: string;
  days: number;
}

export interface Ledger {
  _id: string;
  personId: string;
  year: number;
  baseDays: number;
  workdays: number[];
  employedFrom: string | null;
  employedTo: string | null;
  additional: AdditionalLine[];
  carryOver: number;
  /** Last day carried-over days can be used (`YYYY-MM-DD`, in `year`). */
  carryExpires: string;
  /** Keyed by request id (client UUIDs: no `.` or `$`). */
  entries: Record<string, LedgerEntry>;
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

const ledgerSchema = new Schema<Ledger>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    year: { type: Number, required: true },
    baseDays: { type: Number, default: DEFAULT_ANNUAL_DAYS },
    workdays: { type: [Number], default: () => [...FULL_WEEK] },
    employedFrom: { type: String, default: null },
    employedTo: { type: String, default: null },
    additional: {
      type: [new Schema<AdditionalLine>({ label: String, days: Number }, { _id: false })],
      default: [],
    },
    carryOver: { type: Number, default: 0 },
    carryExpires: { type: String, required: true },
    entries: { type: Schema.Types.Mixed, default: {} },
    rev: { type: Number, default: 0 },
  },
  { timestamps: true, minimize: false },
);
ledgerSchema.index({ year: 1, personId: 1 });
ledgerSchema.index({ personId: 1, year: 1 });

export const ledgerId = (personId: string, year: number) => `${personId}:${year}`;
export const LedgerModel = model<Ledger>('LeaveLedger', ledgerSchema, 'leave_ledgers');
