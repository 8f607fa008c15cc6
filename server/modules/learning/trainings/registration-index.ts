import { activeRegistrationStatuses, type RegistrationStatus } from '@shared/learning/schemas';
import { cluster } from '../../../lib/cluster';
import { loadedIndex } from '../../../lib/loaded-index';
import { logger } from '../../../lib/logger';
import { RegistrationModel, type StoredRegistration } from './registration.model';

/**
 * Every training registration in memory (by id, by session, by person). Same rules as the leave
 * request index: writers remember what they wrote, other instances reload that id, a full reload
 * every 10 minutes, and a copy never replaces one with a higher `rev`.
 */
export interface RegistrationRow {
  id: string;
  sessionId: string;
  courseId: string;
  personId: string;
  status: RegistrationStatus;
  seq: number | null;
  createdAt: Date;
  rev: number;
  doc: StoredRegistration;
}

const TOPIC = 'learning-registration:changed';
const FULL_RELOAD_MS = 10 * 60_000;
const ACTIVE = new Set<string>(activeRegistrationStatuses);
export const isActive = (status: RegistrationStatus) => ACTIVE.has(status);

export function toRegistrationRow(doc: StoredRegistration): RegistrationRow {
  return {
    id: String(doc._id),
    sessionId: String(doc.sessionId),
    courseId: String(doc.courseId),
    personId: String(doc.personId),
    status: doc.status as RegistrationStatus,
    seq: doc.seq ?? null,
    createdAt: doc.createdAt,
    rev: doc.rev ?? 0,
    doc,
  };
}

function index(map: Map<string, Map<string, RegistrationRow>>, key: string, row: RegistrationRow) {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map()));
  m.set(row.id, row);
}

class Store {
  rows = new Map<string, RegistrationRow>();
  sessions = new Map<string, Map<string, RegistrationRow>>();
  people = new Map<string, Map<string, RegistrationRow>>();

  put(row: RegistrationRow): void {
    const old = this.rows.get(row.id);
    if (old && old.rev > row.rev) return;
    if (old) this.drop(old.id);
    this.rows.set(row.id, row);
    index(this.sessions, row.sessionId, row);
    index(this.people, row.personId, row);
  }

  drop(id: string): void {
    const old = this.rows.get(id);
    if (!old) return;
    this.rows.delete(id);
    this.sessions.get(old.sessionId)?.delete(id);
    this.people.get(old.personId)?.delete(id);
  }
}

const loaded = loadedIndex<Store, RegistrationRow>({
  name: 'registration',
  maxAgeMs: FULL_RELOAD_MS,
  load: async () => {
    const docs = await RegistrationModel.find({}).lean<StoredRegistration[]>();
    const next = new Store();
    for (const d of docs) next.put(toRegistrationRow(d));
    return next;
  },
  put: (store, row) => store.put(row),
  carryOver: (next, prev) => {
    for (const r of prev.rows.values()) next.put(r);
  },
});

/** The read model (loaded on first use). */
export interface RegistrationIndex {
  get(id: string): RegistrationRow | undefined;
  bySession(sessionId: string): RegistrationRow[];
  byPerson(personId: string): RegistrationRow[];
  all(): IterableIterator<RegistrationRow>;
}

export async function registrationIndex(): Promise<RegistrationIndex> {
  const s = await loaded.ready();
  return {
    get: (id) => s.rows.get(id.toLowerCase()),
    bySession: (sessionId) => [...(s.sessions.get(sessionId)?.values() ?? [])],
    byPerson: (personId) => [...(s.people.get(personId)?.values() ?? [])],
    all: () => s.rows.values(),
  };
}

/** Seat counts of a session: confirmed, and the waiting list in order (by `seq`). */
export function seatState(rows: RegistrationRow[]): {
  confirmed: RegistrationRow[];
  waitlist: RegistrationRow[];
} {
  return {
    confirmed: rows.filter((r) => r.status === 'confirmed'),
    waitlist: rows
      .filter((r) => r.status === 'waitlisted')
      .sort(
        (a, b) =>
          (a.seq ?? 0) - (b.seq ?? 0) ||
          a.createdAt.getTime() - b.createdAt.getTime() ||
          (a.id < b.id ? -1 : 1),
      ),
  };
}

export function rememberRegistration(doc: StoredRegistration): RegistrationRow {
  const row = toRegistrationRow(doc);
  loaded.apply(row);
  cluster.broadcast(TOPIC, row.id);
  return row;
}

/** Reads one registration from the database into the index (the truth, even over a higher rev). */
export async function refreshRegistration(id: string): Promise<RegistrationRow | undefined> {
  const doc = await RegistrationModel.findById(id).lean<StoredRegistration>();
  loaded.current()?.drop(id);
  if (!doc) return undefined;
  const row = toRegistrationRow(doc);
  loaded.apply(row);
  return row;
}

cluster.on(TOPIC, (payload) => {
  if (typeof payload !== 'string' || !loaded.current()) return;
  refreshRegistration(payload).catch((err: unknown) =>
    logger.warn({ err }, 'registration reload failed'),
  );
});

/** Tests: forget everything. */
export function resetRegistrationIndex(): void {
  loaded.reset();
}
