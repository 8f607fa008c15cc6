import { describe, expect, it } from 'vitest';
import { recordAbilities } from './record.policy';

const person = 'p'.repeat(24);
const leader = 'l'.repeat(24);
const other = 'o'.repeat(24);

describe('recordAbilities', () => {
  const table: [string, { id: string; roles: string[] }, string[], boolean, boolean][] = [
    // who, viewer, chain leaders, view, inProgress (= selfAssessments)
    ['the person', { id: person, roles: ['employee'] }, [], true, true],
    ['the person who is also HR', { id: person, roles: ['employee', 'hr'] }, [], true, true],
    ['HR', { id: other, roles: ['employee', 'hr'] }, [], true, false],
    ['a chain leader', { id: leader, roles: ['employee'] }, [leader], true, false],
    ['a chain leader who is HR', { id: leader, roles: ['hr'] }, [leader], true, false],
    ['another employee', { id: other, roles: ['employee'] }, [leader], false, false],
    ['an administrator', { id: other, roles: ['employee', 'admin'] }, [leader], false, false],
    ['an editor', { id: other, roles: ['employee', 'editor'] }, [], false, false],
  ];
  it.each(table)('%s', (_, viewer, chainLeaders, view, own) => {
    expect(recordAbilities(viewer, person, chainLeaders)).toEqual({
      view,
      inProgress: own,
      selfAssessments: own,
    });
  });
});
