import { describe, expect, it } from 'vitest';
import { buildTimeline, firstUnread, lastEditable, pendingMessage, withPending } from './timeline';
import { CONV, ME, message, person } from './test-data';

const dayOf = (iso: string) => iso.slice(0, 10);

describe('timeline', () => {
  it('date separators, one unread divider, groups of one sender', () => {
    const list = [
      message(1, { createdAt: '2026-01-01T10:00:00.000Z' }),
      message(2, { createdAt: '2026-01-01T10:01:00.000Z' }),
      message(3, { createdAt: '2026-01-02T09:00:00.000Z' }),
      message(4, { createdAt: '2026-01-02T09:01:00.000Z' }),
      message(5, { createdAt: '2026-01-02T09:02:00.000Z', sender: person(ME) }),
    ];
    const items = buildTimeline(list, { readSeq: 3, myId: ME, dayOf });
    expect(
      items.map((i) => (i.type === 'message' ? `${i.message.seq}${i.grouped ? 'g' : ''}` : i.type)),
    ).toEqual(['date', '1', '2g', 'date', '3', 'unread', '4', '5']);
  });

  it('no divider when everything is read or only my messages are new', () => {
    const list = [message(1), message(2, { sender: person(ME) })];
    expect(
      buildTimeline(list, { readSeq: 1, myId: ME, dayOf }).some((i) => i.type === 'unread'),
    ).toBe(false);
    expect(
      buildTimeline(list, { readSeq: null, myId: ME, dayOf }).some((i) => i.type === 'unread'),
    ).toBe(false);
  });

  it('thread replies become compact lines and break groups', () => {
    const root = message(1);
    const items = buildTimeline([root, message(2, { threadId: root.id }), message(3)], {
      readSeq: 3,
      myId: ME,
      dayOf,
    });
    expect(items.map((i) => i.type)).toEqual(['date', 'message', 'reply', 'message']);
    expect(items[3]).toMatchObject({ grouped: false });
  });

  it('a pending message shows once: dropped as soon as the stored copy is there', () => {
    const entry = {
      id: `${ME}-abcdefgh`,
      clientId: 'abcdefgh',
      conversationId: CONV,
      body: 'x',
      attachmentIds: [],
      threadId: null,
      createdAt: '2026-01-01T11:00:00.000Z',
      state: 'pending' as const,
      error: null,
      attempts: 0,
    };
    const pending = pendingMessage(entry, person(ME));
    expect(withPending([message(1)], [pending]).map((m) => m.id)).toHaveLength(2);
    const stored = message(2, { sender: person(ME), clientId: 'abcdefgh' });
    expect(stored.id).toBe(entry.id);
    expect(withPending([message(1), stored], [pending])).toHaveLength(2);
  });

  it('first unread and last editable', () => {
    const mine = message(3, {
      sender: person(ME),
      abilities: { edit: true, delete: true, react: true, reply: true, forward: true },
    });
    const list = [message(1), message(2), mine];
    expect(firstUnread(list, 1, ME)?.seq).toBe(2);
    expect(firstUnread(list, 2, ME)).toBeNull();
    expect(lastEditable(list, ME)?.seq).toBe(3);
    expect(lastEditable([message(1)], ME)).toBeNull();
  });
});
