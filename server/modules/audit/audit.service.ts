import type { Request } from 'express';
import { AuditModel } from './audit.model';
import { logger } from '../../lib/logger';

export interface AuditInput {
  action: string;
  actorId?: string | null;
  subjectType?: string;
  subjectId?: string;
  outcome?: 'success' | 'failure' | 'denied';
  detail?: Record<string, unknown>;
  req?: Request;
}

/** Writes one audit entry. Audit failures are logged loudly but do not break the user's action. */
export async function audit(input: AuditInput): Promise<void> {
  try {
    await AuditModel.create({
      action: input.action,
      actorId: input.actorId ?? null,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      outcome: input.outcome ?? 'success',
      detail: input.detail ?? null,
      ip: input.req?.ip ?? null,
      requestId: input.req ? String(input.req.id ?? '') || null : null,
    });
  } catch (err) {
    logger.error({ err, action: input.action }, 'audit write failed');
  }
}
