import type { NewsAbilities } from '@shared/news/types';
import type { Audience } from '@shared/org/audience';
import type { NewsStatus } from '@shared/news/schemas';
import { hasRole, type CurrentUser } from '../auth/current-user';
import { inAudience, type AudienceSubject } from '../org/audience';

/**
 * Who may do what with news. Pure functions over plain data; every news permission is decided here.
 *
 * - Editors (role `editor`) and admins write, publish and moderate in every channel; a channel's
 *   `editorIds` ("office editors") in that channel only.
 * - Readers see an article when it is live (published, `publishedAt` reached, not expired) and they
 *   are in its audience. Authors and those who may edit in its channel see it in every state.
 * - With `requiresApproval`, an article goes draft → review (submit) and a different person with
 *   publishing rights approves; nobody approves an article they wrote or submitted.
 */
export interface NewsViewer {
  user: Pick<CurrentUser, 'id' | 'roles'>;
  subject: AudienceSubject;
  /** Channels in which the viewer is an office editor. */
  editorOf: ReadonlySet<string>;
}

/** The article fields the policy looks at (the stored document satisfies it). */
export interface PolicyArticle {
  channelId: { toString(): string };
  status: NewsStatus;
  authorId: { toString(): string };
  audience: Audience;
  publishedAt: Date | null;
  expiresAt: Date | null;
  mandatory: { deadline: Date; round: number } | null;
  allowComments: boolean;
  allowReactions: boolean;
  approval: { requestedById: { toString(): string } } | null;
}

export interface PolicyChannel {
  requiresApproval: boolean;
}

export const isNewsEditor = (user: Pick<CurrentUser, 'roles'>) =>
  hasRole(user, 'editor') || hasRole(user, 'admin');

/** May write and publish in this channel. */
export const canEditInChannel = (viewer: NewsViewer, channelId: string) =>
  isNewsEditor(viewer.user) || viewer.editorOf.has(channelId);

/** May write in at least one channel (create, editor lists, "preview as"). */
export const canWriteNews = (viewer: NewsViewer) =>
  isNewsEditor(viewer.user) || viewer.editorOf.size > 0;

/** Manage channels (create, rename, appoint office editors). */
export const canManageChannels = (user: Pick<CurrentUser, 'roles'>) => isNewsEditor(user);

export function isLive(a: PolicyArticle, now: Date = new Date()): boolean {
  return (
    a.status === 'published' &&
    a.publishedAt !== null &&
    a.publishedAt.getTime() <= now.getTime() &&
    (a.expiresAt === null || a.expiresAt.getTime() > now.getTime())
  );
}

export const isExpired = (a: PolicyArticle, now: Date = new Date()) =>
  a.status === 'published' && a.expiresAt !== null && a.expiresAt.getTime() <= now.getTime();

const isAuthor = (viewer: NewsViewer, a: PolicyArticle) => String(a.authorId) === viewer.user.id;

/** Sees the article as an editor does (every state, the audience rules, history). */
export const canManageArticle = (viewer: NewsViewer, a: PolicyArticle) =>
  canEditInChannel(viewer, String(a.channelId)) || isAuthor(viewer, a);

/** Sees it as a reader: live and in the audience. */
export const canReadAsReader = (viewer: NewsViewer, a: PolicyArticle, now = new Date()) =>
  isLive(a, now) && inAudience(a.audience, viewer.subject);

export const canReadArticle = (viewer: NewsViewer, a: PolicyArticle, now = new Date()) =>
  canReadAsReader(viewer, a, now) || canManageArticle(viewer, a);

/** Hide and delete comments. */
export const canModerate = (viewer: NewsViewer, a: PolicyArticle) =>
  canEditInChannel(viewer, String(a.channelId));

/** The acknowledgement dashboard of a mandatory article. */
export const canViewDashboard = (viewer: NewsViewer, a: PolicyArticle) =>
  a.mandatory !== null && canEditInChannel(viewer, String(a.channelId));

export function newsAbilities(
  viewer: NewsViewer,
  a: PolicyArticle,
  channel: PolicyChannel | null,
  _state?: unknown,
  now: Date = new Date(),
): NewsAbilities {
  const edit = canEditInChannel(viewer, String(a.channelId));
  const approval = channel?.requiresApproval ?? false;
  const live = isLive(a, now);
  const reader = canReadAsReader(viewer, a, now);
  const readable = reader || canManageArticle(viewer, a);
  const ownWork =
    isAuthor(viewer, a) ||
    (a.approval !== null && String(a.approval.requestedById) === viewer.user.id);
  return {
    update: edit,
    submit: edit && approval && (a.status === 'draft' || a.status === 'archived'),
    approve: edit && a.status === 'review' && !ownWork,
    publish: edit && !approval && ['draft', 'scheduled', 'archived'].includes(a.status),
    unpublish: edit && (a.status === 'published' || a.status === 'scheduled'),
    delete: edit && a.status === 'draft',
    comment: readable && live && a.allowComments,
    react: readable && live && a.allowReactions,
    // Only members of the audience count towards completion (and may confirm, repeatedly: idempotent).
    acknowledge: reader && a.mandatory !== null,
    moderate: canModerate(viewer, a),
    viewDashboard: canViewDashboard(viewer, a),
    viewHistory: canManageArticle(viewer, a),
  };
}

/** Channel abilities for the channel DTO. */
export function channelAbilities(
  viewer: Pick<NewsViewer, 'user' | 'editorOf'>,
  channelId: string,
): { update: boolean; publish: boolean } {
  return {
    update: canManageChannels(viewer.user),
    publish: isNewsEditor(viewer.user) || viewer.editorOf.has(channelId),
  };
}
