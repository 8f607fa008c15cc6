import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { MeDTO } from '@shared/people/types';
import { i18n, renderRoutes, testMe, testQueryClient } from '../../../test/render';
import { leaveKeys } from '../keys';
import { LeaveSubNav } from './LeaveSubNav';

/** Renders the sub-navigation on the card page with a known inbox count (no request). */
async function links(me: MeDTO, inbox: number) {
  const qc = testQueryClient(me);
  qc.setQueryData(leaveKeys.inboxCount(), inbox);
  renderRoutes([{ path: '/leave', element: <LeaveSubNav /> }], { path: '/leave', qc });
  const nav = await screen.findByRole('navigation', { name: 'Bereiche der Urlaubskarte' });
  return within(nav)
    .getAllByRole('link')
    .map((a) => [a.getAttribute('href'), a.textContent, a.getAttribute('aria-current')]);
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
});

describe('LeaveSubNav', () => {
  it('an employee with nothing to decide: own card (current) and the team calendar', async () => {
    expect(await links(testMe(), 0)).toEqual([
      ['/leave', 'Meine Urlaubskarte', 'page'],
      ['/leave/calendar', 'Teamkalender', null],
    ]);
  });

  it('a leader sees the requests to decide with the count (spoken, not just a number)', async () => {
    expect(await links(testMe({ isManager: true }), 3)).toEqual([
      ['/leave', 'Meine Urlaubskarte', 'page'],
      [
        '/leave/approvals',
        'Anträge zur Entscheidung3, 3 Anträge warten auf Ihre Entscheidung',
        null,
      ],
      ['/leave/calendar', 'Teamkalender', null],
    ]);
  });

  it('a deputy standing in (not a leader) gets the link while something waits', async () => {
    const hrefs = (await links(testMe(), 1)).map(([href]) => href);
    expect(hrefs).toContain('/leave/approvals');
    expect(hrefs).not.toContain('/leave/hr');
  });

  it('HR: requests to decide (escalations) and the administration', async () => {
    const me = testMe({ roles: ['hr'], abilities: { ...testMe().abilities, manageHr: true } });
    expect((await links(me, 0)).map(([href]) => href)).toEqual([
      '/leave',
      '/leave/approvals',
      '/leave/calendar',
      '/leave/hr',
    ]);
  });
});
