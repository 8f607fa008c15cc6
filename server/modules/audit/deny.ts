import type { Request } from 'express';
import { audit } from './audit.service';
import { forbidden, type HttpError } from '../../lib/errors';

interface Actor {
  id: string;
}

/**
 * Records a refused access in the audit log and returns the 403 to throw:
 * `if (!canX(user, doc)) throw await deny(user, 'person.update', { type: 'person', id }, req)`.
 */
export async function deny(
  user: Actor | undefined,
  action: string,
  subject: { type: string; id?: string | null } | null,
  req?: Request,
  detail?: Record<string, unknown>,
): Promise<HttpError> {
  await audit({
    action,
    actorId: user?.id ?? null,
    subjectType: subject?.type,
    subjectId: subject?.id ?? undefined,
    outcome: 'denied',
    detail,
    req,
  });
  return forbidden();
}

/** Throws an audited 403 unless `allowed`. */
export async function ensureAllowed(
  allowed: boolean,
  user: Actor | undefined,
  action: string,
  subject: { type: string; id?: string | null } | null,
  req?: Request,
): Promise<void> {
  if (!allowed) throw await deny(user, action, subject, req);
}

/**
 * Records a refused socket join (a `…:watch` request or a co-editing document the person may
 * not open). SECURITY.md asks for these beside REST 403s; the socket itself gets only "forbidden".
 */
export function auditRefusedJoin(
  actorId: string | null | undefined,
  event: string,
  subject: { type: string; id?: string | null } | null,
): Promise<void> {
  return audit({
    action: 'realtime.join_refused',
    actorId: actorId ?? null,
    subjectType: subject?.type,
    subjectId: subject?.id ?? undefined,
    outcome: 'denied',
    detail: { event },
  });
}
