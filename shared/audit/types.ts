/** One audit log entry as administrators see it (never bodies, tokens or cookies). */
export interface AuditEntryDTO {
  id: string;
  /** ISO time in UTC. */
  at: string;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  actorId: string | null;
  actor: { id: string; displayName: string } | null;
  subjectType: string | null;
  subjectId: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
}
