import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../../../test/render';
import { Composer, type ComposerProps } from './Composer';
import { mentionAt, suggestMentions } from './ComposerMentions';
import type { UploadFn } from './ComposerUploads';

const members = [
  { id: 'p1', username: 'anna.alt', displayName: 'Anna Alt' },
  { id: 'p2', username: 'ben', displayName: 'Ben Bäcker' },
  { id: 'p3', username: 'anton', displayName: 'Anton Ötztal' },
];

function setup(over: Partial<ComposerProps> = {}) {
  const props: ComposerProps = {
    conversationId: 'c1',
    members,
    allowMentionAll: true,
    onSend: vi.fn(),
    onTyping: vi.fn(),
    onEditLast: vi.fn(),
    onCancel: vi.fn(),
    mode: 'message',
    label: 'Nachricht an #allgemein',
    ...over,
  };
  const user = userEvent.setup();
  render(<Composer {...props} />);
  const input = screen.getByRole('textbox', { name: 'Nachricht an #allgemein' });
  return { props, user, input };
}

describe('Composer keyboard', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('has a label and the shortcut hint as description', () => {
    const { input } = setup();
    expect(input).toHaveAccessibleDescription(/Eingabetaste sendet/);
  });

  it('Enter sends the trimmed text and clears; Shift+Enter adds a line', async () => {
    const { props, user, input } = setup();
    await user.type(input, '  Hallo{Shift>}{Enter}{/Shift}Welt');
    expect(input).toHaveValue('  Hallo\nWelt');
    expect(props.onSend).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(props.onSend).toHaveBeenCalledWith('Hallo\nWelt', []);
    expect(input).toHaveValue('');
  });

  it('Enter on an empty composer sends nothing; the send button is disabled', async () => {
    const { props, user, input } = setup();
    await user.type(input, '   {Enter}');
    expect(props.onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Senden' })).toBeDisabled();
  });

  it('↑ in an empty composer edits the last message, not when there is text', async () => {
    const { props, user, input } = setup();
    await user.click(input);
    await user.keyboard('{ArrowUp}');
    expect(props.onEditLast).toHaveBeenCalledTimes(1);
    await user.type(input, 'x{ArrowUp}');
    expect(props.onEditLast).toHaveBeenCalledTimes(1);
  });

  it('Escape cancels; typing is reported at most every few seconds', async () => {
    const { props, user, input } = setup();
    await user.type(input, 'abc{Escape}');
    expect(props.onCancel).toHaveBeenCalledTimes(1);
    expect(props.onTyping).toHaveBeenCalledTimes(1);
  });

  it('edit mode starts with the body, saves it, and offers cancel', async () => {
    const { props, user, input } = setup({ mode: 'edit', initialBody: 'alt' });
    expect(input).toHaveValue('alt');
    expect(screen.queryByRole('button', { name: 'Datei anhängen' })).toBeNull();
    await user.type(input, ' neu{Enter}');
    expect(props.onSend).toHaveBeenCalledWith('alt neu', []);
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect(props.onCancel).toHaveBeenCalled();
  });

  it('too long text cannot be sent', async () => {
    const { props, user, input } = setup();
    fireEvent.change(input, { target: { value: 'x'.repeat(4001) } });
    await user.type(input, '{Enter}');
    expect(props.onSend).not.toHaveBeenCalled();
    expect(input).toHaveAccessibleDescription('1 Zeichen zu lang.');
  });
});

describe('Composer @ autocomplete', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('suggests members, arrows move, Enter inserts @username', async () => {
    const { props, user, input } = setup();
    await user.type(input, 'Hi @an');
    const listbox = screen.getByRole('listbox', { name: 'Personen erwähnen' });
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Anna Alt@anna.alt', 'Anton Ötztal@anton']);
    expect(input).toHaveAttribute('aria-controls', listbox.id);
    expect(input).toHaveAttribute('aria-activedescendant', options[0]!.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[1]!.id);
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[0]!.id);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(input).toHaveValue('Hi @anton ');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(props.onSend).not.toHaveBeenCalled();
    await user.keyboard('da?{Enter}');
    expect(props.onSend).toHaveBeenCalledWith('Hi @anton da?', []);
  });

  it('Tab picks too; names match without umlauts; @channel only when allowed', async () => {
    const { user, input } = setup();
    await user.type(input, '@ba');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Ben Bäcker@ben']);
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('@ben ');
    await user.type(input, '@cha');
    expect(screen.getByRole('option')).toHaveTextContent('@channel');
    await user.keyboard('{Enter}');
    expect(input).toHaveValue('@ben @channel ');
  });

  it('no @channel suggestion without the right', async () => {
    const { user, input } = setup({ allowMentionAll: false });
    await user.type(input, '@cha');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('Escape closes the list without cancelling; a mouse click picks', async () => {
    const { props, user, input } = setup();
    await user.type(input, '@b');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(props.onCancel).not.toHaveBeenCalled();
    await user.type(input, ' @a');
    await user.click(screen.getByRole('option', { name: /Anton/ }));
    expect(input).toHaveValue('@b @anton ');
  });

  it('mentionAt ignores e-mail addresses; suggestions prefer username prefixes', () => {
    expect(suggestMentions('', [{ id: 'x', displayName: 'Ohne Name' }], false)).toEqual([]);
    expect(mentionAt('mail a@b', 8)).toBeNull();
    expect(mentionAt('(@an', 4)).toEqual({ start: 1, query: 'an' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(
      suggestMentions('a', members, false).map((s) => s.kind === 'person' && s.person.id),
    ).toEqual(['p1', 'p3']);
  });
});

describe('Composer attachments', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('uploads with progress, blocks sending meanwhile, sends the file ids', async () => {
    let progress: (f: number) => void = () => {};
    let finish: (v: Awaited<ReturnType<UploadFn>>) => void = () => {};
    const upload = vi.fn<UploadFn>((_c, _file, onProgress) => {
      progress = onProgress;
      return new Promise((resolve) => {
        finish = resolve;
      });
    });
    const { props, user, input } = setup({ upload });
    const fileInput = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(fileInput, new File(['abc'], 'plan.png', { type: 'image/png' }));
    expect(upload).toHaveBeenCalledWith(
      'c1',
      expect.any(File),
      expect.any(Function),
      expect.any(AbortSignal),
    );
    act(() => progress(0.4));
    expect(screen.getByText('wird hochgeladen, 40 %')).toBeInTheDocument();
    await user.type(input, 'Anbei');
    expect(screen.getByRole('button', { name: 'Senden' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(props.onSend).not.toHaveBeenCalled();
    act(() =>
      finish({ id: 'f1', name: 'plan.png', size: 3, contentType: 'image/png', image: null }),
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Senden' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Senden' }));
    expect(props.onSend).toHaveBeenCalledWith('Anbei', ['f1']);
    expect(screen.queryByText('plan.png')).toBeNull();
  });

  it('a removed upload is aborted; a pasted image is uploaded; too large files fail locally', async () => {
    const signals: AbortSignal[] = [];
    const upload = vi.fn<UploadFn>((_c, _f, _p, signal) => {
      signals.push(signal!);
      return new Promise(() => {});
    });
    const { user, input } = setup({ upload });
    const image = new File(['x'], 'screenshot.png', { type: 'image/png' });
    fireEvent.paste(input, { clipboardData: { files: [image], types: ['Files'] } });
    expect(upload).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Anhang screenshot.png entfernen' }));
    expect(signals[0]!.aborted).toBe(true);
    const big = new File(['x'], 'huge.zip');
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    await user.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, big);
    expect(upload).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it('the emoji button inserts an emoji at the caret', async () => {
    const { user, input } = setup();
    await user.type(input, 'Danke ');
    await user.click(screen.getByRole('button', { name: 'Emoji einfügen' }));
    await user.click(await screen.findByRole('button', { name: 'Daumen hoch' }));
    expect(input).toHaveValue('Danke 👍');
  });
});
