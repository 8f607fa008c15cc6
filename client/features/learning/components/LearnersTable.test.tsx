import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CourseLearnerDTO, CourseLearnersPage } from '@shared/learning/types';
import { LiveAnnouncer } from '../../../components/LiveAnnouncer';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { learningKeys } from '../keys';
import { onCourseChanged } from '../realtime';
import { LearnersTable } from './LearnersTable';

const courseId = '64c000000000000000000001';
const path = `/api/learning/courses/${courseId}/learners`;

const learner = (n: number, over: Partial<CourseLearnerDTO> = {}): CourseLearnerDTO => ({
  person: {
    id: `64d0000000000000000000${String(n).padStart(2, '0')}`,
    displayName: `Person ${n}`,
    position: null,
    unitId: null,
    initials: 'P',
    photoUrl: null,
  },
  enrolledAt: '2026-01-01T08:00:00.000Z',
  percent: 0,
  completedAt: null,
  quizzes: {},
  status: 'not_started',
  lastActivityAt: '2026-01-01T08:00:00.000Z',
  ...over,
});

/** A fake server: 3 learners, pages of 2; `q` and `status` answered as the server would. */
function stubServer() {
  const all = [
    learner(1, { person: { ...learner(1).person, displayName: 'Jürgen Müller' } }),
    learner(2, { status: 'completed', percent: 100, completedAt: '2026-02-01T08:00:00.000Z' }),
    learner(3),
  ];
  const asked: URLSearchParams[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), window.location.origin);
    if (url.pathname !== path)
      return Response.json({ error: { code: 'not_found' } }, { status: 404 });
    asked.push(url.searchParams);
    const q = url.searchParams.get('q');
    const status = url.searchParams.get('status');
    const rows = all.filter(
      (l) => (!q || l.person.displayName.includes(q)) && (!status || l.status === status),
    );
    const from = url.searchParams.get('cursor') === 'page2' ? 2 : 0;
    const body: CourseLearnersPage = {
      data: rows.slice(from, from + 2),
      nextCursor: from === 0 && rows.length > 2 ? 'page2' : null,
      total: rows.length,
    };
    return Response.json(body);
  });
  return { fn, asked };
}

const render = () =>
  renderWithRouter(
    <>
      <LiveAnnouncer />
      <LearnersTable courseId={courseId} title="Datenschutz" />
    </>,
    { qc: testQueryClient(testMe()) },
  );

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('LearnersTable', { timeout: 20_000 }, () => {
  it('shows the total, loads more by keyboard, announces the added rows and focuses the first', async () => {
    const server = stubServer();
    vi.stubGlobal('fetch', server.fn);
    const user = userEvent.setup();
    render();
    expect(await screen.findByText('3 Teilnehmende')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Teilnehmende von Datenschutz' });
    expect(within(table).getAllByRole('row')).toHaveLength(3); // header + 2
    expect(within(table).getByText('Abgeschlossen', { selector: 'td' })).toBeInTheDocument();
    const more = screen.getByRole('button', { name: 'Mehr laden' });
    more.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(server.asked.at(-1)?.get('cursor')).toBe('page2');
    expect(await screen.findByText('1 weitere Person geladen')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Person 3' })).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Mehr laden' })).toBeNull();
  });

  it('searches on the server (debounced) and filters by status', async () => {
    const server = stubServer();
    vi.stubGlobal('fetch', server.fn);
    const user = userEvent.setup();
    render();
    await screen.findByText('3 Teilnehmende');
    await user.type(screen.getByRole('searchbox', { name: 'Name suchen' }), 'Müller');
    expect(await screen.findByText('1 teilnehmende Person')).toBeInTheDocument();
    expect(server.asked.at(-1)?.get('q')).toBe('Müller');
    expect(screen.getByRole('link', { name: 'Jürgen Müller' })).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Name suchen' }));
    await screen.findByText('3 Teilnehmende');
    await user.click(screen.getByRole('button', { name: /Stand/ }));
    await user.click(await screen.findByRole('option', { name: 'Abgeschlossen' }));
    await waitFor(() => expect(server.asked.at(-1)?.get('status')).toBe('completed'));
    expect(await screen.findByText('1 teilnehmende Person')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Person 2' })).toBeInTheDocument();
  });

  it('the live learners event invalidates every filtered list of the course', () => {
    const qc = testQueryClient();
    const filtered = learningKeys.learnerList(courseId, { q: 'mü', status: 'completed' });
    const other = learningKeys.learnerList('64c000000000000000000002', {});
    qc.setQueryData(filtered, { pages: [], pageParams: [] });
    qc.setQueryData(other, { pages: [], pageParams: [] });
    onCourseChanged(qc, { courseId, part: 'learners' });
    expect(qc.getQueryState(filtered)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(other)?.isInvalidated).toBe(false);
  });
});
