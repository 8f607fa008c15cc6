import { describe, expect, it } from 'vitest';
import type { LeaveInboxDTO, LeaveRequestDTO } from '@shared/leave/types';
import {
  bulkOutcome,
  inboxAfterBulk,
  pruneSelection,
  rowResults,
  selectionAfter,
  toggleAll,
} from './ApprovalsBulk';

const req = (id: string, over: Partial<LeaveRequestDTO> = {}): LeaveRequestDTO => ({
  id,
  person: {
    id: `p-${id}`,
    displayName: id,
    position: null,
    unitId: 'u',
    initials: 'X',
    photoUrl: null,
  },
  type: null,
  from: '2026-01-05',
  to: '2026-01-06',
  halfStart: false,
  halfEnd: false,
  days: 2,
  status: 'pending',
  comment: '',
  deputy: null,
  approver: null,
  decidedBy: null,
  decidedAt: null,
  decisionComment: '',
  escalatedAt: null,
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
  rev: 0,
  abilities: { edit: false, withdraw: false, cancel: false, shorten: false, decide: true },
  ...over,
});

describe('bulkOutcome', () => {
  it('splits the answer into decided and failed rows in the order sent', () => {
    const out = bulkOutcome(
      ['c', 'a', 'b'],
      [
        { id: 'a', ok: true, request: req('a', { status: 'approved' }) },
        { id: 'b', ok: false, code: 'insufficient_balance' },
        { id: 'c', ok: true },
      ],
    );
    expect(out.succeeded).toEqual(['c', 'a']);
    expect(out.failed).toEqual([{ id: 'b', code: 'insufficient_balance' }]);
    expect(out.updated.map((r) => r.id)).toEqual(['a']);
  });

  it('counts an id the server did not answer, or a failure without code, as failed', () => {
    const out = bulkOutcome(['a', 'b', 'a'], [{ id: 'b', ok: false }]);
    expect(out.succeeded).toEqual([]);
    expect(out.failed).toEqual([
      { id: 'a', code: 'internal' },
      { id: 'b', code: 'internal' },
    ]);
  });

  it('keeps the fresh copy of a failed row (e.g. decided meanwhile by someone else)', () => {
    const out = bulkOutcome(
      ['a'],
      [
        {
          id: 'a',
          ok: false,
          code: 'invalid_transition',
          request: req('a', { status: 'rejected' }),
        },
      ],
    );
    expect(out.failed).toEqual([{ id: 'a', code: 'invalid_transition' }]);
    expect(out.updated[0]!.status).toBe('rejected');
  });
});

describe('after a bulk decision', () => {
  const outcome = bulkOutcome(
    ['a', 'b', 'c'],
    [
      { id: 'a', ok: true, request: req('a', { status: 'approved' }) },
      { id: 'b', ok: false, code: 'insufficient_balance', request: req('b', { rev: 3 }) },
      { id: 'c', ok: true },
    ],
  );

  it('keeps only failed rows selected', () => {
    expect([...selectionAfter(outcome)]).toEqual(['b']);
  });

  it('removes decided requests from the inbox, patches the rest and lowers the count', () => {
    const inbox: LeaveInboxDTO = { requests: [req('a'), req('b'), req('c'), req('d')], count: 4 };
    const next = inboxAfterBulk(inbox, outcome)!;
    expect(next.requests.map((r) => r.id)).toEqual(['b', 'd']);
    expect(next.requests[0]!.rev).toBe(3);
    expect(next.count).toBe(2);
    expect(inboxAfterBulk(undefined, outcome)).toBeUndefined();
  });

  it('does not lower the count below zero or for rows the list no longer has', () => {
    const inbox: LeaveInboxDTO = { requests: [req('a')], count: 0 };
    expect(inboxAfterBulk(inbox, outcome)!.count).toBe(0);
    const other: LeaveInboxDTO = { requests: [req('x')], count: 1 };
    expect(inboxAfterBulk(other, outcome)!.count).toBe(1);
  });

  it('gives each row its own result', () => {
    const m = rowResults(outcome);
    expect(m.get('a')).toEqual({ ok: true });
    expect(m.get('b')).toEqual({ ok: false, code: 'insufficient_balance' });
    expect(m.has('d')).toBe(false);
  });
});

describe('selection', () => {
  it('select all toggles between all decidable and none', () => {
    expect([...toggleAll(new Set(), ['a', 'b'])]).toEqual(['a', 'b']);
    expect([...toggleAll(new Set(['a']), ['a', 'b'])]).toEqual(['a', 'b']);
    expect([...toggleAll(new Set(['a', 'b']), ['a', 'b'])]).toEqual([]);
    expect([...toggleAll(new Set(), [])]).toEqual([]);
  });

  it('drops ids that left the list and keeps the same set when nothing changed', () => {
    const sel = new Set(['a', 'b']);
    expect(pruneSelection(sel, ['a', 'b', 'c'])).toBe(sel);
    expect([...pruneSelection(sel, ['b'])]).toEqual(['b']);
  });
});
