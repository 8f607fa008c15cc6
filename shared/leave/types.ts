import type { PersonRef } from '../people/types';
import type { EveRule, LeaveSettings, LeaveStatus } from './schemas';

export interface LeaveTypeDTO {
  id: string;
  key: string;
  name: { de: string; en: string };
  counts: boolean;
  color: 'blue' | 'green' | 'orange' | 'purple' | 'teal' | 'grey';
  active: boolean;
}

export interface EntitlementLineDTO {
  kind: 'base' | 'additional';
  label: string;
  days: number;
}

/**
 * A person's balance for one year, from their ledger. Always:
 * `available = entitlement + carryOverUsable − approved − pending`.
 */
export interface LeaveBalanceDTO {
  personId: string;
  year: number;
  /** The prorated base line and the additional lines (e.g. severe disability). */
  lines: EntitlementLineDTO[];
  entitlement: number;
  baseDays: number;
  workdays: number[];
  employedFrom: string | null;
  employedTo: string | null;
  /** Days carried over from the previous year. */
  carryOver: number;
  /** Last day carried-over days can be used (`YYYY-MM-DD`). */
  carryExpires: string;
  /** Carried-over days still usable (0 after expiry); part of `available`. */
  carryOverUsable: number;
  /** Carried-over days that expired unused. */
  carryOverExpired: number;
  approved: number;
  pending: number;
  available: number;
  rev: number;
  abilities: { editEntitlement: boolean };
}

/** A row of HR's entitlement list (`GET /entitlements`, a page): the balance with its person. */
export interface LeaveEntitlementRowDTO extends LeaveBalanceDTO {
  person: PersonRef;
}

export interface LeaveHistoryEntryDTO {
  at: string;
  actor: PersonRef | null;
  /** `created`, `edited`, `approved`, `rejected`, `withdrawn`, `cancel_requested`, `cancelled`,
   * `cancel_rejected`, `shortened`, `escalated`. */
  action: string;
  from: LeaveStatus | null;
  to: LeaveStatus;
  comment: string;
}

export interface LeaveRequestAbilities {
  edit: boolean;
  withdraw: boolean;
  /** Request cancellation of the whole leave (before it starts). */
  cancel: boolean;
  /** Give back the remaining days of a leave that has started. */
  shorten: boolean;
  decide: boolean;
}

export interface LeaveRequestDTO {
  id: string;
  person: PersonRef;
  /** Null when the viewer may not see the type (team calendar colleagues). */
  type: LeaveTypeDTO | null;
  from: string;
  to: string;
  halfStart: boolean;
  halfEnd: boolean;
  /** Working days it costs (0.5 steps); also for types that do not count. */
  days: number;
  status: LeaveStatus;
  comment: string;
  deputy: PersonRef | null;
  /** Who decides now (the manager, or the deputy while the manager is away or has delegated). */
  approver: PersonRef | null;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  decisionComment: string;
  /** Since when the request waits at HR (pending longer than the escalation limit). */
  escalatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  rev: number;
  abilities: LeaveRequestAbilities;
}

export interface LeaveRequestDetailDTO extends LeaveRequestDTO {
  history: LeaveHistoryEntryDTO[];
}

export interface LeaveConflictDTO {
  person: PersonRef;
  from: string;
  to: string;
  status: LeaveStatus;
}

export interface LeavePreviewDTO {
  days: number;
  /** Per calendar year the request touches. */
  perYear: { year: number; days: number; fromCarryOver: number }[];
  /** The counting type's balance after this request (null for types that do not count). */
  availableAfter: number | null;
  /** Public holidays (and 24./31.12. per the rule) inside the range. */
  holidays: { date: string; name: string }[];
  /** Colleagues of the same unit away in the range (approved or pending). */
  conflicts: LeaveConflictDTO[];
  approver: PersonRef | null;
  /** `insufficient_balance`, `no_working_days`, `overlaps_own`… (error codes, translated). */
  problems: string[];
}

export interface LeaveInboxDTO {
  requests: LeaveRequestDTO[];
  /** Pending requests the viewer may decide now (own unit, deputy, escalated for HR). */
  count: number;
  /** Optional, by request id: what the decider needs beside each request (the client shows it when present). */
  extras?: Record<string, LeaveInboxExtraDTO>;
}

/** Beside an inbox request: its effect on the balance, who else is away, on whose behalf one decides. */
export interface LeaveInboxExtraDTO {
  /** The person's available days after approval (pending days are already reserved, so the current
   * `available` of the request's first year); null for types that do not count. */
  availableAfter: number | null;
  /** Colleagues of the same unit away in the range (approved or pending). */
  conflicts: LeaveConflictDTO[];
  /** Set when the viewer decides as deputy: the approver they stand in for. */
  onBehalfOf: PersonRef | null;
}

export interface TeamCalendarDTO {
  month: string;
  unit: { id: string; name: string };
  /** Every day of the month with its kind for shading. */
  days: { date: string; kind: 'work' | 'weekend' | 'holiday' | 'half'; name: string | null }[];
  people: {
    person: PersonRef;
    absences: {
      id: string;
      from: string;
      to: string;
      halfStart: boolean;
      halfEnd: boolean;
      status: LeaveStatus;
      /** Null unless the viewer may see the type. */
      type: LeaveTypeDTO | null;
      /** Optional: working days it costs the person (the table view shows it when present). */
      days?: number;
    }[];
    /** Optional: confirmed training days in the month (title null unless the viewer may see leave types). */
    trainings?: {
      registrationId: string;
      courseId: string;
      title: string | null;
      date: string;
      start: string;
      end: string;
    }[];
  }[];
}

/** "On leave until …, deputy …" on the profile and in chat presence. */
export interface AbsenceDTO {
  personId: string;
  until: string;
  deputy: PersonRef | null;
}

export interface LeaveReportRowDTO {
  office: { id: string; name: string } | null;
  people: number;
  entitlement: number;
  /** Approved days up to today. */
  taken: number;
  /** Approved days after today plus pending days. */
  planned: number;
  remaining: number;
}

export interface LeaveSettingsDTO extends LeaveSettings {
  abilities: { edit: boolean };
}

export interface CarryOverRunDTO {
  fromYear: number;
  people: number;
  days: number;
}

export interface EntitlementImportResultDTO {
  imported: number;
  errors: { line: number; code: string }[];
}

export type { EveRule };

/** Start page widget `leave` (in `HomeBoardDTO['data']`): the viewer's own leave at a glance. */
export interface LeaveWidgetDTO {
  /** This year's balance (null when the person has no leave card, e.g. inactive). */
  balance: {
    year: number;
    entitlement: number;
    carryOverUsable: number;
    approved: number;
    pending: number;
    available: number;
  } | null;
  /** The next approved leave that has not ended yet (type visible: it is the viewer's own). */
  next: { id: string; from: string; to: string; type: LeaveTypeDTO | null } | null;
  /** Requests waiting for the viewer's decision; null for people who decide nothing. */
  inbox: number | null;
}
