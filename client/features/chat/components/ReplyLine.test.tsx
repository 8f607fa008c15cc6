import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../../../test/render';
import { message } from '../test-data';
import { messageHref } from '../links';
import { ReplyLine } from './MessageItem';

describe('ReplyLine (a thread reply in the main timeline)', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('shows a short plain-text preview of the reply and opens the thread', async () => {
    const onOpenThread = vi.fn();
    const reply = message(5, {
      threadId: 'root-1',
      body: `**Bitte** lesen: [Protokoll](https://example.org) ${'und noch mehr Text '.repeat(10)}`,
    });
    render(<ReplyLine message={reply} onOpenThread={onOpenThread} />);
    expect(screen.getByText('hat im Thread geantwortet', { exact: false })).toBeInTheDocument();
    const preview = document.querySelector('q');
    expect(preview?.textContent).toMatch(/^Bitte lesen: Protokoll und noch mehr Text/);
    expect(preview?.textContent?.endsWith('…')).toBe(true);
    expect(Array.from(preview?.textContent ?? '').length).toBeLessThanOrEqual(80);
    expect(preview?.textContent).not.toContain('**');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Thread öffnen' }));
    expect(onOpenThread).toHaveBeenCalledWith('root-1');
  });

  it('a deleted reply shows as deleted, not its old text', () => {
    const reply = message(6, {
      threadId: 'root-1',
      body: 'geheim',
      deletedAt: '2026-01-01T10:00:00.000Z',
    });
    render(<ReplyLine message={reply} onOpenThread={() => undefined} />);
    expect(screen.queryByText('geheim')).toBeNull();
    expect(document.querySelector('q')?.textContent).toBe('Diese Nachricht wurde gelöscht.');
  });
});

describe('messageHref', () => {
  it('links a message, a thread reply with its thread first', () => {
    expect(messageHref('c1', { id: 'm1', threadId: null })).toBe('/chat/c1?message=m1');
    expect(messageHref('c1', { id: 'm2', threadId: 'r1' })).toBe('/chat/c1?thread=r1&message=m2');
  });
});
