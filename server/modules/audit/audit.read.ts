import type { Request } from 'express';
import type { QueryFilter } from 'mongoose';
import type { AuditQuery } from '@shared/audit/schemas';
import type { AuditEntryDTO } from '@shared/audit/types';
import { AuditModel, type AuditEntry } from './audit.model';
import { audit } from './audit.service';
import { deny } from './deny';
import { peopleFromDirectory } from '../people/directory-index';
import type { CurrentUser } from '../auth/current-user';
import { canReadAudit } from './audit.policy';
import { decodeCursor, pageOf } from '../../lib/pagination';

export function presentAuditEntry(
  e: AuditEntry,
  actor: { _id: unknown; displayName: string } | undefined,
): AuditEntryDTO {
  return {
    id: String(e._id),
    at: e.at.toISOString(),
    action: e.action,
    outcome: e.outcome as AuditEntryDTO['outcome'],
    actorId: e.actorId ? String(e.actorId) : null,
    actor: actor ? { id: String(actor._id), displayName: actor.displayName } : null,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId ?? null,
    detail: (e.detail as Record<string, unknown> | null) ?? null,
    ip: e.ip ?? null,
    requestId: e.requestId ?? null,
  };
}

/** Newest first, cursor over `_id`; reading is itself audited (with the filters used). */
export async function readAudit(
  viewer: CurrentUser,
  query: AuditQuery,
  req?: Request,
): Promise<{ data: AuditEntryDTO[]; nextCursor: string | null }> {
  if (!canReadAudit(viewer)) throw await deny(viewer, 'audit.read', { type: 'audit' }, req);
  const filter: QueryFilter<AuditEntry> = {};
  if (query.action) filter.action = query.action;
  if (query.actorId) filter.actorId = query.actorId;
  if (query.outcome) filter.outcome = query.outcome;
  const after = decodeCursor(query.cursor);
  if (after) filter._id = { $lt: after };
  const rows = await AuditModel.find(filter)
    .sort({ _id: -1 })
    .limit(query.limit + 1)
    .lean<AuditEntry[]>();
  const { page, nextCursor } = pageOf(rows, query.limit);
  const actorIds = [
    ...new Set(
      page
        .map((e) => e.actorId)
        .filter(Boolean)
        .map(String),
    ),
  ];
  // Inactive actors included: the log names whoever acted, also people who have left since.
  const actors = await peopleFromDirectory(actorIds);
  const byId = new Map(actors.map((a) => [String(a._id), a]));
  await audit({
    action: 'audit.read',
    actorId: viewer.id,
    subjectType: 'audit',
    detail: {
      filters: { action: query.action, actorId: query.actorId, outcome: query.outcome },
      page: Boolean(query.cursor),
    },
    req,
  });
  return {
    data: page.map((e) =>
      presentAuditEntry(e, e.actorId ? byId.get(String(e.actorId)) : undefined),
    ),
    nextCursor,
  };
}
