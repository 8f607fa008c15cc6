import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX_CHARS } from '@shared/chat/schemas';
import { announce } from '../../../components/LiveAnnouncer';
import { ComposerAttachments } from './ComposerAttachments';
import {
  insertMention,
  mentionAt,
  suggestMentions,
  type MentionCandidate,
  type MentionQuery,
  type Suggestion,
} from './ComposerMentions';
import { useUploads, type UploadFn } from './ComposerUploads';
import { ComposerEmoji } from './ComposerEmoji';
import styles from './Composer.module.css';
import { PaperclipIcon } from '../../../components/icons';

export type { MentionCandidate } from './ComposerMentions';

export interface ComposerProps {
  conversationId: string;
  /** Members for `@` autocomplete (need the username, which PersonRef lacks). */
  members: readonly MentionCandidate[];
  /** Offer `@channel` (ConversationAbilities.mentionAll). */
  allowMentionAll: boolean;
  /** Body (trimmed markdown) and the ids of uploaded files; the composer clears itself after. */
  onSend: (body: string, attachmentIds: string[]) => void;
  /** Called while typing, at most every 3 seconds. */
  onTyping?: () => void;
  /** ↑ in an empty composer. */
  onEditLast?: () => void;
  /** Escape (e.g. leave edit mode, close the thread). */
  onCancel?: () => void;
  initialBody?: string;
  mode: 'message' | 'reply' | 'edit';
  disabled?: boolean;
  /** Visible name of the text field, e.g. "Nachricht an #allgemein". */
  label: string;
  /** Test seam; defaults to `uploadChatFile`. */
  upload?: UploadFn;
}

const TYPING_EVERY_MS = 3000;

/**
 * Message input: Enter sends, Shift+Enter adds a line, ↑ edits the last message, Escape cancels;
 * `@` opens member suggestions (textbox + listbox with aria-activedescendant, ARIA 1.2 style);
 * emoji, attachments by button, drag and drop or paste, uploaded with progress before sending.
 */
export function Composer(props: ComposerProps) {
  const { conversationId, members, allowMentionAll, mode, disabled, label } = props;
  const { t } = useTranslation('chatMessages');
  const [value, setValue] = useState(props.initialBody ?? '');
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dragging, setDragging] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const caretAfterRender = useRef<number | null>(null);
  const lastTyping = useRef(0);
  const uploads = useUploads(conversationId, props.upload);
  const id = useId();
  const hintId = `${id}-hint`;
  const listId = `${id}-mentions`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const suggestions: Suggestion[] =
    mention && mention.start !== dismissed
      ? suggestMentions(mention.query, members, allowMentionAll)
      : [];
  const open = suggestions.length > 0 && !disabled;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));
  const tooLong = value.length > MESSAGE_MAX_CHARS;
  const body = value.trim();
  const canSend =
    !disabled &&
    !uploads.busy &&
    !tooLong &&
    (body.length > 0 || (mode !== 'edit' && uploads.doneIds.length > 0));

  // Grow with the text (CSS caps the height), and put the caret where an insertion ended.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
    if (caretAfterRender.current !== null) {
      el.setSelectionRange(caretAfterRender.current, caretAfterRender.current);
      caretAfterRender.current = null;
    }
  }, [value]);

  const count = open ? suggestions.length : 0;
  useEffect(() => {
    if (count > 0) announce(t('composer.suggestions', { count }));
  }, [count, t]);

  const updateMention = (text: string, caret: number | null) => {
    const found = caret === null ? null : mentionAt(text, caret);
    setMention((prev) =>
      prev?.start === found?.start && prev?.query === found?.query ? prev : found,
    );
    if (!found || found.query !== mention?.query) setActive(0);
  };

  const change = (text: string, caret: number | null) => {
    setValue(text);
    updateMention(text, caret);
    if (text && props.onTyping && Date.now() - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = Date.now();
      props.onTyping();
    }
  };

  const insertAtCaret = (text: string) => {
    const el = ref.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    caretAfterRender.current = start + text.length;
    change(value.slice(0, start) + text + value.slice(end), null);
  };

  const pick = (s: Suggestion) => {
    if (!mention) return;
    const caret = ref.current?.selectionStart ?? value.length;
    const next = insertMention(
      value,
      mention,
      caret,
      s.kind === 'all' ? 'channel' : s.person.username,
    );
    caretAfterRender.current = next.caret;
    setValue(next.text);
    setMention(null);
    ref.current?.focus();
  };

  const send = () => {
    if (!canSend) return;
    props.onSend(body, mode === 'edit' ? [] : uploads.doneIds);
    if (mode !== 'edit') {
      setValue('');
      uploads.clear();
    }
    setMention(null);
    lastTyping.current = 0;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (open && mention) {
      const n = suggestions.length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((activeIndex + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) {
        e.preventDefault();
        pick(suggestions[activeIndex]!);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(mention.start);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      send();
    } else if (e.key === 'ArrowUp' && value === '' && mode !== 'edit' && props.onEditLast) {
      e.preventDefault();
      props.onEditLast();
    } else if (e.key === 'Escape' && props.onCancel) {
      e.preventDefault();
      props.onCancel();
    }
  };

  const addFiles = (files: File[]) => {
    if (files.length === 0 || mode === 'edit' || disabled) return;
    const refused = uploads.add(files, uploads.items.length);
    if (refused > 0) announce(t('composer.tooManyFiles', { count: refused }));
  };
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(e.clipboardData.files);
    // Text wins when both are offered (office programs paste text plus a picture of it).
    if (files.length === 0 || e.clipboardData.types.includes('text/plain')) return;
    e.preventDefault();
    addFiles(files);
  };
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

  return (
    // Dropping files is a shortcut for the (keyboard accessible) attach button.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      className={`${styles.composer} ${dragging ? styles.dragging : ''}`}
      onDragOver={(e) => {
        if (!hasFiles(e) || mode === 'edit') return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        setDragging(false);
        if (!hasFiles(e)) return;
        e.preventDefault();
        addFiles(Array.from(e.dataTransfer.files));
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {label}
      </label>
      <ComposerAttachments items={uploads.items} onRemove={uploads.remove} />
      <div className={styles.field}>
        {open ? (
          <div
            id={listId}
            role="listbox"
            aria-label={t('composer.mentionList')}
            className={styles.listbox}
          >
            {suggestions.map((s, i) => (
              // The textarea keeps focus (aria-activedescendant); keys are handled there.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
              <div
                key={s.kind === 'all' ? '@channel' : s.person.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={styles.option}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(s)}
              >
                {s.kind === 'all' ? (
                  <>
                    <span className={styles.optionName}>@channel</span>
                    <span className={styles.optionMeta}>{t('composer.mentionAllHint')}</span>
                  </>
                ) : (
                  <>
                    <span className={styles.optionName}>{s.person.displayName}</span>
                    <span className={styles.optionMeta}>@{s.person.username}</span>
                  </>
                )}
              </div>
            ))}
          </div>
        ) : null}
        <textarea
          ref={ref}
          id={`${id}-input`}
          className={styles.input}
          value={value}
          rows={1}
          disabled={disabled}
          placeholder={label}
          aria-describedby={hintId}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(activeIndex) : undefined}
          aria-invalid={tooLong || undefined}
          onChange={(e) => change(e.target.value, e.target.selectionStart)}
          onSelect={(e) => updateMention(e.currentTarget.value, e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
      </div>
      <div className={styles.toolbar}>
        <ComposerEmoji
          disabled={disabled}
          onPick={(emoji) => {
            insertAtCaret(emoji);
            requestAnimationFrame(() => ref.current?.focus());
          }}
        />
        {mode !== 'edit' ? (
          <>
            <Button
              className={styles.tool}
              aria-label={t('composer.attach')}
              isDisabled={disabled}
              onPress={() => fileInput.current?.click()}
            >
              <PaperclipIcon />
            </Button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              tabIndex={-1}
              onChange={(e) => {
                addFiles(Array.from(e.target.files ?? []));
                e.target.value = '';
              }}
            />
          </>
        ) : null}
        <p id={hintId} className={`${styles.hint} ${tooLong ? styles.hintError : ''}`}>
          {tooLong
            ? t('composer.tooLong', { count: value.length - MESSAGE_MAX_CHARS })
            : t(mode === 'edit' ? 'composer.hintEdit' : 'composer.hint')}
        </p>
        {mode === 'edit' && props.onCancel ? (
          <Button className={styles.secondary} onPress={props.onCancel}>
            {t('composer.cancel')}
          </Button>
        ) : null}
        <Button className={styles.send} isDisabled={!canSend} onPress={send}>
          {t(mode === 'edit' ? 'composer.save' : 'composer.send')}
        </Button>
      </div>
    </div>
  );
}
