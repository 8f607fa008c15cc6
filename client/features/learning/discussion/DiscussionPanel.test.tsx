import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CourseDTO, ThreadDTO } from '@shared/learning/types';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import DiscussionPanel from './DiscussionPanel';
import { ME, course, courseId, person, reply, stubApi, thread } from './test-data';

const path = `/api/learning/courses/${courseId}/threads`;
const page = (data: ThreadDTO[]) => Response.json({ data, nextCursor: null });
const me = testMe({ id: ME, displayName: 'Erika Muster' });
const render = (c = course()) =>
  renderWithRouter(<DiscussionPanel course={c} />, { qc: testQueryClient(me) });

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('DiscussionPanel', { timeout: 20_000 }, () => {
  it('lists questions with the trainer badge and the answered mark; text stays text', async () => {
    const evil = '<img src=x onerror="alert(1)">';
    const answered = thread({ answered: true, replies: [reply()] });
    const open = thread({ id: '10000000-0000-4000-8000-000000000002', title: 'Offen', body: evil });
    const api = stubApi({ [`GET ${path}`]: () => page([answered, open]) });
    vi.stubGlobal('fetch', vi.fn(api.fn));
    const { container } = render();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Fragen und Antworten' }),
    ).toBeInTheDocument();
    const first = await screen.findByRole('article', { name: 'Wie lange gilt das Zertifikat?' });
    expect(within(first).getByText('beantwortet')).toBeInTheDocument();
    expect(within(first).getByText('Trainer/in')).toBeInTheDocument();
    expect(within(first).getByText('Drei Jahre.')).toBeInTheDocument();
    const second = screen.getByRole('article', { name: 'Offen' });
    expect(within(second).queryByText('beantwortet')).toBeNull();
    expect(within(second).getByText(evil)).toBeInTheDocument();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    // Labelled form to ask.
    expect(screen.getByRole('form', { name: 'Frage stellen' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Titel der Frage/ })).toBeInTheDocument();
  });

  it('asks a question: shown at once, sent with a clientId, kept after the answer', async () => {
    let threads: ThreadDTO[] = [];
    const api = stubApi({
      [`GET ${path}`]: () => page(threads),
      [`POST ${path}`]: (body) => {
        const b = body as { clientId: string; title: string; body: string };
        const created = thread({
          id: b.clientId,
          title: b.title,
          body: b.body,
          author: person(ME, 'Erika Muster'),
          abilities: { reply: true, delete: true },
        });
        threads = [created];
        return created;
      },
    });
    vi.stubGlobal('fetch', vi.fn(api.fn));
    render();
    expect(await screen.findByText('Noch keine Fragen.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Frage stellen' }));
    expect(await screen.findByText(/mindestens 3 Zeichen/)).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(screen.getByRole('textbox', { name: /Titel der Frage/ }), 'Zertifikat?');
    await userEvent.type(screen.getByRole('textbox', { name: 'Ihre Frage' }), 'Gilt es ewig?');
    await userEvent.click(screen.getByRole('button', { name: 'Frage stellen' }));
    expect(await screen.findByRole('article', { name: 'Zertifikat?' })).toBeInTheDocument();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ title: 'Zertifikat?', body: 'Gilt es ewig?' });
    expect((post?.body as { clientId: string }).clientId).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() =>
      expect(api.calls.filter((c) => c.method === 'GET').length).toBeGreaterThan(1),
    );
    expect(screen.getByRole('article', { name: 'Zertifikat?' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Titel der Frage/ })).toHaveValue('');
  });

  it('replies to a question and deletes a question after confirming', async () => {
    let threads = [thread({ abilities: { reply: true, delete: true } })];
    const api = stubApi({
      [`GET ${path}`]: () => page(threads),
      [`POST ${path}/${threads[0]?.id}/replies`]: (body) => {
        const b = body as { clientId: string; body: string };
        return reply({
          id: b.clientId,
          body: b.body,
          author: person(ME, 'Erika Muster'),
          byTrainer: false,
        });
      },
      [`DELETE ${path}/${threads[0]?.id}`]: () => {
        threads = [];
        return undefined;
      },
    });
    vi.stubGlobal('fetch', vi.fn(api.fn));
    render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Auf „Wie lange gilt das Zertifikat?“ antworten' }),
    );
    const box = screen.getByRole('textbox', {
      name: 'Ihre Antwort auf „Wie lange gilt das Zertifikat?“',
    });
    expect(box).toHaveFocus();
    await userEvent.type(box, 'Ich frage mich das auch.');
    await userEvent.click(screen.getByRole('button', { name: 'Antwort senden' }));
    await waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
        body: 'Ich frage mich das auch.',
      }),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Frage „Wie lange gilt das Zertifikat?“ löschen' }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Frage löschen?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Löschen' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(await screen.findByText('Noch keine Fragen.')).toBeInTheDocument();
  });

  it('shows an API error in German and brings the text back', async () => {
    const api = stubApi({
      [`GET ${path}`]: () => page([]),
      [`POST ${path}`]: () =>
        Response.json({ error: { code: 'course_archived', message: 'x' } }, { status: 409 }),
    });
    vi.stubGlobal('fetch', vi.fn(api.fn));
    render();
    await screen.findByText('Noch keine Fragen.');
    await userEvent.type(screen.getByRole('textbox', { name: /Titel der Frage/ }), 'Frage?');
    await userEvent.type(screen.getByRole('textbox', { name: 'Ihre Frage' }), 'Text');
    await userEvent.click(screen.getByRole('button', { name: 'Frage stellen' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Titel der Frage/ })).toHaveValue('Frage?');
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('asks nothing of the server when the viewer may not discuss', async () => {
    const api = stubApi({});
    vi.stubGlobal('fetch', vi.fn(api.fn));
    render(course({ discuss: false }));
    expect(await screen.findByText(/eingeschriebenen Teilnehmenden/)).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('archived: read-only for enrolled learners (no ask form, no reply button)', async () => {
    const c = { ...course({ discuss: false }, 'archived'), enrolment: {} } as CourseDTO;
    const api = stubApi({
      [`GET ${path}`]: () => page([thread({ abilities: { reply: false, delete: false } })]),
    });
    vi.stubGlobal('fetch', vi.fn(api.fn));
    render(c);
    expect(
      await screen.findByRole('article', { name: 'Wie lange gilt das Zertifikat?' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/nur noch gelesen/)).toBeInTheDocument();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button', { name: /antworten/ })).toBeNull();
  });
});
