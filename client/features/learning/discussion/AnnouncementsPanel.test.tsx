import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AnnouncementDTO } from '@shared/learning/types';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import AnnouncementsPanel from './AnnouncementsPanel';
import { ME, announcement, course, courseId, person, stubApi } from './test-data';

const path = `/api/learning/courses/${courseId}/announcements`;
const me = testMe({ id: ME });

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('AnnouncementsPanel', { timeout: 20_000 }, () => {
  it('learners read announcements (newest first as sent) without a form', async () => {
    const list = [
      announcement({ id: '30000000-0000-4000-8000-000000000002', title: 'Zweite' }),
      announcement(),
    ];
    const api = stubApi({ [`GET ${path}`]: () => list });
    vi.stubGlobal('fetch', vi.fn(api.fn));
    renderWithRouter(<AnnouncementsPanel course={course()} />, { qc: testQueryClient(me) });
    expect(screen.getByRole('heading', { level: 2, name: 'Ankündigungen' })).toBeInTheDocument();
    await screen.findAllByRole('article');
    const titles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual(['Zweite', 'Neuer Termin']);
    expect(screen.getAllByText('Die Präsenzsitzung ist verschoben.')).toHaveLength(2);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('trainers announce; the new announcement shows and the form empties', async () => {
    let list: AnnouncementDTO[] = [];
    const api = stubApi({
      [`GET ${path}`]: () => list,
      [`POST ${path}`]: (body) => {
        const b = body as { clientId: string; title: string; body: string };
        const a = announcement({
          id: b.clientId,
          title: b.title,
          body: b.body,
          author: person(ME, 'Erika Muster'),
        });
        list = [a];
        return a;
      },
    });
    vi.stubGlobal('fetch', vi.fn(api.fn));
    renderWithRouter(<AnnouncementsPanel course={course({ announce: true })} />, {
      qc: testQueryClient(me),
    });
    expect(await screen.findByText('Noch keine Ankündigungen.')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Ankündigung schreiben' });
    expect(form).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: /Titel/ }), 'Raumänderung');
    await userEvent.type(screen.getByRole('textbox', { name: 'Text' }), 'Jetzt in Raum 2.');
    await userEvent.click(screen.getByRole('button', { name: 'Ankündigen' }));
    expect(await screen.findByRole('article', { name: 'Raumänderung' })).toBeInTheDocument();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ title: 'Raumänderung', body: 'Jetzt in Raum 2.' });
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Titel/ })).toHaveValue(''));
  });
});
