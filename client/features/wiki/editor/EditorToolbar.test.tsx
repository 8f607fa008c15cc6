import { describe, it, expect, beforeEach } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorContent, useEditor } from '@tiptap/react';
import { wikiExtensions } from '@shared/wiki/extensions';
import { i18n } from '../../../test/render';
import { EditorToolbar } from './EditorToolbar';
import { stubLayout } from './jsdom-layout';

stubLayout();

function Harness({ content = '<p>Hallo Welt</p>' }: { content?: string }) {
  const editor = useEditor({ extensions: wikiExtensions(), content, editable: true });
  return (
    <>
      <EditorToolbar editor={editor} onLink={() => {}} onImage={() => {}} onAttachment={() => {}} />
      <EditorContent editor={editor} />
    </>
  );
}

const tabStops = (toolbar: HTMLElement) =>
  [...toolbar.querySelectorAll('button')].filter((b) => b.tabIndex === 0);

describe('EditorToolbar', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('is one toolbar with a single Tab stop, German names, shortcuts and aria-pressed toggles', () => {
    render(<Harness />);
    const toolbar = screen.getByRole('toolbar', { name: 'Textformatierung' });
    expect(tabStops(toolbar)).toHaveLength(1);
    const bold = screen.getByRole('button', { name: 'Fett' });
    expect(bold).toHaveAttribute('aria-pressed', 'false');
    expect(bold).toHaveAttribute('aria-keyshortcuts', 'Control+B');
    expect(screen.getByRole('button', { name: 'Überschrift 2' })).toHaveAttribute('aria-pressed');
    // Commands are plain buttons, not toggles.
    expect(screen.getByRole('button', { name: 'Bild hochladen' })).not.toHaveAttribute(
      'aria-pressed',
    );
  });

  it('moves focus with the arrow keys, Home and End (roving tabindex)', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const toolbar = screen.getByRole('toolbar', { name: 'Textformatierung' });
    const buttons = [...toolbar.querySelectorAll('button')];
    const first = buttons[0] as HTMLButtonElement;
    const last = buttons[buttons.length - 1] as HTMLButtonElement;

    await user.tab();
    expect(first).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(buttons[1]).toHaveFocus();
    expect(tabStops(toolbar)).toEqual([buttons[1]]);
    await user.keyboard('{End}');
    expect(last).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(first).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(last).toHaveFocus();
    await user.keyboard('{Home}');
    expect(first).toHaveFocus();
    // Tab leaves the toolbar at once (one stop), into the document.
    await user.tab();
    expect(toolbar).not.toContainElement(document.activeElement as HTMLElement);
  });

  it('shows the pressed state of the format at the caret and applies formats', async () => {
    const user = userEvent.setup();
    render(<Harness content="<h2>Titel</h2><p><strong>fett</strong></p>" />);
    const prose = document.querySelector('.ProseMirror') as HTMLElement;
    await waitFor(() => expect(prose).toBeTruthy());
    // The caret starts in the heading.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Überschrift 2' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Überschrift 2' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Absatz' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    expect(prose.querySelector('h2')).toBeNull();
  });

  it('inserts a 3×3 table and then offers the table tools as their own toolbar', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.queryByRole('toolbar', { name: 'Tabelle' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Tabelle einfügen (3 × 3)' }));
    const tableBar = await screen.findByRole('toolbar', { name: 'Tabelle' });
    const table = document.querySelector('.ProseMirror table') as HTMLTableElement;
    expect(table.rows).toHaveLength(3);
    expect(tabStops(tableBar)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Zeile darunter einfügen' }));
    expect((document.querySelector('.ProseMirror table') as HTMLTableElement).rows).toHaveLength(4);
  });

  it('wraps the paragraph in a callout and offers its tone', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Hinweisbox' }));
    const tone = await screen.findByRole('combobox', { name: 'Art des Hinweises' });
    await user.selectOptions(tone, 'warning');
    await waitFor(() =>
      expect(document.querySelector('.ProseMirror [data-callout]')).toHaveAttribute(
        'data-tone',
        'warning',
      ),
    );
    expect(screen.getByRole('button', { name: 'Hinweisbox' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});
