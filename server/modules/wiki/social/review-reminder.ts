import { logger } from '../../../lib/logger';
import { withKeyLock } from '../../../lib/keyed-lock';
import { notify } from '../../notifications/notifications.service';
import { pageReaders } from '../access';
import { PageModel, type Page } from '../page.model';
import { rememberPage, wikiIndex } from '../page-index';
import { pageLink } from './social.notifications';

const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today as an ISO day in the city's time zone. */
export const todayInBerlin = (now = new Date()) => berlinDay.format(now);

let running: Promise<number> | null = null;

/**
 * Reminds page owners whose review date has come, once per review date: the page's
 * `reviewRemindedFor` moves to its `reviewBy` in one conditional update, and only the run whose
 * update matched sends (serialised per page here; the condition guards other instances).
 * Returns how many reminders were sent.
 */
export function remindDueReviews(today = todayInBerlin()): Promise<number> {
  running ??= sweep(today).finally(() => {
    running = null;
  });
  return running;
}

async function sweep(today: string): Promise<number> {
  const index = await wikiIndex();
  const due = [...index.pages.values()].filter(
    (p) =>
      p.reviewBy !== null &&
      p.reviewBy <= today &&
      p.reviewRemindedFor !== p.reviewBy &&
      !p.archived &&
      !p.isTemplate,
  );
  let sent = 0;
  for (const page of due) {
    const claimed = await withKeyLock(`wiki-review-reminder:${page.id}`, async () => {
      const doc = await PageModel.findOneAndUpdate(
        { _id: page.id, reviewBy: page.reviewBy, reviewRemindedFor: page.reviewRemindedFor },
        { $set: { reviewRemindedFor: page.reviewBy } },
        // No rev bump and no updatedAt: a reminder is not an edit of the page.
        { returnDocument: 'after', timestamps: false },
      ).lean<Page>();
      if (doc) rememberPage(doc);
      return doc;
    });
    if (!claimed?.ownerId) continue;
    const owner = String(claimed.ownerId);
    const [reader] = await pageReaders(page.id, [owner]);
    if (!reader) continue;
    await notify({
      userId: reader,
      kind: 'wiki.review_due',
      params: { title: claimed.title, reviewBy: claimed.reviewBy ?? today },
      link: pageLink(page.id),
    });
    sent += 1;
  }
  return sent;
}

/** Once an hour (first after a minute). Returns a stop function. */
export function startWikiReviewReminders(everyMs = 60 * 60_000): () => void {
  const run = () => {
    remindDueReviews().catch((err: unknown) =>
      logger.warn({ err }, 'wiki review reminders failed'),
    );
  };
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
