import { describe, expect, it } from 'vitest';
import type { AcknowledgementDashboardDTO } from '@shared/news/types';
import type { PersonRef } from '@shared/people/types';
import { applyAcknowledged } from './editor-queries';

const person = (id: string): PersonRef => ({
  id,
  displayName: `P ${id}`,
  position: null,
  unitId: null,
  initials: 'P',
  photoUrl: null,
});

const base: AcknowledgementDashboardDTO = {
  articleId: 'a1',
  round: 1,
  deadline: '2030-01-01T00:00:00.000Z',
  total: 3,
  acknowledged: 1,
  offices: [
    { id: 'o1', name: 'Amt 1', total: 2, acknowledged: 1 },
    { id: 'o2', name: 'Amt 2', total: 1, acknowledged: 0 },
  ],
  pending: [person('p2'), person('p3')],
  pendingTruncated: false,
};

const event = (id: string, officeId: string, round = 1, articleId = 'a1') => ({
  articleId,
  round,
  officeId,
  person: person(id),
  at: '2029-12-01T00:00:00.000Z',
});

describe('applyAcknowledged', () => {
  it('counts one more, in total and in the office, and drops the person from pending', () => {
    const next = applyAcknowledged(base, event('p3', 'o2'));
    expect(next?.acknowledged).toBe(2);
    expect(next?.offices.find((o) => o.id === 'o2')?.acknowledged).toBe(1);
    expect(next?.offices.find((o) => o.id === 'o1')?.acknowledged).toBe(1);
    expect(next?.pending.map((p) => p.id)).toEqual(['p2']);
  });

  it('ignores a repeated event, another round or another article', () => {
    const once = applyAcknowledged(base, event('p3', 'o2'));
    expect(applyAcknowledged(once, event('p3', 'o2'))).toBe(once);
    expect(applyAcknowledged(base, event('p2', 'o1', 2))).toBe(base);
    expect(applyAcknowledged(base, event('p2', 'o1', 1, 'other'))).toBe(base);
  });

  it('counts people beyond a truncated pending list', () => {
    const truncated = { ...base, pendingTruncated: true };
    expect(applyAcknowledged(truncated, event('p9', 'o1'))?.acknowledged).toBe(2);
  });
});
