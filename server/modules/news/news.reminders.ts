import { logger } from '../../lib/logger';
import { audienceMembers } from '../org/audience';
import { notify } from '../notifications/notifications.service';
import type { Article } from './article.model';
import { ReminderMarkerModel } from './ack.model';
import { acksOfRound } from './ack.store';
import { isLive } from './news.policy';
import { articleRows } from './news.read-model';

const DAY = 24 * 3_600_000;

/** Reminder stages before a deadline, earliest first. */
export const REMINDER_STAGES = [
  { key: '3d', days: 3 },
  { key: '1d', days: 1 },
] as const;

/** Stages whose window has begun and that the article was already live for when it began. */
function dueStages(a: Article & { mandatory: { deadline: Date } }, now: number) {
  const deadline = new Date(a.mandatory.deadline).getTime();
  const published = a.publishedAt ? new Date(a.publishedAt).getTime() : now;
  if (deadline <= now) return [];
  return REMINDER_STAGES.filter((s) => {
    const start = deadline - s.days * DAY;
    // Published inside the window: the "please confirm" notice at publishing was reminder enough.
    return now >= start && published < start;
  });
}

// Markers this process has seen already (id → the deadline, after which it is forgotten): the
// insert is tried once per stage, not every tick, and the set does not grow for ever.
const claimedHere = new Map<string, number>();

/** Inserts the marker; false when it exists (another run or instance sends or sent it). */
async function claim(id: string, deadline: number): Promise<boolean> {
  if (claimedHere.has(id)) return false;
  try {
    await ReminderMarkerModel.create({ _id: id, at: new Date() });
    claimedHere.set(id, deadline);
    return true;
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    claimedHere.set(id, deadline);
    return false;
  }
}

/**
 * One pass: for each live mandatory article, the people of its audience who have not confirmed
 * the current round get one reminder 3 days and one 1 day before the deadline. A marker is
 * claimed before sending, so a reminder is never sent twice (at most once, even across restarts
 * and instances). After a pause in which several stages fell due, only the latest is sent.
 */
export async function sendDueReminders(now = new Date()): Promise<number> {
  let sent = 0;
  for (const [id, deadline] of claimedHere) if (deadline <= now.getTime()) claimedHere.delete(id);
  for (const a of await articleRows()) {
    if (!a.mandatory || !isLive(a, now)) continue;
    const article = a as Article & { mandatory: NonNullable<Article['mandatory']> };
    const id = String(a._id);
    const { round } = article.mandatory;
    let stage: (typeof REMINDER_STAGES)[number] | null = null;
    for (const s of dueStages(article, now.getTime())) {
      const deadline = new Date(article.mandatory.deadline).getTime();
      if (await claim(`${id}:${round}:${s.key}`, deadline)) stage = s;
    }
    if (!stage) continue;
    const [members, acks] = await Promise.all([
      audienceMembers(a.audience),
      acksOfRound(id, round),
    ]);
    const pending = members.filter((p) => !acks.has(p));
    sent += await notify({
      userIds: pending,
      kind: 'news.reminder',
      params: { title: a.variants.de.title, count: stage.days },
      link: `/news/${id}`,
    });
  }
  return sent;
}

/** Runs `sendDueReminders` now and then every `intervalMs`; returns a stop function. */
export function startNewsReminders(intervalMs = 5 * 60_000): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    sendDueReminders()
      .catch((err: unknown) => logger.error({ err }, 'news reminders failed'))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** For tests that empty the database between cases. */
export function resetReminderMarkers(): void {
  claimedHere.clear();
}

/** How many markers this process remembers (tests: it must not grow without bound). */
export const rememberedReminderMarkers = (): number => claimedHere.size;
