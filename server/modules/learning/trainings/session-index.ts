import { cluster } from '../../../lib/cluster';
import { loadedIndex } from '../../../lib/loaded-index';
import { logger } from '../../../lib/logger';
import { todayInBerlin } from '../../leave/holidays';
import { SessionModel, type StoredSession } from './session.model';

/**
 * Every training session in memory (a few thousand at most). Reads never touch the database:
 * on the embedded engine any filter decodes the whole collection. Writers here remember what they
 * wrote; other instances reload that id (cluster topic); a full reload every 10 minutes.
 * A copy only replaces one with a lower or equal `rev`.
 */
export interface SessionRow {
  id: string;
  clientId: string;
  courseId: string;
  days: { date: string; start: string; end: string }[];
  format: 'classroom' | 'online';
  place: string;
  onlineUrl: string | null;
  seats: number | null;
  trainerIds: string[];
  registrationUntil: string;
  cancelledAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  rev: number;
  /** First and last day (days are kept sorted). */
  from: string;
  to: string;
}

const TOPIC = 'learning-session:changed';
const FULL_RELOAD_MS = 10 * 60_000;

export function toSessionRow(doc: StoredSession): SessionRow {
  const days = [...doc.days]
    .map((d) => ({ date: d.date, start: d.start, end: d.end }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start < b.start ? -1 : 1));
  return {
    id: String(doc._id),
    clientId: doc.clientId,
    courseId: String(doc.courseId),
    days,
    format: doc.format as 'classroom' | 'online',
    place: doc.place ?? '',
    onlineUrl: doc.onlineUrl ?? null,
    seats: doc.seats ?? null,
    trainerIds: (doc.trainerIds ?? []).map(String),
    registrationUntil: doc.registrationUntil,
    cancelledAt: doc.cancelledAt ?? null,
    createdBy: doc.createdBy ? String(doc.createdBy) : null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    rev: doc.rev ?? 0,
    from: days[0]?.date ?? '',
    to: days.at(-1)?.date ?? '',
  };
}

class Store {
  rows = new Map<string, SessionRow>();
  courses = new Map<string, Map<string, SessionRow>>();

  put(row: SessionRow): void {
    const old = this.rows.get(row.id);
    if (old && old.rev > row.rev) return;
    this.rows.set(row.id, row);
    let mine = this.courses.get(row.courseId);
    if (!mine) this.courses.set(row.courseId, (mine = new Map()));
    mine.set(row.id, row);
  }

  drop(id: string): void {
    const old = this.rows.get(id);
    if (!old) return;
    this.rows.delete(id);
    this.courses.get(old.courseId)?.delete(id);
  }
}

const loaded = loadedIndex<Store, SessionRow>({
  name: 'session',
  maxAgeMs: FULL_RELOAD_MS,
  load: async () => {
    const docs = await SessionModel.find({}).lean<StoredSession[]>();
    const next = new Store();
    for (const d of docs) next.put(toSessionRow(d));
    return next;
  },
  put: (store, row) => store.put(row),
  carryOver: (next, prev) => {
    for (const r of prev.rows.values()) next.put(r);
  },
});
const ready = () => loaded.ready();

const byDay = (a: SessionRow, b: SessionRow) =>
  a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : 1;

/** Loads the index (first use) — afterwards every function answers from memory. */
export async function sessionsReady(): Promise<void> {
  await ready();
}

/** Every session of a course (cancelled ones included), by first day. */
export async function sessionsOf(courseId: string): Promise<SessionRow[]> {
  return [...((await ready()).courses.get(courseId)?.values() ?? [])].sort(byDay);
}

export async function sessionById(id: string): Promise<SessionRow | null> {
  return (await ready()).rows.get(id.toLowerCase()) ?? null;
}

/** The first day of the next session of a course that is not cancelled and not over yet. */
export async function nextSessionDate(
  courseId: string,
  today = todayInBerlin(),
): Promise<string | null> {
  let best: string | null = null;
  for (const s of (await ready()).courses.get(courseId)?.values() ?? []) {
    if (s.cancelledAt || s.to < today) continue;
    if (best === null || s.from < best) best = s.from;
  }
  return best;
}

/** After a write on this instance: the new state here, a reload of it elsewhere. */
export function rememberSession(doc: StoredSession): SessionRow {
  const row = toSessionRow(doc);
  loaded.apply(row);
  cluster.broadcast(TOPIC, row.id);
  return row;
}

/** Reads one session from the database into the index. */
export async function refreshSession(id: string): Promise<SessionRow | null> {
  const doc = await SessionModel.findById(id).lean<StoredSession>();
  loaded.current()?.drop(id);
  if (!doc) return null;
  const row = toSessionRow(doc);
  loaded.apply(row);
  return row;
}

cluster.on(TOPIC, (payload) => {
  if (typeof payload !== 'string' || !loaded.current()) return;
  refreshSession(payload).catch((err: unknown) => logger.warn({ err }, 'session reload failed'));
});

/** Tests: forget everything. */
export function resetSessionIndex(): void {
  loaded.reset();
}
