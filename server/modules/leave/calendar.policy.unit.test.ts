import { describe, expect, it } from 'vitest';
import {
  canOpenCalendar,
  canSeeLeaveType,
  canWatchCalendar,
  type CalendarViewer,
} from './calendar.policy';

// Office O with departments A and B; A has a team T.
const O = 'o';
const A = [O, 'a'];
const T = [O, 'a', 't'];
const B = [O, 'b'];
const viewer = (v: Partial<CalendarViewer>): CalendarViewer => ({
  id: 'v',
  unitId: null,
  leads: [],
  hr: false,
  ...v,
});

describe('calendar policy', () => {
  const member = viewer({ unitId: 'a' });
  const leaderA = viewer({ unitId: 'a', leads: ['a'] });
  const head = viewer({ unitId: O, leads: [O] });
  const hr = viewer({ unitId: 'b', hr: true });
  const other = viewer({ unitId: 'x' });

  it.each([
    ['member, own unit', member, A, false, true],
    ['member, own unit with sub-units', member, A, true, false],
    ['member, sub-unit', member, T, false, false],
    ['member, sibling unit', member, B, false, false],
    ['member, office', member, [O], false, false],
    ['leader, own unit with sub-units', leaderA, A, true, true],
    ['leader, unit below', leaderA, T, true, true],
    ['leader, sibling unit', leaderA, B, false, false],
    ['office head, any department', head, B, true, true],
    ['HR, any unit', hr, T, true, true],
    ['other office', other, A, false, false],
  ])('%s', (_name, v, chain, subtree, expected) => {
    expect(canOpenCalendar(v, chain, subtree)).toBe(expected);
  });

  it('watching follows opening without sub-units', () => {
    expect(canWatchCalendar(member, A)).toBe(true);
    expect(canWatchCalendar(member, B)).toBe(false);
    expect(canWatchCalendar(other, A)).toBe(false);
    expect(canWatchCalendar(head, T)).toBe(true);
  });

  it('shows the type to the person, HR and leaders of their chain only', () => {
    expect(canSeeLeaveType(member, 'someone', A)).toBe(false);
    expect(canSeeLeaveType(member, 'v', A)).toBe(true);
    expect(canSeeLeaveType(leaderA, 'someone', T)).toBe(true);
    expect(canSeeLeaveType(leaderA, 'someone', B)).toBe(false);
    expect(canSeeLeaveType(head, 'someone', B)).toBe(true);
    expect(canSeeLeaveType(hr, 'someone', A)).toBe(true);
  });
});
