import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api';
import type { PostDTO } from '@shared/rooms/types';
import { PostOutbox, type PostOutboxDeps } from './pending';
import { post, roomId, uuid } from './test-data';

const file = {
  id: '64b0000000000000000000f1',
  name: 'plan.pdf',
  contentType: 'application/pdf',
  size: 10,
  isImage: false,
  url: '/api/x',
};

function setup(send: PostOutboxDeps['send']) {
  const onSent = vi.fn<(p: PostDTO) => void>();
  let n = 0;
  const box = new PostOutbox({
    send,
    onSent,
    newId: () => uuid(++n),
    now: () => new Date('2026-11-24T08:00:00Z'),
  });
  return { box, onSent };
}

describe('PostOutbox (optimistic, idempotent send)', () => {
  it('shows the post at once as sending and replaces it with the stored one', async () => {
    let resolve!: (p: PostDTO) => void;
    const send = vi.fn(() => new Promise<PostDTO>((r) => (resolve = r)));
    const { box, onSent } = setup(send);
    const { entry, done } = box.add({ roomId, body: 'Hallo', announcement: true, files: [file] });
    expect(box.list(roomId)).toEqual([
      expect.objectContaining({ id: uuid(1), state: 'sending', body: 'Hallo' }),
    ]);
    expect(send).toHaveBeenCalledWith(roomId, {
      id: entry.id,
      body: 'Hallo',
      announcement: true,
      fileIds: [file.id],
    });
    const stored = post({ id: entry.id, body: 'Hallo' });
    resolve(stored);
    await done;
    expect(onSent).toHaveBeenCalledWith(stored);
    expect(box.list(roomId)).toEqual([]);
  });

  it('keeps a failed post with its error; "send again" repeats the same id and body', async () => {
    const send = vi
      .fn<PostOutboxDeps['send']>()
      .mockRejectedValueOnce(new ApiError(500, 'internal', 'boom'))
      .mockImplementationOnce(async (_room, p) => post({ id: p.id, body: p.body }));
    const { box, onSent } = setup(send);
    const { entry, done } = box.add({ roomId, body: 'Wichtig', announcement: false, files: [] });
    await done;
    const [failed] = box.list(roomId);
    expect(failed).toMatchObject({ id: entry.id, state: 'failed' });
    expect((failed!.error as ApiError).code).toBe('internal');

    await box.retry(entry.id);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![1]).toEqual(send.mock.calls[0]![1]);
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(box.list(roomId)).toEqual([]);
  });

  it('discards a failed post; lists are per room, newest first, and stable between changes', async () => {
    const send = vi
      .fn<PostOutboxDeps['send']>()
      .mockRejectedValue(new TypeError('Failed to fetch'));
    const { box } = setup(send);
    await box.add({ roomId, body: 'eins', announcement: false, files: [] }).done;
    await box.add({ roomId, body: 'zwei', announcement: false, files: [] }).done;
    await box.add({ roomId: 'other', body: 'drei', announcement: false, files: [] }).done;
    const list = box.list(roomId);
    expect(list.map((p) => p.body)).toEqual(['zwei', 'eins']);
    expect(box.list(roomId)).toBe(list);
    const listener = vi.fn();
    box.subscribe(listener);
    box.discard(list[0]!.id);
    expect(listener).toHaveBeenCalled();
    expect(box.list(roomId).map((p) => p.body)).toEqual(['eins']);
    expect(box.list('other')).toHaveLength(1);
  });

  it('does not send twice while an attempt is running', async () => {
    const send = vi.fn(() => new Promise<PostDTO>(() => {}));
    const { box } = setup(send);
    const { entry } = box.add({ roomId, body: 'x', announcement: false, files: [] });
    await box.retry(entry.id);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
