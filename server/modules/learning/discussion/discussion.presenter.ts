import type { PersonRef } from '@shared/people/types';
import type { AnnouncementDTO, ReplyDTO, ThreadDTO } from '@shared/learning/types';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import {
  isTrainerVoice,
  replyAbilities,
  threadAbilities,
  type DiscussionFacts,
  type DiscussionViewer,
} from './discussion.policy';
import type { StoredAnnouncement } from './announcement.model';
import type { StoredReply, StoredThread } from './thread.model';

/** Everything presenting needs besides the items: who looks, what they may do, who is who. */
export interface DiscussionContext {
  viewer: DiscussionViewer;
  facts: DiscussionFacts;
  course: { id: string; trainerIds: readonly string[] };
  people: Map<string, { ref: PersonRef; roles: readonly string[] }>;
}

/** The authors of these items from the directory (memory). */
export async function peopleOf(
  ids: Iterable<string>,
): Promise<Map<string, { ref: PersonRef; roles: readonly string[] }>> {
  const people = await peopleFromDirectory([...new Set(ids)]);
  return new Map(
    people.map((p) => [String(p._id), { ref: presentPersonRef(p), roles: p.roles ?? [] }]),
  );
}

export const authorIdsOf = (threads: StoredThread[]): string[] =>
  threads.flatMap((t) => [t.authorId, ...t.replies.map((r) => r.authorId)]);

function voiceOf(ctx: DiscussionContext, personId: string) {
  const person = ctx.people.get(personId);
  return {
    author: person?.ref ?? null,
    byTrainer: isTrainerVoice({ id: personId, roles: person?.roles ?? [] }, ctx.course),
  };
}

export function presentReply(r: StoredReply, ctx: DiscussionContext): ReplyDTO {
  return {
    id: r.id,
    ...voiceOf(ctx, r.authorId),
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    abilities: replyAbilities(ctx.viewer, ctx.facts, r),
  };
}

export function presentThread(t: StoredThread, ctx: DiscussionContext): ThreadDTO {
  const replies = t.replies.filter((r) => !r.deletedAt).map((r) => presentReply(r, ctx));
  const voice = voiceOf(ctx, t.authorId);
  return {
    id: t._id,
    courseId: t.courseId,
    title: t.title,
    body: t.body,
    ...voice,
    createdAt: t.createdAt.toISOString(),
    lastActivityAt: t.lastActivityAt.toISOString(),
    // Answered: a trainer (not the asker themself) replied.
    answered: replies.some((r) => r.byTrainer && r.author?.id !== t.authorId),
    replies,
    abilities: threadAbilities(ctx.viewer, ctx.facts, t),
  };
}

export function presentAnnouncement(
  a: StoredAnnouncement,
  people: DiscussionContext['people'],
): AnnouncementDTO {
  return {
    id: a._id,
    courseId: a.courseId,
    title: a.title,
    body: a.body,
    author: people.get(a.authorId)?.ref ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}
