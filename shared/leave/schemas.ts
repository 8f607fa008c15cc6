import { z } from 'zod';
import { line, objectId } from '../http/fields';

/**
 * The digital leave card. Dates are ISO calendar days (`YYYY-MM-DD`, no time, no zone): leave is
 * counted in days of the Stuttgart calendar, never in instants. Day amounts are multiples of 0.5.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: 'invalid_date' },
  );

/** A request's id: the client-generated UUID of its first submission (idempotent create). */
export const leaveRequestId = z.string().uuid({ message: 'invalid_id' });

/** ISO weekday numbers, Monday = 1 … Sunday = 7. */
export const weekday = z.number().int().min(1).max(7);
export const FULL_WEEK = [1, 2, 3, 4, 5] as const;
/** Annual leave of a full-time (five-day week) employee under TVöD. */
export const DEFAULT_ANNUAL_DAYS = 30;
export const LEAVE_YEAR_MIN = 2000;
export const LEAVE_YEAR_MAX = 2100;
export const leaveYear = z.coerce.number().int().min(LEAVE_YEAR_MIN).max(LEAVE_YEAR_MAX);

/**
 * `pending` → `approved` | `rejected` | `withdrawn` (by the requester);
 * `approved` → `cancel_requested` (before it starts) → `cancelled` | back to `approved`;
 * an approved leave that has started is shortened at once (partial cancellation, stays `approved`).
 */
export const leaveStatuses = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
  'cancel_requested',
  'cancelled',
] as const;
export type LeaveStatus = (typeof leaveStatuses)[number];
/** States that hold days in the ledger (pending ones as `pending`, the others as `approved`). */
export const activeLeaveStatuses = ['pending', 'approved', 'cancel_requested'] as const;

/** How 24.12. and 31.12. count: a working day, half a day off, or a day off (tariff rule). */
export const eveRules = ['work', 'half', 'free'] as const;
export type EveRule = (typeof eveRules)[number];

export const localizedName = z.object({ de: line(60), en: line(60) });

export const leaveTypeInputSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{1,29}$/, { message: 'invalid_key' }),
  name: localizedName,
  /** Counts against the annual balance (annual leave) or not (special leave, training, …). */
  counts: z.boolean(),
  /** Colour token for the calendar (the client maps tokens to accessible colours). */
  color: z.enum(['blue', 'green', 'orange', 'purple', 'teal', 'grey']),
  active: z.boolean().default(true),
});
export type LeaveTypeInput = z.infer<typeof leaveTypeInputSchema>;

export const leaveSettingsSchema = z.object({
  dec24: z.enum(eveRules),
  dec31: z.enum(eveRules),
  /** Carried-over days expire after this day of the following year (`MM-DD`, default `03-31`). */
  carryExpiry: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'invalid_date' }),
  /** A request pending longer than this many calendar days is escalated to HR. */
  escalationDays: z.number().int().min(1).max(60),
});
export type LeaveSettings = z.infer<typeof leaveSettingsSchema>;
export const defaultLeaveSettings: LeaveSettings = {
  dec24: 'half',
  dec31: 'half',
  carryExpiry: '03-31',
  escalationDays: 5,
};

export const leaveRequestInputSchema = z
  .object({
    typeId: objectId,
    from: isoDate,
    to: isoDate,
    /** The first day is taken as half a day (afternoon off). */
    halfStart: z.boolean().default(false),
    /** The last day is taken as half a day (morning off). */
    halfEnd: z.boolean().default(false),
    comment: z.string().trim().max(500).default(''),
    deputyId: objectId.nullable().default(null),
  })
  .refine((v) => v.from <= v.to, { message: 'from_after_to', path: ['to'] })
  .refine((v) => !(v.from === v.to && v.halfStart && v.halfEnd), {
    message: 'half_day_twice',
    path: ['halfEnd'],
  });

/** Create: the body above plus the client's id (a retry with the same id returns the stored one). */
export const createLeaveRequestSchema = z
  .object({ id: leaveRequestId })
  .and(leaveRequestInputSchema);
export type CreateLeaveRequestInput = z.infer<typeof createLeaveRequestSchema>;

/** Edit while pending; `rev` guards against editing a stale copy (409). */
export const updateLeaveRequestSchema = z
  .object({ rev: z.number().int().min(0) })
  .and(leaveRequestInputSchema);
export type UpdateLeaveRequestInput = z.infer<typeof updateLeaveRequestSchema>;

export const previewLeaveQuerySchema = z
  .object({
    typeId: objectId,
    from: isoDate,
    to: isoDate,
    halfStart: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    halfEnd: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** When editing: leave this request's own days out of the balance and conflicts. */
    excludeId: leaveRequestId.optional(),
  })
  .strict();

export const decisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(500).default(''),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

export const bulkDecisionSchema = z.object({
  ids: z.array(leaveRequestId).min(1).max(100),
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(500).default(''),
});

/**
 * Cancel approved leave. Without `from`: the whole leave (before it starts; needs the approver).
 * With `from`: give back the days from `from` on (leave that has started; applied at once).
 */
export const cancelLeaveSchema = z.object({
  from: isoDate.optional(),
  comment: z.string().trim().max(500).default(''),
});

export const entitlementLineSchema = z.object({
  label: line(80),
  days: z.number().min(0).max(60).multipleOf(0.5),
});

/** HR: a person's entitlement for one year. The base is prorated by the system (see days.ts). */
export const entitlementInputSchema = z.object({
  /** Annual days for a five-day week, before proration. */
  baseDays: z.number().min(0).max(60).multipleOf(0.5),
  workdays: z.array(weekday).min(1).max(7),
  employedFrom: isoDate.nullable().default(null),
  employedTo: isoDate.nullable().default(null),
  additional: z.array(entitlementLineSchema).max(10).default([]),
  rev: z.number().int().min(0),
});
export type EntitlementInput = z.infer<typeof entitlementInputSchema>;

/** A manager hands approvals to their deputy until a date (inclusive), or stops (null). */
export const delegationSchema = z.object({ until: isoDate.nullable() });

export const calendarQuerySchema = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'invalid_date' }),
    /** Default: the viewer's own unit. Managers and HR may pick units they may see. */
    unitId: objectId.optional(),
    /** Include the units below (managers of an office, HR). */
    subtree: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .strict();

export const reportQuerySchema = z
  .object({ year: leaveYear, officeId: objectId.optional() })
  .strict();
export const carryOverRunSchema = z.object({ fromYear: leaveYear });

/** HR changes a leave type (the key stays); absent fields are left as they are. */
export const leaveTypeUpdateSchema = z.object({
  name: localizedName.optional(),
  counts: z.boolean().optional(),
  color: z.enum(['blue', 'green', 'orange', 'purple', 'teal', 'grey']).optional(),
  active: z.boolean().optional(),
});
export type LeaveTypeUpdateInput = z.infer<typeof leaveTypeUpdateSchema>;

/** `?year=` (default: the current year in Stuttgart). */
export const balanceQuerySchema = z.object({ year: leaveYear.optional() }).strict();

/** HR's entitlement list: active people, filtered by name and unit (with sub-units). */
export const entitlementListQuerySchema = z
  .object({
    year: leaveYear,
    q: z.string().trim().max(100).optional(),
    unitId: objectId.optional(),
    cursor: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

/** `username;baseDays;workdays;employedFrom;employedTo;additionalLabel;additionalDays`, header optional. */
export const entitlementImportSchema = z.object({
  year: leaveYear,
  csv: z.string().max(900_000),
});
