import type { Collection } from 'mongodb';
import { logger } from '../../../lib/logger';
import { todayInBerlin } from '../../leave/holidays';
import { courseById } from '../courses/course-index';
import { allAssignments, assignmentsReady, type AssignmentMeta } from './assignment-index';
import { complianceOf } from './compliance';
import { sendMandatoryNotice } from './notifications';
import { ReminderModel, reminderClaimId } from './reminder.model';

const HOUR = 3_600_000;
interface ClaimDoc {
  _id: string;
  assignmentId: string;
  personId: string;
  stage: string;
  sentAt: Date;
}
// The driver types the default collection with ObjectId ids; claims use string ids.
const claims = () => ReminderModel.collection as unknown as Collection<ClaimDoc>;
const CHUNK = 500;

/** `YYYY-MM-DD` plus `days` (calendar arithmetic on the date only). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The one reminder stage due today: `overdue` after the deadline; else the nearest `d<N>` whose
 * day (deadline − N) has come. Stages whose day was before the assignment existed are skipped
 * (the "assigned" notice said it already). Pure.
 */
export function reminderStage(
  a: Pick<AssignmentMeta, 'deadline' | 'reminderDays' | 'createdAt'>,
  today: string,
): { stage: string; days: number | null } | null {
  if (today > a.deadline) return { stage: 'overdue', days: null };
  const created = a.createdAt.toISOString().slice(0, 10);
  const due = a.reminderDays
    .filter((n) => today >= addDays(a.deadline, -n) && addDays(a.deadline, -n) > created)
    .sort((x, y) => x - y);
  const n = due[0];
  return n === undefined ? null : { stage: `d${n}`, days: n };
}

// Claims this process has made or seen (the insert is tried once per claim, not every hour).
const claimedHere = new Set<string>();

/** Inserts claims; returns the ids this call inserted (duplicates: someone else has them). */
async function claim(ids: string[], a: AssignmentMeta, stage: string): Promise<Set<string>> {
  const won = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const docs: ClaimDoc[] = chunk.map((personId) => ({
      _id: reminderClaimId(a.id, personId, stage),
      assignmentId: a.id,
      personId,
      stage,
      sentAt: new Date(),
    }));
    const lost = new Set<number>();
    try {
      // Unordered: a duplicate (claimed elsewhere) does not stop the rest of the chunk.
      await claims().insertMany(docs, { ordered: false });
    } catch (err) {
      const raw = (err as { writeErrors?: unknown }).writeErrors;
      const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as {
        index?: number;
        code?: number;
        err?: { index?: number; code?: number };
      }[];
      if (list.length === 0) throw err;
      for (const w of list) {
        const code = w.code ?? w.err?.code;
        const index = w.index ?? w.err?.index;
        if (code !== 11000 || index === undefined) throw err;
        lost.add(index);
      }
    }
    chunk.forEach((personId, idx) => {
      claimedHere.add(reminderClaimId(a.id, personId, stage));
      if (!lost.has(idx)) won.add(personId);
    });
  }
  return won;
}

/**
 * One pass: for each active assignment and each assigned person who is not done, the current
 * stage (see `reminderStage`) is claimed (`<assignmentId>:<personId>:<stage>`) and only the
 * winners of the claim are notified: each reminder exactly once, even with parallel sweeps or
 * several instances. Returns how many notifications were sent.
 */
export async function runReminderSweep(now: Date = new Date()): Promise<number> {
  await assignmentsReady();
  const today = todayInBerlin(now);
  let sent = 0;
  for (const a of allAssignments()) {
    if (!a.active) continue;
    const due = reminderStage(a, today);
    if (!due) continue;
    const course = await courseById(a.courseId);
    if (!course || course.status !== 'published') continue;
    const result = await complianceOf(a.id, now);
    if (!result) continue;
    const open = result.people
      .filter((p) => p.status !== 'done')
      .map((p) => p.personId)
      .filter((id) => !claimedHere.has(reminderClaimId(a.id, id, due.stage)));
    if (open.length === 0) continue;
    const won = await claim(open, a, due.stage);
    sent += await sendMandatoryNotice([...won], {
      kind: due.stage === 'overdue' ? 'learning.mandatory_overdue' : 'learning.mandatory_reminder',
      courseId: a.courseId,
      title: course.title,
      deadline: a.deadline,
      ...(due.days !== null ? { days: due.days } : {}),
    });
  }
  return sent;
}

/** Hourly sweep (and once shortly after start); returns a stop function. */
export function startReminderSweeps(intervalMs = HOUR, firstDelayMs = 30_000): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runReminderSweep()
      .catch((err: unknown) => logger.error({ err }, 'mandatory training reminders failed'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, firstDelayMs);
  first.unref();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** Tests: forget the claims seen here (the database still holds them). */
export function resetReminderMemory(): void {
  claimedHere.clear();
}
