/**
 * The fields the audit table shows. Kept loose on purpose: the server's AuditEntryDTO
 * (shared/audit/types.ts) may carry more, and the actor may come as an id or as a reference.
 */
export interface AuditEntryView {
  id: string;
  at: string;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  actorId?: string | null;
  actor?: { id: string; displayName: string } | null;
  subjectType?: string | null;
  subjectId?: string | null;
  subject?: { id: string; label?: string; displayName?: string } | null;
  detail?: Record<string, unknown> | null;
}
