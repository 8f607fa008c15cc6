import { describe, expect, it } from 'vitest';
import { taskStatuses, type TaskStatus } from './schemas';
import {
  boardOf,
  insertTask,
  keyboardMove,
  moveTask,
  removeTask,
  replaceTask,
  type Board,
  type BoardTask,
} from './task-board';

type T = BoardTask & { title: string };
const t = (id: string, status: TaskStatus, order: number): T => ({ id, status, order, title: id });
const ids = (b: Board<T>) => ({
  todo: b.todo.map((x) => x.id),
  doing: b.doing.map((x) => x.id),
  done: b.done.map((x) => x.id),
});
const gapless = (b: Board<T>) =>
  taskStatuses.every((s) => b[s].every((x, i) => x.order === i && x.status === s));

const sample = () =>
  boardOf<T>([
    t('a', 'todo', 0),
    t('b', 'todo', 1),
    t('c', 'todo', 2),
    t('d', 'doing', 0),
    t('e', 'done', 0),
  ]);

describe('task board', () => {
  it('groups by column and sorts by order (ties by id)', () => {
    const b = boardOf<T>([
      t('z', 'todo', 1),
      t('y', 'todo', 1),
      t('x', 'todo', 0),
      t('w', 'done', 5),
    ]);
    expect(ids(b)).toEqual({ todo: ['x', 'y', 'z'], doing: [], done: ['w'] });
  });

  it('moves within a column and renumbers', () => {
    const { board, changed } = moveTask(sample(), { taskId: 'a', status: 'todo', index: 2 });
    expect(changed).toBe(true);
    expect(ids(board).todo).toEqual(['b', 'c', 'a']);
    expect(gapless(board)).toBe(true);
  });

  it('moves to another column at a position, renumbering source and target', () => {
    const { board } = moveTask(sample(), { taskId: 'b', status: 'doing', index: 0 });
    expect(ids(board)).toEqual({ todo: ['a', 'c'], doing: ['b', 'd'], done: ['e'] });
    expect(board.doing[0]).toMatchObject({ id: 'b', status: 'doing', order: 0 });
    expect(gapless(board)).toBe(true);
  });

  it('clamps an index past the end to the end', () => {
    const { board } = moveTask(sample(), { taskId: 'a', status: 'done', index: 99 });
    expect(ids(board).done).toEqual(['e', 'a']);
    expect(gapless(board)).toBe(true);
  });

  it('moving to the same place changes nothing (also when clamped to the same place)', () => {
    const b = sample();
    expect(moveTask(b, { taskId: 'b', status: 'todo', index: 1 })).toEqual({
      board: b,
      changed: false,
    });
    expect(moveTask(b, { taskId: 'c', status: 'todo', index: 50 }).changed).toBe(false);
    expect(moveTask(b, { taskId: 'nope', status: 'todo', index: 0 }).changed).toBe(false);
  });

  it('keeps objects of untouched tasks (only changed rows need a write)', () => {
    const b = sample();
    const { board } = moveTask(b, { taskId: 'c', status: 'todo', index: 1 });
    expect(board.todo[0]).toBe(b.todo[0]);
    expect(board.doing[0]).toBe(b.doing[0]);
    expect(board.todo[1]).not.toBe(b.todo[2]);
  });

  it('does not change the board it was given', () => {
    const b = sample();
    const before = JSON.stringify(b);
    moveTask(b, { taskId: 'a', status: 'done', index: 0 });
    insertTask(b, t('n', 'todo', 0));
    removeTask(b, 'a');
    expect(JSON.stringify(b)).toBe(before);
  });

  it('stays gapless after many random moves', () => {
    let b = sample();
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const all = ['a', 'b', 'c', 'd', 'e'];
    for (let i = 0; i < 200; i++) {
      const status = taskStatuses[rnd(3)] as TaskStatus;
      b = moveTask(b, { taskId: all[rnd(5)] as string, status, index: rnd(6) }).board;
      expect(gapless(b)).toBe(true);
    }
    expect(taskStatuses.flatMap((s) => b[s].map((x) => x.id)).sort()).toEqual(all);
  });

  it('inserts new tasks at the top and removes with the gap closed', () => {
    const b = insertTask(sample(), t('n', 'todo', 0));
    expect(ids(b).todo).toEqual(['n', 'a', 'b', 'c']);
    expect(gapless(b)).toBe(true);
    const r = removeTask(b, 'a');
    expect(ids(r).todo).toEqual(['n', 'b', 'c']);
    expect(gapless(r)).toBe(true);
  });

  it('replaces a task in place', () => {
    const b = replaceTask(sample(), { ...t('b', 'done', 9), title: 'B!' });
    expect(b.todo[1]).toMatchObject({ id: 'b', title: 'B!', status: 'todo', order: 1 });
  });

  it('keyboard: left/right to neighbouring columns at the same position, up/down within', () => {
    const b = sample();
    expect(keyboardMove(b, 'c', 'right')).toEqual({ taskId: 'c', status: 'doing', index: 1 });
    expect(keyboardMove(b, 'a', 'right')).toEqual({ taskId: 'a', status: 'doing', index: 0 });
    expect(keyboardMove(b, 'd', 'left')).toEqual({ taskId: 'd', status: 'todo', index: 0 });
    expect(keyboardMove(b, 'a', 'left')).toBeNull();
    expect(keyboardMove(b, 'e', 'right')).toBeNull();
    expect(keyboardMove(b, 'b', 'up')).toEqual({ taskId: 'b', status: 'todo', index: 0 });
    expect(keyboardMove(b, 'b', 'down')).toEqual({ taskId: 'b', status: 'todo', index: 2 });
    expect(keyboardMove(b, 'a', 'up')).toBeNull();
    expect(keyboardMove(b, 'c', 'down')).toBeNull();
    expect(keyboardMove(b, 'x', 'down')).toBeNull();
  });
});
