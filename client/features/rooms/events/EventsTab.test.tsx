import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoomAbilities, RoomDTO, RoomEventDTO } from '@shared/rooms/types';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { fakeFetch } from '../../wiki/test-data';
import EventsTab from './EventsTab';

const roomId = '64b000000000000000000001';
const abilities: RoomAbilities = {
  view: true,
  read: true,
  join: false,
  requestJoin: false,
  leave: true,
  contribute: true,
  moderate: false,
  manageMembers: false,
  update: false,
  administer: false,
  archive: false,
  restore: false,
};
const room = { id: roomId, name: 'Projekt', abilities } as RoomDTO;
const person = {
  id: '64b000000000000000000009',
  displayName: 'Anna Beispiel',
  position: null,
  unitId: null,
  initials: 'AB',
  photoUrl: null,
};
const event = (over: Partial<RoomEventDTO>): RoomEventDTO => ({
  id: '10000000-0000-4000-8000-000000000001',
  roomId,
  title: 'Stand-up',
  description: '',
  start: '2099-05-04T06:00:00.000Z',
  end: '2099-05-04T06:30:00.000Z',
  allDay: false,
  place: '',
  videoUrl: null,
  createdBy: person,
  attendance: { yes: 1, no: 0, maybe: 0 },
  myAnswer: null,
  rev: 0,
  abilities: { edit: false, delete: false, answer: true },
  ...over,
});
const list = [
  event({ videoUrl: 'https://meet.example.org/x' }),
  event({
    id: '10000000-0000-4000-8000-000000000002',
    title: 'Klausur',
    allDay: true,
    start: '2099-05-06T00:00:00.000Z',
    end: '2099-05-07T00:00:00.000Z',
    place: 'Rathaus',
    abilities: { edit: true, delete: true, answer: true },
  }),
];
const path = `/api/rooms/${roomId}/events`;

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

// Dialog rendering and typing take a few seconds in jsdom on a busy machine.
describe('EventsTab', { timeout: 20_000 }, () => {
  it('groups by day, links the video call safely, saves my answer', async () => {
    const fake = fakeFetch({
      [`GET ${path}`]: list,
      [`PUT ${path}/${list[0]?.id}/attendance`]: {
        ...list[0],
        myAnswer: 'yes',
        attendance: { yes: 2, no: 0, maybe: 0 },
      },
    });
    vi.stubGlobal('fetch', vi.fn(fake.fn));
    renderWithRouter(<EventsTab room={room} />, { qc: testQueryClient(testMe()) });
    expect(await screen.findByRole('heading', { name: 'Montag, 4. Mai 2099' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Mittwoch, 6. Mai 2099' })).toBeInTheDocument();
    const video = screen.getByRole('link', { name: /Videokonferenz/ });
    expect(video).toHaveAttribute('target', '_blank');
    expect(video).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText('Ganztägig')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Kalender herunterladen (.ics)' })).toHaveAttribute(
      'href',
      `/api/rooms/${roomId}/events.ics`,
    );
    // Only the allowed actions.
    expect(screen.queryByRole('button', { name: '„Stand-up“ bearbeiten' })).toBeNull();
    expect(screen.getByRole('button', { name: '„Klausur“ löschen' })).toBeInTheDocument();

    const group = screen.getByRole('group', { name: 'Meine Antwort zu „Stand-up“' });
    await userEvent.click(within(group).getByRole('radio', { name: 'Zusage (1)' }));
    await waitFor(() =>
      expect(within(group).getByRole('radio', { name: 'Zusage (2)' })).toBeChecked(),
    );
    expect(fake.calls.find((c) => c.method === 'PUT')?.body).toEqual({ answer: 'yes' });
  });

  it('shows the chosen answer at once, keeps the radios usable, and falls back on an error', async () => {
    const fake = fakeFetch({ [`GET ${path}`]: [list[0]] });
    let fail: (r: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
        init?.method === 'PUT'
          ? new Promise<Response>((resolve) => (fail = resolve))
          : fake.fn(input, init),
      ),
    );
    renderWithRouter(<EventsTab room={room} />, { qc: testQueryClient(testMe()) });
    const group = await screen.findByRole('group', { name: 'Meine Antwort zu „Stand-up“' });
    const no = within(group).getByRole('radio', { name: 'Absage (0)' });
    await userEvent.click(no);
    // The server has not answered yet: the choice shows, and the radios are not disabled.
    expect(no).toBeChecked();
    expect(no).toBeEnabled();
    fail(
      Response.json({ error: { code: 'invalid_transition', message: 'over' } }, { status: 409 }),
    );
    await waitFor(() => expect(no).not.toBeChecked());
  });

  it('creates an event from the dialog and refuses a non-https video link', async () => {
    const fake = fakeFetch({ [`GET ${path}`]: [], [`POST ${path}`]: list[0] });
    vi.stubGlobal('fetch', vi.fn(fake.fn));
    renderWithRouter(<EventsTab room={room} />, { qc: testQueryClient(testMe()) });
    expect(await screen.findByText('Keine anstehenden Termine.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Termin anlegen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Termin anlegen' });
    await userEvent.click(within(dialog).getByRole('textbox', { name: /Titel/ }));
    await userEvent.paste('Planung');
    const link = within(dialog).getByRole('textbox', { name: /Link zur Videokonferenz/ });
    await userEvent.click(link);
    await userEvent.paste('javascript:alert(1)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Anlegen' }));
    expect(
      within(dialog).getByText('Bitte eine Adresse mit https:// angeben.'),
    ).toBeInTheDocument();
    expect(fake.calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.clear(link);
    await userEvent.paste('https://meet.example.org/p');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Anlegen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = fake.calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({
      title: 'Planung',
      videoUrl: 'https://meet.example.org/p',
      allDay: false,
    });
  });
});
