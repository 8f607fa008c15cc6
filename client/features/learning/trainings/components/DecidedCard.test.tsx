import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithRouter } from '../../../../test/render';
import { decisionOf } from '../format';
import { ref, registration } from '../test-data';
import { DecidedCard } from './DecidedCard';

const boss = ref('64b000000000000000000002', 'Max Manager');
const hr = ref('64b000000000000000000003', 'Hanna Personal');
const created = {
  at: '2026-02-01T10:00:00.000Z',
  actor: ref('64b000000000000000000001', 'Erika Muster'),
  action: 'created',
  from: null,
  to: 'pending_manager' as const,
  reason: '',
};

describe('decisionOf', () => {
  it('takes the step that led to the status now', () => {
    const r = registration({
      status: 'rejected',
      history: [
        created,
        {
          ...created,
          at: '2026-02-02T08:00:00.000Z',
          actor: boss,
          action: 'manager_approved',
          from: 'pending_manager',
          to: 'pending_hr',
        },
        {
          ...created,
          at: '2026-02-03T09:30:00.000Z',
          actor: hr,
          action: 'hr_rejected',
          from: 'pending_hr',
          to: 'rejected',
          reason: 'Budget erschöpft',
        },
      ],
    });
    expect(decisionOf(r)).toEqual({
      action: 'hr_rejected',
      at: '2026-02-03T09:30:00.000Z',
      actor: hr,
      reason: 'Budget erschöpft',
    });
  });

  it('names no decider for moving up, and falls back to the last update without history', () => {
    const moved = registration({
      status: 'confirmed',
      history: [
        { ...created, actor: boss, action: 'moved_up', from: 'waitlisted', to: 'confirmed' },
      ],
    });
    expect(decisionOf(moved).actor).toBeNull();
    expect(
      decisionOf(registration({ status: 'confirmed', updatedAt: '2026-02-05T00:00:00.000Z' })),
    ).toEqual({
      action: null,
      at: '2026-02-05T00:00:00.000Z',
      actor: null,
      reason: '',
    });
  });
});

describe('DecidedCard', () => {
  it('shows person, course, outcome in words, decider and reason', async () => {
    const r = registration({
      status: 'rejected',
      history: [
        created,
        {
          ...created,
          at: '2026-02-02T08:00:00.000Z',
          actor: boss,
          action: 'manager_rejected',
          from: 'pending_manager',
          to: 'rejected',
          reason: 'Dienstplan',
        },
      ],
    });
    renderWithRouter(
      <ul>
        <DecidedCard registration={r} />
      </ul>,
    );
    const card = await screen.findByRole('listitem', { name: /Erika Muster/ });
    expect(card).toHaveTextContent('Rejected');
    expect(screen.getByRole('link', { name: 'Erste Hilfe' })).toBeInTheDocument();
    expect(card).toHaveTextContent(/Decided byMax Manager/);
    expect(card).toHaveTextContent(/ReasonDienstplan/);
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
  });
});
