import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoomAbilities, RoomFileRefDTO } from '@shared/rooms/types';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { FeedComposer } from './FeedComposer';
import { roomId } from './test-data';

const abilities = { moderate: true } as RoomAbilities;
const ref = (id: string, name: string): RoomFileRefDTO => ({
  id,
  name,
  contentType: 'image/png',
  size: 2048,
  isImage: true,
  url: `/api/rooms/${roomId}/post-files/${id}`,
});

beforeEach(async () => {
  await i18n.changeLanguage('de');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), window.location.origin);
      if (url.pathname === `/api/rooms/${roomId}/members`) {
        return Response.json({
          data: [
            {
              person: {
                id: 'p1',
                displayName: 'Jonas Weber',
                initials: 'JW',
                photoUrl: null,
                position: null,
                unitId: null,
              },
              username: 'jweber',
              role: 'member',
              joinedAt: '2026-11-01T00:00:00.000Z',
              abilities: { remove: false, changeRole: false },
            },
          ],
          nextCursor: null,
        });
      }
      return Response.json({ data: null });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('FeedComposer', () => {
  it('uploads files with progress, lets one be removed before sending and sends the rest', async () => {
    const user = userEvent.setup();
    const progress: ((f: number) => void)[] = [];
    const finish: ((r: RoomFileRefDTO) => void)[] = [];
    const aborted: string[] = [];
    const upload = vi.fn(
      (_room: string, file: File, onProgress: (f: number) => void, signal?: AbortSignal) =>
        new Promise<RoomFileRefDTO>((resolve) => {
          progress.push(onProgress);
          finish.push(resolve);
          signal?.addEventListener('abort', () => aborted.push(file.name));
        }),
    );
    const onSend = vi.fn();
    renderWithRouter(
      <FeedComposer
        room={{ id: roomId, name: 'Akte', abilities }}
        onSend={onSend}
        upload={upload}
      />,
      { qc: testQueryClient(testMe()) },
    );
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    fireEvent.change(input, {
      target: {
        files: [
          new File(['a'], 'a.png', { type: 'image/png' }),
          new File(['b'], 'b.png', { type: 'image/png' }),
        ],
      },
    });
    expect(upload).toHaveBeenCalledTimes(2);
    expect(upload.mock.calls[0]![0]).toBe(roomId);
    await waitFor(() => expect(screen.getAllByRole('progressbar')).toHaveLength(2));
    progress[0]!(0.5);
    expect(await screen.findByText('50 %', { exact: false })).toBeInTheDocument();

    await user.type(screen.getByRole('textbox'), 'Fotos vom Termin');
    // Sending waits for running uploads.
    expect(screen.getByRole('button', { name: 'Veröffentlichen' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: /b\.png/ }));
    expect(aborted).toEqual(['b.png']);
    finish[0]!(ref('64b0000000000000000000f1', 'a.png'));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Veröffentlichen' })).toBeEnabled(),
    );

    await user.click(screen.getByRole('checkbox', { name: 'Als Ankündigung' }));
    await user.click(screen.getByRole('button', { name: 'Veröffentlichen' }));
    expect(onSend).toHaveBeenCalledWith('Fotos vom Termin', true, [
      ref('64b0000000000000000000f1', 'a.png'),
    ]);
    expect(screen.queryByRole('list', { name: /Anh/ })).toBeNull();
  });

  it('suggests room members after @ and inserts the username', async () => {
    const user = userEvent.setup();
    renderWithRouter(
      <FeedComposer room={{ id: roomId, name: 'Akte', abilities }} onSend={vi.fn()} />,
      { qc: testQueryClient(testMe()) },
    );
    const box = screen.getByRole('textbox');
    await user.type(box, 'Hallo @jo');
    const option = await screen.findByRole('option', { name: /Jonas Weber/ });
    expect(box).toHaveAttribute('aria-activedescendant', option.id);
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('Hallo @jweber ');
  });
});
