import { describe, expect, it } from 'vitest';
import { canSeeDecided, mayReviewDecisions, type RegistrationFacts } from './registration.policy';

const v = (id: string, hr = false) => ({ id, roles: hr ? ['employee', 'hr'] : ['employee'] });
const f: RegistrationFacts = {
  personId: 'emp',
  status: 'confirmed',
  primary: 'boss',
  effective: 'boss',
  chainLeaders: ['boss', 'top'],
  courseTrainerIds: ['tr'],
  sessionTrainerIds: [],
};

describe('decided registrations list', () => {
  it('HR, leaders and leaders’ deputies may open it; others may not', () => {
    const none = { leadsUnits: false, deputyOfLeader: false };
    expect(mayReviewDecisions(v('hr', true), none)).toBe(true);
    expect(mayReviewDecisions(v('boss'), { ...none, leadsUnits: true })).toBe(true);
    expect(mayReviewDecisions(v('dep'), { ...none, deputyOfLeader: true })).toBe(true);
    expect(mayReviewDecisions(v('emp'), none)).toBe(false);
  });

  it('shows HR everything, managers their people and what they decided, never trainers or strangers', () => {
    expect(canSeeDecided(v('hr', true), f, [])).toBe(true);
    expect(canSeeDecided(v('boss'), f, [])).toBe(true);
    expect(canSeeDecided(v('top'), f, [])).toBe(true);
    expect(canSeeDecided(v('dep'), { ...f, effective: 'dep' }, [])).toBe(true);
    expect(canSeeDecided(v('dep'), f, ['emp', 'dep'])).toBe(true);
    expect(canSeeDecided(v('dep'), f, ['emp'])).toBe(false);
    expect(canSeeDecided(v('tr'), f, [])).toBe(false);
    expect(canSeeDecided(v('emp'), f, ['emp'])).toBe(false);
  });
});
