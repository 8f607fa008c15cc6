import type { ReviewItemDTO, ReviewState } from '@shared/wiki/types';
import { HttpError, badRequest, forbidden } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import type { CurrentUser } from '../../auth/current-user';
import { audit } from '../../audit/audit.service';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { pageAccessIn, requirePage, viewerOf } from '../access';
import { PageModel, type Page } from '../page.model';
import { rememberPage, wikiIndex, type PageMeta } from '../page-index';
import type { PageChange } from '../wiki.events';
import { storedBody, writeBody } from './content.service';
import { createRevision } from './revision.service';

/**
 * The approval flow of spaces with `approvalRequired`: an editor submits the page's draft
 * (none|rejected → pending), a space admin who did not ask approves (→ none; published := the
 * draft at that moment, `approved` revision) or rejects with a comment (→ rejected). Every step
 * is a rev-guarded conditional update under the page's lock: of two decisions exactly one wins,
 * the other gets 409 `invalid_transition`.
 */

const invalidTransition = () =>
  new HttpError(409, 'invalid_transition', 'The review has already been decided or changed.');
const stale = () => new HttpError(409, 'stale_copy', 'The page changed meanwhile; reload it.');

type Decision = 'submit' | 'approve' | 'reject';
const FROM: Record<Decision, string[]> = {
  submit: ['none', 'rejected'],
  approve: ['pending'],
  reject: ['pending'],
};
const CHANGE: Record<Decision, PageChange> = {
  submit: 'review_requested',
  approve: 'review_approved',
  reject: 'review_rejected',
};

async function transition(
  user: CurrentUser,
  pageId: string,
  decision: Decision,
  input: { rev: number; comment?: string },
): Promise<PageMeta> {
  const access = await requirePage(user, pageId, decision === 'submit' ? 'edit' : 'read');
  if (!access.space.approvalRequired) throw badRequest('This space does not require approval.');
  if (decision !== 'submit' && !access.abilities.review) {
    // Already decided (no longer pending) is a lost race, not a missing right.
    if (access.page.review.state !== 'pending' && access.role === 'admin')
      throw invalidTransition();
    throw forbidden();
  }
  const now = new Date();
  const doc = await withKeyLock(`wiki-page:${pageId}`, async () => {
    const current = (await wikiIndex()).pages.get(pageId);
    if (!current || !FROM[decision].includes(current.review.state)) throw invalidTransition();
    if (current.rev !== input.rev) throw stale();
    const review =
      decision === 'submit'
        ? { state: 'pending', requestedBy: user.id, requestedAt: now, comment: null }
        : decision === 'approve'
          ? { state: 'none', requestedBy: null, requestedAt: null, comment: null }
          : { ...current.review, state: 'rejected', comment: input.comment ?? null };
    const set: Record<string, unknown> = { review };
    if (decision === 'approve') set.publishedAt = now;
    const updated = await PageModel.findOneAndUpdate(
      { _id: pageId, rev: input.rev, 'review.state': { $in: FROM[decision] as ReviewState[] } },
      { $set: set, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    ).lean<Page>();
    if (!updated) throw invalidTransition();
    if (decision === 'approve') {
      // Published := the draft as it is now.
      const body = await storedBody(pageId);
      if (body?.draft) {
        const rev = await createRevision(pageId, 'approved', user.id, { force: true });
        const published = { ...body.draft, revisionId: rev?.id ?? null, at: now };
        await writeBody(pageId, body.draft, published);
      }
    }
    return rememberPage(updated);
  });
  events.publish('wiki.page_changed', {
    pageId,
    spaceId: doc.spaceId,
    actorId: user.id,
    change: CHANGE[decision],
    accessChanged: false,
    treeChanged: false,
  });
  if (decision === 'approve') {
    events.publish('wiki.page_changed', {
      pageId,
      spaceId: doc.spaceId,
      actorId: user.id,
      change: 'published',
      accessChanged: false,
      treeChanged: false,
    });
  }
  if (decision !== 'submit') {
    await audit({
      action: `wiki.review_${decision === 'approve' ? 'approved' : 'rejected'}`,
      actorId: user.id,
      subjectType: 'wiki_page',
      subjectId: pageId,
      detail: { requestedBy: access.page.review.requestedBy, comment: input.comment ?? null },
    });
  }
  return doc;
}

export const submitReview = (u: CurrentUser, id: string, input: { rev: number }) =>
  transition(u, id, 'submit', input);
export const approveReview = (u: CurrentUser, id: string, input: { rev: number }) =>
  transition(u, id, 'approve', input);
export const rejectReview = (
  u: CurrentUser,
  id: string,
  input: { rev: number; comment?: string },
) => transition(u, id, 'reject', input);

/** Pages waiting for this person's decision (all in memory: the index holds every page). */
export async function myReviews(user: CurrentUser): Promise<ReviewItemDTO[]> {
  const [index, viewer] = await Promise.all([wikiIndex(), viewerOf(user)]);
  const waiting = [...index.pages.values()]
    .filter((p) => p.review.state === 'pending' && !p.archived)
    .map((p) => pageAccessIn(index, viewer, p.id))
    .filter((a): a is NonNullable<typeof a> => !!a && a.abilities.review)
    .sort(
      (a, b) =>
        (a.page.review.requestedAt?.getTime() ?? 0) - (b.page.review.requestedAt?.getTime() ?? 0),
    );
  const people = new Map(
    (await peopleFromDirectory(waiting.flatMap((a) => a.page.review.requestedBy ?? []))).map(
      (p) => [String(p._id), presentPersonRef(p)],
    ),
  );
  return waiting.map(({ page, space, ancestors }) => ({
    id: page.id,
    spaceId: space.id,
    spaceName: space.name,
    title: page.title,
    breadcrumbs: ancestors.map((a) => ({ id: a.id, title: a.title })),
    updatedAt: page.updatedAt.toISOString(),
    requestedBy: (page.review.requestedBy && people.get(page.review.requestedBy)) || null,
    requestedAt: (page.review.requestedAt ?? page.updatedAt).toISOString(),
    rev: page.rev,
  }));
}
