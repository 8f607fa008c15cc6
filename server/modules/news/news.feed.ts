import type { NewsSummaryDTO } from '@shared/news/types';
import type { CurrentUser } from '../auth/current-user';
import { newsViewer } from './news.access';
import { articleRows } from './news.read-model';
import { canReadAsReader, type NewsViewer } from './news.policy';
import { presentContext, presentSummary } from './news.presenter';
import { readerState } from './reader-state';

/** Live articles the viewer reads as a reader (audience applies to editors too here). */
export async function liveForViewer(viewer: NewsViewer, now = new Date()) {
  return (await articleRows()).filter((a) => canReadAsReader(viewer, a, now));
}

/** "News for me" on the start page: live and in the audience, pinned first, then newest. */
export async function newsForHome(
  user: CurrentUser,
  limit = 6,
  viewer?: NewsViewer,
): Promise<NewsSummaryDTO[]> {
  const v = viewer ?? (await newsViewer(user));
  const [rows, reader] = await Promise.all([liveForViewer(v), readerState(user.id)]);
  const page = rows.slice(0, limit);
  const ctx = await presentContext(v, page, reader);
  return page.map((a) => presentSummary(a, ctx));
}

/** Mandatory, live, current round not yet acknowledged by the viewer; earliest deadline first. */
export async function toAcknowledge(
  user: CurrentUser,
  limit = 50,
  viewer?: NewsViewer,
): Promise<NewsSummaryDTO[]> {
  const v = viewer ?? (await newsViewer(user));
  const [rows, reader] = await Promise.all([liveForViewer(v), readerState(user.id)]);
  const open = rows
    .filter((a) => {
      if (!a.mandatory) return false;
      const ack = reader.acks.get(String(a._id));
      return !ack || ack.round !== a.mandatory.round;
    })
    .sort(
      (a, b) =>
        new Date(a.mandatory?.deadline ?? 0).getTime() -
          new Date(b.mandatory?.deadline ?? 0).getTime() ||
        (String(a._id) < String(b._id) ? -1 : 1),
    )
    .slice(0, limit);
  const ctx = await presentContext(v, open, reader);
  return open.map((a) => presentSummary(a, ctx));
}
