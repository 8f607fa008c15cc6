import { useMemo, useReducer, useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LiveAnnouncer } from '../../../../components/LiveAnnouncer';
import { i18n, renderWithRouter } from '../../../../test/render';
import { EditorContext, useFocusLater, type EditorTools } from '../context';
import { draftReducer, newLesson, type DraftState } from '../draft';
import { ContentEditor } from './ContentEditor';

let n = 0;
const seq = () => `id${String(++n).padStart(4, '0')}`;
function start(): DraftState {
  n = 0;
  return {
    modules: [
      {
        id: 'mod001',
        title: 'Grundlagen',
        lessons: [newLesson('text', 'Eins', seq), newLesson('text', 'Zwei', seq)],
      },
      { id: 'mod002', title: 'Vertiefung', lessons: [newLesson('link', 'Drei', seq)] },
    ],
    assessment: [],
  };
}

function Harness() {
  const [draft, dispatch] = useReducer(draftReducer, undefined, start);
  const [selected, setSelected] = useState<string | null>(null);
  const focusLater = useFocusLater();
  const tools: EditorTools = useMemo(
    () => ({ courseId: 'c1', kind: 'course', dispatch, focusLater, issue: () => undefined }),
    [focusLater],
  );
  return (
    <EditorContext.Provider value={tools}>
      <LiveAnnouncer />
      <ContentEditor
        draft={draft}
        selected={selected}
        onSelect={setSelected}
        problems={new Set()}
      />
    </EditorContext.Provider>
  );
}

const lessonNames = (moduleLabel: string) =>
  within(screen.getByRole('list', { name: `Lektionen von ${moduleLabel}` }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('button')?.firstChild?.textContent);

beforeEach(async () => {
  await i18n.changeLanguage('de');
});

describe('ContentEditor', () => {
  it('moves a lesson with "Nach unten" across the module border, announces it and keeps focus on a move button', async () => {
    renderWithRouter(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Nach unten: Zwei' }));
    expect(lessonNames('Modul 1')).toEqual(['Eins']);
    expect(lessonNames('Modul 2')).toEqual(['Zwei', 'Drei']);
    expect(screen.getByRole('status')).toHaveTextContent(
      '„Zwei“ steht jetzt in Modul 2 an Position 1 von 2.',
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Nach unten: Zwei' })).toHaveFocus(),
    );
  });

  it('moves a lesson with Alt+↑ and leaves focus on the lesson', async () => {
    renderWithRouter(<Harness />);
    const user = userEvent.setup();
    const zwei = screen.getByRole('button', { name: /^Zwei/ });
    zwei.focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(lessonNames('Modul 1')).toEqual(['Zwei', 'Eins']);
    await waitFor(() => expect(screen.getByRole('button', { name: /^Zwei/ })).toHaveFocus());
  });

  it('adds a module and puts focus in its title', async () => {
    renderWithRouter(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Modul hinzufügen' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /Titel von Modul 3/ })).toHaveFocus(),
    );
    expect(screen.getByRole('textbox', { name: /Titel von Modul 3/ })).toHaveValue('Modul 3');
  });

  it('deletes a module only after the confirmation', async () => {
    renderWithRouter(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: 'Modul löschen' })[1]!);
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent(
      '„Vertiefung“ und seine 1 Lektion werden aus dem Entwurf gelöscht.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Modul löschen' }));
    await waitFor(() =>
      expect(screen.queryByRole('list', { name: 'Lektionen von Modul 2' })).toBeNull(),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Modul „Vertiefung“ gelöscht.');
  });
});
