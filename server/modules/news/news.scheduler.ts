import { logger } from '../../lib/logger';
import type { Article } from './article.model';
import { articleRows } from './news.read-model';
import {
  articleBody,
  guardedUpdate,
  publishChange,
  withHistory,
  writeRevision,
} from './news.write';

/**
 * Publishes scheduled articles when due and announces expiries once. Runs every 15 s and at
 * start; every step is a guarded update, so several instances (or a manual publish racing the
 * scheduler) still publish each article exactly once.
 */
export async function runNewsSchedule(
  now = new Date(),
): Promise<{ published: number; expired: number }> {
  const rows = await articleRows();
  let published = 0;
  let expired = 0;
  const due = rows.filter((a) => a.status === 'scheduled' && (!a.publishAt || a.publishAt <= now));
  for (const a of due) if (await publishDue(a, now)) published += 1;
  const ended = rows.filter(
    (a) => a.status === 'published' && a.expiresAt && a.expiresAt <= now && !a.expiryAnnounced,
  );
  for (const a of ended) {
    const after = await guardedUpdate(
      a,
      { status: 'published', expiryAnnounced: false },
      { expiryAnnounced: true },
    );
    if (after) {
      expired += 1;
      publishChange('expired', null, a, after);
    }
  }
  return { published, expired };
}

async function publishDue(a: Article, now: Date): Promise<boolean> {
  const rev = a.rev + 1;
  const publishedAt = a.publishAt && a.publishAt < now ? a.publishAt : now;
  const after = await guardedUpdate(
    a,
    { status: 'scheduled', rev: a.rev },
    {
      status: 'published',
      publishedAt,
      rev,
      history: withHistory(a, {
        rev,
        at: now,
        byId: null,
        action: 'published',
        material: false,
        note: '',
      }),
    },
  );
  if (!after) return false;
  await writeRevision(after, await articleBody(after), 'published', null);
  publishChange('published', null, a, after);
  return true;
}

/** Starts the periodic run; returns a stop function. */
export function startNewsScheduler(intervalMs = 15_000): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runNewsSchedule()
      .catch((err: unknown) => logger.warn({ err }, 'news schedule failed'))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
