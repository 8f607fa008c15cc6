import type { Realtime } from '../../realtime';
import { events } from '../../lib/events';
import { directoryRows, peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import type { AudienceSubject } from '../org/audience';
import { channelById } from './channel.service';
import { canListComments } from './comment.policy';
import { officeIdOf } from './dashboard.service';
import { canViewDashboard, type NewsViewer } from './news.policy';
import { articleById } from './news.read-model';
import { registerNewsWatch, toWatchers } from './news.watch';

/** Who may view an article's dashboard: editors, admins and the channel's editors (policy). */
async function dashboardViewers(articleId: string): Promise<string[]> {
  const article = await articleById(articleId);
  if (!article) return [];
  const [rows, channel] = await Promise.all([
    directoryRows(),
    channelById(String(article.channelId)),
  ]);
  const channelEditors = new Set((channel?.editorIds ?? []).map(String));
  const candidates = rows.filter(
    (r) =>
      r.active &&
      (channelEditors.has(r.id) || r.roles.includes('editor') || r.roles.includes('admin')),
  );
  // The dashboard right does not depend on the audience: a subject without org data suffices.
  const subject = (id: string, roles: string[]): AudienceSubject => ({
    id,
    unitId: null,
    unitChain: [],
    roles,
    locationId: null,
    isManager: false,
  });
  return candidates
    .filter((r) => {
      const viewer: NewsViewer = {
        user: { id: r.id, roles: r.person.roles ?? [] },
        subject: subject(r.id, r.roles),
        editorOf: channelEditors.has(r.id) ? new Set([String(article.channelId)]) : new Set(),
      };
      return canViewDashboard(viewer, article);
    })
    .map((r) => r.id);
}

/**
 * Live comments, reactions and acknowledgements (one line in `modules/subscribers.ts`).
 * Returns an unsubscribe.
 */
export function registerNewsEngagement(realtime: Realtime): () => void {
  const offs = [
    registerNewsWatch(realtime),
    events.on('news.comment', ({ articleId, comment, commentCount }) =>
      toWatchers(realtime, articleId, canListComments, 'news:comment', {
        articleId,
        comment,
        commentCount,
      }),
    ),
    events.on('news.reactions', ({ articleId, reactions }) =>
      toWatchers(realtime, articleId, (_v, a) => a.allowReactions, 'news:reactions', {
        articleId,
        reactions,
      }),
    ),
    events.on('news.acknowledged', async ({ articleId, round, personId, at }) => {
      const [[person], recipients] = await Promise.all([
        peopleFromDirectory([personId]),
        dashboardViewers(articleId),
      ]);
      if (!person) return;
      const officeId = await officeIdOf(person.unitId ? String(person.unitId) : null);
      const payload = {
        articleId,
        round,
        officeId,
        person: presentPersonRef(person),
        at: at.toISOString(),
      };
      for (const id of recipients) realtime.toUser(id, 'news:acknowledged', payload);
    }),
  ];
  return () => offs.forEach((off) => off());
}
