import { decidedRegistrationStatuses } from '@shared/learning/schemas';
import type { CurrentUser } from '../../auth/current-user';
import { badRequest } from '../../../lib/errors';
import { deny } from '../../audit/deny';
import { directoryRows } from '../../people/directory-index';
import { unitIndex } from '../../org/unit-index';
import { registrationFacts } from './facts';
import { registrationIndex, type RegistrationRow } from './registration-index';
import { canSeeDecided, isHr, mayReviewDecisions } from './registration.policy';
import type { Request } from 'express';

const DECIDED = new Set<string>(decidedRegistrationStatuses);

/** When the registration reached its current status (its last step), for "newest first". */
export function decidedAt(r: RegistrationRow): Date {
  const last = r.doc.history[r.doc.history.length - 1];
  return new Date(last?.at ?? r.doc.updatedAt ?? r.createdAt);
}

async function isLeaderDeputy(user: CurrentUser): Promise<boolean> {
  const [rows, units] = await Promise.all([directoryRows(), unitIndex()]);
  return rows.some(
    (r) => r.active && String(r.person.deputyId ?? '') === user.id && units.ledBy(r.id).length > 0,
  );
}

export interface DecidedFilter {
  courseId?: string;
  sessionId?: string;
}

/**
 * What was decided (confirmed, waitlisted, rejected, cancelled) for the viewer's people — HR:
 * everyone — newest decision first. From the registration index; approvers computed at read
 * time like the open list. 403 (audited) for people who decide nothing.
 */
export async function decidedRows(
  user: CurrentUser,
  today: string,
  filter: DecidedFilter,
  req?: Request,
): Promise<RegistrationRow[]> {
  const allowed =
    isHr(user) ||
    mayReviewDecisions(user, {
      leadsUnits: user.leads.length > 0,
      deputyOfLeader: await isLeaderDeputy(user),
    });
  if (!allowed) throw await deny(user, 'learning.registrations.decided', null, req);
  const index = await registrationIndex();
  const source = filter.sessionId ? index.bySession(filter.sessionId) : [...index.all()];
  const rows = source.filter(
    (r) => DECIDED.has(r.status) && (!filter.courseId || r.courseId === filter.courseId),
  );
  // HR sees all: no approver look-ups needed.
  const visible = isHr(user)
    ? rows
    : await (async () => {
        const facts = await registrationFacts(rows, today);
        return rows.filter((r) => {
          const f = facts.get(r.id);
          const actors = r.doc.history.flatMap((h) => (h.actorId ? [String(h.actorId)] : []));
          return f !== undefined && canSeeDecided(user, f, actors);
        });
      })();
  return visible
    .map((r) => ({ r, at: decidedAt(r).getTime() }))
    .sort((a, b) => b.at - a.at || (a.r.id < b.r.id ? 1 : -1))
    .map((x) => x.r);
}

type Key = [number, string];

function encodeKey([t, id]: Key): string {
  return Buffer.from(`${t}:${id}`, 'utf8').toString('base64url');
}

function decodeKey(cursor: string): Key {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^(\d{1,15}):([0-9a-f-]{1,64})$/i.exec(raw);
  if (!m) throw badRequest('Invalid cursor');
  return [Number(m[1]), (m[2] as string).toLowerCase()];
}

/**
 * Keyset paging over a list sorted by `key` (`desc`: newest first): the cursor is the key of the
 * last row sent, so rows that arrive or leave between pages cause neither gaps nor doubles.
 */
export function keysetPage<T>(
  items: T[],
  key: (item: T) => Key,
  order: 'asc' | 'desc',
  cursor: string | undefined,
  limit: number,
): { slice: T[]; nextCursor: string | null } {
  let start = 0;
  if (cursor) {
    const [ct, cid] = decodeKey(cursor);
    const after = (item: T) => {
      const [t, id] = key(item);
      if (t !== ct) return order === 'asc' ? t > ct : t < ct;
      return order === 'asc' ? id > cid : id < cid;
    };
    start = items.findIndex(after);
    if (start < 0) start = items.length;
  }
  const slice = items.slice(start, start + limit);
  const last = slice[slice.length - 1];
  const more = start + limit < items.length;
  return { slice, nextCursor: more && last ? encodeKey(key(last)) : null };
}

export const decidedKey = (r: RegistrationRow): Key => [decidedAt(r).getTime(), r.id];
export const openKey = (r: RegistrationRow): Key => [r.createdAt.getTime(), r.id];
