import { describe, expect, it } from 'vitest';
import { assigneeIssues, berlinToday, isOverdue, taskAbilities } from './tasks.policy';

const room = (contribute: boolean, moderate: boolean) => ({ contribute, moderate });

describe('task policy', () => {
  it.each([
    // contribute, moderate, creator?, → edit, move, delete
    [true, false, true, { edit: true, move: true, delete: true }],
    [true, false, false, { edit: true, move: true, delete: false }],
    [true, true, false, { edit: true, move: true, delete: true }],
    [false, false, true, { edit: false, move: false, delete: false }],
    [false, true, false, { edit: false, move: false, delete: false }],
  ])('contribute %s, moderate %s, creator %s', (contribute, moderate, creator, expected) => {
    expect(taskAbilities(room(contribute, moderate), 'me', creator ? 'me' : 'other')).toEqual(
      expected,
    );
  });

  it('names each assignee who is not a member by index', () => {
    const members = new Set(['a', 'c']);
    expect(
      assigneeIssues(['a', 'b', 'c', 'd'], (id) => members.has(id)).map((i) => i.path),
    ).toEqual(['assigneeIds.1', 'assigneeIds.3']);
    expect(assigneeIssues(['a'], (id) => members.has(id))).toEqual([]);
  });

  it('overdue: due before today and not done', () => {
    expect(isOverdue({ due: '2024-05-01', status: 'todo' }, '2024-05-02')).toBe(true);
    expect(isOverdue({ due: '2024-05-02', status: 'doing' }, '2024-05-02')).toBe(false);
    expect(isOverdue({ due: '2024-05-01', status: 'done' }, '2024-05-02')).toBe(false);
    expect(isOverdue({ due: null, status: 'todo' }, '2024-05-02')).toBe(false);
  });

  it("today is Berlin's calendar day", () => {
    expect(berlinToday(new Date('2024-05-01T22:30:00Z'))).toBe('2024-05-02');
    expect(berlinToday(new Date('2024-12-31T22:59:00Z'))).toBe('2024-12-31');
  });
});
