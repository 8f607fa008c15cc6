import type { Realtime } from '../../realtime';
import { userRoom } from '../../realtime';
import { events } from '../../lib/events';
import { logger } from '../../lib/logger';
import { directoryRows } from '../people/directory-index';
import { audienceMatcher, audienceMembers } from '../org/audience';
import { notify } from '../notifications/notifications.service';
import type { Article } from './article.model';
import type { NewsChangedEvent } from './news.events';
import { allChannels } from './channel.service';
import { isLive, isNewsEditor, type NewsViewer } from './news.policy';
import { presentContext, presentSummary } from './news.presenter';
import { articleById } from './news.read-model';

/** Rooms per emit: one `io.to([...])` call reaches many people at once, on every instance. */
const CHUNK = 1000;

async function visibleTo(a: Article | null, now: Date): Promise<Set<string>> {
  if (!a || !isLive(a, now)) return new Set();
  return new Set(await audienceMembers(a.audience));
}

/** Who in `ids` may edit in the article's channel (they get their own presentation). */
async function editorsAmong(ids: Set<string>, channelId: string): Promise<Map<string, NewsViewer>> {
  const [rows, channels, matcher] = await Promise.all([
    directoryRows(),
    allChannels(),
    audienceMatcher(),
  ]);
  const editorOf = new Map<string, Set<string>>();
  for (const c of channels) {
    for (const e of c.editorIds) {
      const set = editorOf.get(String(e)) ?? new Set<string>();
      set.add(String(c._id));
      editorOf.set(String(e), set);
    }
  }
  const out = new Map<string, NewsViewer>();
  for (const row of rows) {
    if (!ids.has(row.id)) continue;
    const user = { id: row.id, roles: row.person.roles ?? [] };
    const own = editorOf.get(row.id) ?? new Set<string>();
    if (!isNewsEditor(user) && !own.has(channelId)) continue;
    out.set(row.id, {
      user,
      subject: matcher.subjectOfRow(row),
      editorOf: own,
    });
  }
  return out;
}

function emit(ids: string[], send: (rooms: string[]) => void) {
  for (let i = 0; i < ids.length; i += CHUNK) send(ids.slice(i, i + CHUNK).map(userRoom));
}

/** Live updates of feeds: `news:upsert` to those who see the article, `news:removed` to those who no longer do. */
export async function deliverNewsChange(realtime: Realtime, e: NewsChangedEvent): Promise<void> {
  const now = new Date();
  // An expiry is announced after the fact: who saw it is who saw it just before it ended.
  const beforeAt =
    e.action === 'expired' && e.before?.expiresAt
      ? new Date(e.before.expiresAt.getTime() - 1)
      : now;
  // Subscribers run asynchronously: by now a later write may have narrowed the audience or taken
  // the article down. Nobody gets an upsert they would not get from the current state, and
  // nobody who sees the current state loses it to a late removal.
  const current = await articleById(e.articleId);
  const [before, afterThen, visibleNow] = await Promise.all([
    visibleTo(e.before, beforeAt),
    visibleTo(e.after, now),
    visibleTo(current, now),
  ]);
  const after = new Set([...afterThen].filter((id) => visibleNow.has(id)));
  const removed = [...before].filter((id) => !after.has(id) && !visibleNow.has(id));
  emit(removed, (rooms) => realtime.io.to(rooms).emit('news:removed', { id: e.articleId }));
  if (!e.after || !current || after.size === 0) return;
  // Present the newest state (the event's own may already be outdated).
  const a = current.rev >= e.after.rev ? current : e.after;
  const editors = await editorsAmong(after, String(a.channelId));
  // One presentation for every plain reader (no personal read state: the client keeps its own).
  const reader: NewsViewer = {
    user: { id: '', roles: ['employee'] },
    subject: {
      id: '',
      unitId: null,
      unitChain: [],
      roles: ['employee'],
      locationId: null,
      isManager: false,
    },
    editorOf: new Set(),
  };
  const plainCtx = await presentContext(reader, [a], null);
  // Audience is settled above: present as a member would see it.
  const article = presentSummary(
    { ...a, audience: { units: [], roles: [], locationIds: [] } },
    plainCtx,
  );
  article.audience = null;
  const readers = [...after].filter((id) => !editors.has(id));
  emit(readers, (rooms) => realtime.io.to(rooms).emit('news:upsert', { article }));
  for (const [id, viewer] of editors) {
    const ctx = await presentContext(viewer, [a], null);
    realtime.toUser(id, 'news:upsert', { article: presentSummary(a, ctx) });
  }
}

/** Mandatory articles: everyone in the audience is notified when it goes live or asks again. */
export async function notifyMandatory(e: NewsChangedEvent): Promise<void> {
  const a = e.after;
  if (!a?.mandatory) return;
  const now = new Date();
  const wentLive = isLive(a, now) && !(e.before && isLive(e.before, now));
  const again = e.newRound && isLive(a, now);
  if (!wentLive && !again) return;
  // Only people in the audience of the event AND of the current state (see deliverNewsChange).
  const current = await articleById(e.articleId);
  if (!current?.mandatory || !isLive(current, now)) return;
  const [then, members] = await Promise.all([
    audienceMembers(a.audience),
    audienceMembers(current.audience),
  ]);
  const stillIn = new Set(members);
  const ids = then.filter((id) => stillIn.has(id));
  await notify({
    userIds: ids,
    // Switched on for a live article counts like going live; a material edit asks again.
    kind: wentLive || !e.before?.mandatory ? 'news.mandatory' : 'news.reacknowledge',
    params: { title: a.variants.de.title, deadline: new Date(a.mandatory.deadline).toISOString() },
    link: `/news/${String(a._id)}`,
  });
}

/** Subscribes news realtime and notifications to `news.changed`; returns an unsubscribe. */
export function registerNewsRealtime(realtime: Realtime): () => void {
  return events.on('news.changed', async (e) => {
    await Promise.all([
      deliverNewsChange(realtime, e).catch((err: unknown) =>
        logger.warn({ err }, 'news live update failed'),
      ),
      notifyMandatory(e).catch((err: unknown) => logger.warn({ err }, 'news notification failed')),
    ]);
  });
}
