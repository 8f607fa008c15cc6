import type { LeaveStatus } from '@shared/leave/schemas';

/** Domain events of the leave card (names in `server/lib/events.ts`). */
export interface LeaveEvents {
  /**
   * A request was created or changed state or dates (published once per applied transition;
   * a replayed create or decision does not publish again).
   */
  'leave.changed': {
    requestId: string;
    personId: string;
    actorId: string;
    /** `created`, `edited`, `approved`, `rejected`, `withdrawn`, `cancel_requested`, `cancelled`,
     * `cancel_rejected`, `shortened`, `escalated`. */
    action: string;
    before: LeaveStatus | null;
    after: LeaveStatus;
    /** Days touched, old and new range together (for calendar refreshes). */
    from: string;
    to: string;
  };
  /** A person's ledger for a year changed (request, decision, entitlement edit, carry-over). */
  'leave.balance_changed': { personId: string; year: number };
  /** A manager started or ended handing approvals to their deputy. */
  'leave.delegation_changed': { personId: string; until: string | null };
}
