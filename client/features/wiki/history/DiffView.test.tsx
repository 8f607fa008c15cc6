import { describe, it, expect, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { DiffDTO, RevisionDTO } from '@shared/wiki/types';
import { i18n } from '../../../test/render';
import { DiffView } from './DiffView';

const rev = (number: number): RevisionDTO => ({
  id: `65a00000000000000000000${number}`,
  pageId: '22222222-2222-4222-8222-222222222222',
  number,
  kind: 'manual',
  note: null,
  authors: [],
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: null,
  title: 'Urlaub',
});

const diff: DiffDTO = {
  from: rev(1),
  to: rev(2),
  titleChanged: { from: 'Urlaub', to: 'Urlaub beantragen' },
  blocks: [
    { kind: 'same', block: 'paragraph', parts: [{ op: 'same', text: 'Einleitung' }] },
    { kind: 'same', block: 'paragraph', parts: [{ op: 'same', text: 'Noch mehr' }] },
    {
      kind: 'changed',
      block: 'paragraph',
      parts: [
        { op: 'same', text: 'Anträge bis ' },
        { op: 'removed', text: 'Freitag' },
        { op: 'added', text: 'Donnerstag' },
        { op: 'same', text: ' stellen.' },
      ],
    },
    { kind: 'added', block: 'heading', parts: [{ op: 'added', text: 'Fristen' }] },
    { kind: 'removed', block: 'listItem', parts: [{ op: 'removed', text: 'Faxformular' }] },
  ],
};

describe('DiffView', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('marks insertions with <ins> and removals with <del>, each with a hidden spoken prefix', () => {
    const { container } = render(<DiffView diff={diff} />);
    const ins = [...container.querySelectorAll('ins')].map((e) => e.textContent?.trim());
    const del = [...container.querySelectorAll('del')].map((e) => e.textContent?.trim());
    expect(ins).toEqual([
      'eingefügt: Urlaub beantragen',
      'eingefügt: Donnerstag',
      'eingefügt: Fristen',
    ]);
    expect(del).toEqual(['entfernt: Urlaub', 'entfernt: Freitag', 'entfernt: Faxformular']);
    // The prefixes are for screen readers only; sighted readers get underline/strike + colour.
    for (const el of container.querySelectorAll('ins, del')) {
      const prefix = el.firstElementChild as HTMLElement;
      expect(prefix).toHaveClass('visually-hidden');
      expect(prefix.textContent?.trim()).toMatch(/^(eingefügt|entfernt):$/);
    }
    // The changed paragraph reads as one sentence with the spoken marks inside.
    expect(screen.getByText(/Anträge bis/)).toHaveTextContent(
      'Anträge bis entfernt: Freitag eingefügt: Donnerstag stellen.',
    );
  });

  it('names each changed block in words and collapses unchanged ones', () => {
    render(<DiffView diff={diff} />);
    expect(screen.getByText('… 2 unveränderte Abschnitte …')).toBeInTheDocument();
    expect(screen.getByText('Geändert · Absatz')).toBeInTheDocument();
    expect(screen.getByText('Neu · Überschrift')).toBeInTheDocument();
    expect(screen.getByText('Gelöscht · Listenpunkt')).toBeInTheDocument();
    expect(screen.queryByText('Einleitung')).toBeNull();
  });

  it('speaks English prefixes in English', async () => {
    await i18n.changeLanguage('en');
    const { container } = render(<DiffView diff={diff} />);
    expect(container.querySelector('ins')?.textContent?.trim()).toBe('inserted: Urlaub beantragen');
    expect(container.querySelector('del')?.textContent?.trim()).toBe('removed: Urlaub');
  });

  it('says when there is no difference', () => {
    render(
      <DiffView
        diff={{
          ...diff,
          titleChanged: null,
          blocks: [{ kind: 'same', block: 'paragraph', parts: [{ op: 'same', text: 'x' }] }],
        }}
      />,
    );
    expect(screen.getByText('Keine Unterschiede.')).toBeInTheDocument();
  });
});
