import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import type { NewsStatus } from '@shared/news/schemas';
import type { Role } from '@shared/people/roles';
import {
  canReadArticle,
  canViewDashboard,
  canWriteNews,
  newsAbilities,
  type NewsViewer,
  type PolicyArticle,
} from './news.policy';

const unitA = new Types.ObjectId().toString();
const unitB = new Types.ObjectId().toString();
const channel = new Types.ObjectId().toString();
const other = new Types.ObjectId().toString();
const authorId = new Types.ObjectId().toString();
const now = new Date('2026-03-01T10:00:00Z');
const past = new Date('2026-02-01T10:00:00Z');
const future = new Date('2026-04-01T10:00:00Z');

type Who = 'employee' | 'editor' | 'admin' | 'officeEditor' | 'otherOfficeEditor' | 'author';

function viewer(who: Who, inAudience: boolean): NewsViewer {
  const roles: Role[] = who === 'editor' ? ['editor'] : who === 'admin' ? ['admin'] : ['employee'];
  const id = who === 'author' ? authorId : new Types.ObjectId().toString();
  const unit = inAudience ? unitA : unitB;
  const editorOf = new Set(
    who === 'officeEditor' || who === 'author'
      ? [channel]
      : who === 'otherOfficeEditor'
        ? [other]
        : [],
  );
  return {
    user: { id, roles },
    subject: { id, unitId: unit, unitChain: [unit], roles, locationId: null, isManager: false },
    editorOf,
  };
}

type State = NewsStatus | 'expired';
function article(state: State, extra: Partial<PolicyArticle> = {}): PolicyArticle {
  const status: NewsStatus = state === 'expired' ? 'published' : state;
  return {
    channelId: channel,
    status,
    authorId,
    audience: { units: [{ unitId: unitA, withSubunits: false }], roles: [], locationIds: [] },
    publishedAt: status === 'published' ? past : null,
    expiresAt: state === 'expired' ? past : future,
    mandatory: { deadline: future, round: 1 },
    allowComments: true,
    allowReactions: true,
    approval: state === 'review' ? { requestedById: authorId } : null,
    ...extra,
  };
}

const states: State[] = ['draft', 'review', 'scheduled', 'published', 'expired', 'archived'];
const everyone: Who[] = [
  'employee',
  'editor',
  'admin',
  'officeEditor',
  'otherOfficeEditor',
  'author',
];
const canEdit = (w: Who) =>
  w === 'editor' || w === 'admin' || w === 'officeEditor' || w === 'author';

describe('news policy table', () => {
  for (const who of everyone) {
    for (const state of states) {
      for (const inAud of [true, false]) {
        it(`${who} · ${state} · ${inAud ? 'in' : 'outside'} audience`, () => {
          const v = viewer(who, inAud);
          const a = article(state);
          const ab = newsAbilities(v, a, { requiresApproval: false }, null, now);
          const live = state === 'published';
          // Read: live + audience, or anyone who edits in the channel (author included).
          expect(canReadArticle(v, a, now)).toBe((live && inAud) || canEdit(who));
          expect(ab.update).toBe(canEdit(who));
          expect(ab.publish).toBe(
            canEdit(who) && ['draft', 'scheduled', 'archived'].includes(state),
          );
          expect(ab.unpublish).toBe(
            canEdit(who) && ['published', 'expired', 'scheduled'].includes(state),
          );
          expect(ab.delete).toBe(canEdit(who) && state === 'draft');
          expect(ab.submit).toBe(false); // channel without approval
          expect(ab.approve).toBe(canEdit(who) && who !== 'author' && state === 'review');
          expect(ab.comment).toBe(live && (inAud || canEdit(who)));
          expect(ab.react).toBe(live && (inAud || canEdit(who)));
          expect(ab.acknowledge).toBe(live && inAud);
          expect(ab.moderate).toBe(canEdit(who));
          expect(ab.viewDashboard).toBe(canEdit(who));
          expect(ab.viewHistory).toBe(canEdit(who));
        });
      }
    }
  }
});

describe('news policy details', () => {
  it('with approval: submit instead of publish; the submitter may not approve', () => {
    const ed = viewer('editor', true);
    const draft = newsAbilities(ed, article('draft'), { requiresApproval: true }, null, now);
    expect(draft).toMatchObject({ submit: true, publish: false });
    const submitted = article('review', {
      approval: { requestedById: ed.user.id },
      authorId: other,
    });
    expect(newsAbilities(ed, submitted, { requiresApproval: true }, null, now).approve).toBe(false);
    const admin = viewer('admin', false);
    expect(newsAbilities(admin, submitted, { requiresApproval: true }, null, now).approve).toBe(
      true,
    );
  });

  it('comments and reactions follow the article switches; not before publishedAt', () => {
    const v = viewer('employee', true);
    const a = article('published', { allowComments: false, allowReactions: false });
    expect(newsAbilities(v, a, null, null, now)).toMatchObject({ comment: false, react: false });
    const early = article('published', { publishedAt: future });
    expect(canReadArticle(v, early, now)).toBe(false);
  });

  it('dashboard only for mandatory articles; writing only for editors', () => {
    expect(
      canViewDashboard(viewer('editor', true), article('published', { mandatory: null })),
    ).toBe(false);
    expect(canWriteNews(viewer('employee', true))).toBe(false);
    expect(canWriteNews(viewer('otherOfficeEditor', false))).toBe(true);
    expect(canWriteNews(viewer('admin', false))).toBe(true);
  });

  it('an author who is no longer an office editor still sees it but cannot edit', () => {
    const v = { ...viewer('author', false), editorOf: new Set<string>() };
    const ab = newsAbilities(v, article('draft'), null, null, now);
    expect(canReadArticle(v, article('draft'), now)).toBe(true);
    expect(ab).toMatchObject({ update: false, publish: false, viewHistory: true });
  });
});
