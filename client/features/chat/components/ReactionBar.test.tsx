import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactionDTO } from '@shared/chat/types';
import { i18n } from '../../../test/render';
import { ReactionBar } from './ReactionBar';

const me = '64b000000000000000000001';
const reactions: ReactionDTO[] = [
  { reaction: 'thumbsup', count: 3, personIds: [me, 'b', 'c'], names: ['Erika', 'Anna', 'Ben'] },
  { reaction: 'heart', count: 12, personIds: ['x'], names: ['Anna'] },
];

describe('ReactionBar', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('marks my reactions with aria-pressed and names who reacted', () => {
    render(<ReactionBar reactions={reactions} viewerId={me} onToggle={() => {}} canReact />);
    const thumbs = screen.getByRole('button', {
      name: '👍 3: Erika, Anna, Ben — Reaktion entfernen',
    });
    expect(thumbs).toHaveAttribute('aria-pressed', 'true');
    const heart = screen.getByRole('button', {
      name: '❤️ 12: Anna und 11 weitere Personen — reagieren',
    });
    expect(heart).toHaveAttribute('aria-pressed', 'false');
  });

  it('toggles: pressing mine takes it back, pressing another adds it', async () => {
    const onToggle = vi.fn();
    const user = userEvent.setup();
    render(<ReactionBar reactions={reactions} viewerId={me} onToggle={onToggle} canReact />);
    await user.click(screen.getByRole('button', { name: /^👍/ }));
    await user.click(screen.getByRole('button', { name: /^❤️/ }));
    expect(onToggle.mock.calls).toEqual([
      ['thumbsup', false],
      ['heart', true],
    ]);
  });

  it('the picker offers the 16 reactions with arrow keys and picks one', async () => {
    const onToggle = vi.fn();
    const user = userEvent.setup();
    render(<ReactionBar reactions={reactions} viewerId={me} onToggle={onToggle} canReact />);
    await user.click(screen.getByRole('button', { name: 'Reaktion hinzufügen' }));
    const grid = await screen.findByRole('toolbar', { name: 'Reaktion wählen' });
    const buttons = within(grid).getAllByRole('button');
    expect(buttons).toHaveLength(16);
    expect(buttons[0]).toHaveFocus();
    expect(within(grid).getByRole('button', { name: 'Daumen hoch' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(buttons[5]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onToggle).toHaveBeenCalledWith('tada', true);
    expect(screen.queryByRole('toolbar')).toBeNull();
  });

  it('without permission the chips are disabled and there is no picker', () => {
    render(
      <ReactionBar reactions={reactions} viewerId={me} onToggle={() => {}} canReact={false} />,
    );
    for (const b of screen.getAllByRole('button')) expect(b).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Reaktion hinzufügen' })).toBeNull();
  });
});
