import type { CourseAbilities } from '@shared/learning/types';
import type { CourseStatus } from '@shared/learning/schemas';

/**
 * Who may do what in a course's discussion and announcements. Pure: the course abilities come
 * from `access.ts` (S1's course policy), the rest from the course and the viewer.
 *
 * - Read (threads and announcements): the course's `discuss` ability (enrolled learners,
 *   trainers, HR of a published course); an archived course stays readable (read-only) for its
 *   enrolled learners and authors.
 * - Ask / reply: `discuss` and the course not archived.
 * - Delete a thread or reply: its author (course not archived), or a trainer of the course / HR.
 * - Announce: the course's `announce` ability (trainers, HR; published courses).
 * - `byTrainer`: the item's author is a trainer of the course or HR now (at reading time).
 */
export interface DiscussionViewer {
  id: string;
}

export interface DiscussionFacts {
  abilities: Pick<CourseAbilities, 'view' | 'discuss' | 'announce'>;
  status: CourseStatus;
  enrolled: boolean;
  /** The viewer is a trainer of this course or HR. */
  author: boolean;
}

export function canReadDiscussion(f: DiscussionFacts): boolean {
  if (f.abilities.discuss) return true;
  return f.status === 'archived' && f.abilities.view && (f.enrolled || f.author);
}

export function canPostInDiscussion(f: DiscussionFacts): boolean {
  return f.abilities.discuss && f.status !== 'archived';
}

/** Posting would be allowed if the course were not archived (→ 409 `course_archived`). */
export function blockedByArchive(f: DiscussionFacts): boolean {
  return f.status === 'archived' && canReadDiscussion(f) && (f.enrolled || f.author);
}

export function canDeleteItem(
  viewer: DiscussionViewer,
  f: DiscussionFacts,
  item: { authorId: string },
): boolean {
  if (!canReadDiscussion(f)) return false;
  if (f.author) return true;
  return item.authorId === viewer.id && f.status !== 'archived';
}

export function canAnnounce(f: DiscussionFacts): boolean {
  return f.abilities.announce && f.status !== 'archived';
}

/** A trainer of the course or HR (decided when reading: someone named later counts). */
export function isTrainerVoice(
  person: { id: string; roles: readonly string[] },
  course: { trainerIds: readonly string[] },
): boolean {
  return person.roles.includes('hr') || course.trainerIds.includes(person.id);
}

export function threadAbilities(
  viewer: DiscussionViewer,
  f: DiscussionFacts,
  thread: { authorId: string },
): { reply: boolean; delete: boolean } {
  return { reply: canPostInDiscussion(f), delete: canDeleteItem(viewer, f, thread) };
}

export function replyAbilities(
  viewer: DiscussionViewer,
  f: DiscussionFacts,
  reply: { authorId: string },
): { delete: boolean } {
  return { delete: canDeleteItem(viewer, f, reply) };
}
