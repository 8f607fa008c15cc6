import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoomAbilities, RoomDTO, TaskBoardDTO, TaskDTO } from '@shared/rooms/types';
import type { TaskStatus } from '@shared/rooms/schemas';
import { LiveAnnouncer } from '../../../components/LiveAnnouncer';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { fakeFetch } from '../../wiki/test-data';
import TasksTab from './TasksTab';

const roomId = '64b000000000000000000001';
const abilities = { read: true, contribute: true, moderate: false } as RoomAbilities;
const room = { id: roomId, name: 'Projekt', abilities } as RoomDTO;
const person = {
  id: '64b000000000000000000009',
  displayName: 'Anna Beispiel',
  position: null,
  unitId: null,
  initials: 'AB',
  photoUrl: null,
};
const uuid = (n: number) => `10000000-0000-4000-8000-00000000000${n}`;
const task = (
  n: number,
  status: TaskStatus,
  order: number,
  over: Partial<TaskDTO> = {},
): TaskDTO => ({
  id: uuid(n),
  roomId,
  title: `Aufgabe ${n}`,
  description: '',
  status,
  order,
  assignees: [],
  due: null,
  overdue: false,
  createdBy: person,
  updatedAt: '2024-05-01T10:00:00.000Z',
  rev: 0,
  abilities: { edit: true, move: true, delete: false },
  ...over,
});
const board = (): TaskBoardDTO => ({
  columns: {
    todo: [
      task(1, 'todo', 0, { assignees: [person], due: '2024-01-02', overdue: true }),
      task(2, 'todo', 1),
    ],
    doing: [task(3, 'doing', 0)],
    done: [],
  },
});
const path = `/api/rooms/${roomId}/tasks`;
const column = (name: RegExp) =>
  screen.getByRole('heading', { name }).closest('section') as HTMLElement;
const titlesIn = (name: RegExp) =>
  within(column(name))
    .queryAllByRole('heading', { level: 4 })
    .map((h) => h.textContent);

function renderTab(answers: Record<string, unknown>) {
  const fake = fakeFetch({ [`GET ${path}`]: board(), ...answers });
  vi.stubGlobal('fetch', vi.fn(fake.fn));
  renderWithRouter(
    <>
      <TasksTab room={room} />
      <LiveAnnouncer />
    </>,
    { qc: testQueryClient(testMe()) },
  );
  return fake;
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('TasksTab', { timeout: 20_000 }, () => {
  it('shows three columns with counts, assignees by name, overdue in text', async () => {
    renderTab({});
    expect(
      await screen.findByRole('heading', { name: /Zu erledigen.*2 Aufgaben/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /In Arbeit.*1 Aufgabe\)/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Erledigt.*0 Aufgaben/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Anna Beispiel' })).toBeInTheDocument();
    expect(screen.getByText('Überfällig')).toBeInTheDocument();
    expect(screen.getByText('fällig am 2. Januar 2024')).toBeInTheDocument();
  });

  it('Alt+ArrowRight moves the focused card, announces it and keeps focus on it', async () => {
    const moved: TaskBoardDTO = {
      columns: {
        todo: [task(1, 'todo', 0)],
        doing: [task(3, 'doing', 0), task(2, 'doing', 1, { rev: 1 })],
        done: [],
      },
    };
    const fake = renderTab({ [`POST ${path}/${uuid(2)}/move`]: moved });
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Aufgabe 2' });
    const card = screen.getByRole('article', { name: 'Aufgabe 2' });
    card.focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(titlesIn(/In Arbeit/)).toEqual(['Aufgabe 3', 'Aufgabe 2']);
    expect(screen.getByRole('status')).toHaveTextContent(
      '„Aufgabe 2“ nach In Arbeit verschoben, Position 2 von 2',
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('article', { name: 'Aufgabe 2' })),
    );
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(fake.calls.find((c) => c.method === 'POST')?.body).toEqual({
      rev: 0,
      status: 'doing',
      index: 1,
    });
  });

  it('a refused move (409) rolls back and says so', async () => {
    const stale = Response.json(
      { error: { code: 'stale_copy', message: 'changed' } },
      { status: 409 },
    );
    renderTab({ [`POST ${path}/${uuid(1)}/move`]: stale });
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Aufgabe 1' });
    screen.getByRole('article', { name: 'Aufgabe 1' }).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /„Aufgabe 1“ konnte nicht verschoben werden/,
    );
    await waitFor(() => expect(titlesIn(/Zu erledigen/)).toEqual(['Aufgabe 1', 'Aufgabe 2']));
  });

  it('the Verschieben menu moves to another column; edges are announced', async () => {
    const fake = renderTab({ [`POST ${path}/${uuid(3)}/move`]: board() });
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Aufgabe 3' });
    screen.getByRole('article', { name: 'Aufgabe 3' }).focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(screen.getByRole('status')).toHaveTextContent('lässt sich nicht weiter');
    await user.click(screen.getByRole('button', { name: '„Aufgabe 3“ verschieben' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Nach „Erledigt“' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.method === 'POST')?.body).toEqual({
        rev: 0,
        status: 'done',
        index: 0,
      }),
    );
  });
});
