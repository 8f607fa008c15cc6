import {
  useCallback,
  useId,
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
import { suggestMentions, type MentionCandidate, type Suggestion } from './ComposerMentions';
import { useGrowingTextarea, useMentionList, useMentionQuery } from './composerHooks';
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
  const [dragging, setDragging] = useState(false);
  const { ref, placeCaret } = useGrowingTextarea(value);
  const fileInput = useRef<HTMLInputElement>(null);
  const lastTyping = useRef(0);
  const uploads = useUploads(conversationId, props.upload);
  const id = useId();
  const hintId = `${id}-hint`;

  const mentions = useMentionQuery();
  const suggestions: Suggestion[] =
    mentions.query !== null ? suggestMentions(mentions.query, members, allowMentionAll) : [];
  const announceText = useCallback((count: number) => t('composer.suggestions', { count }), [t]);
  const list = useMentionList({
    state: mentions,
    suggestions,
    textarea: ref,
    value,
    setValue,
    placeCaret,
    announceText,
    disabled,
  });
  const tooLong = value.length > MESSAGE_MAX_CHARS;
  const body = value.trim();
  const canSend =
    !disabled &&
    !uploads.busy &&
    !tooLong &&
    (body.length > 0 || (mode !== 'edit' && uploads.doneIds.length > 0));

  const change = (text: string, caret: number | null) => {
    setValue(text);
    mentions.update(text, caret);
    if (text && props.onTyping && Date.now() - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = Date.now();
      props.onTyping();
    }
  };

  const insertAtCaret = (text: string) => {
    const el = ref.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    placeCaret(start + text.length);
    change(value.slice(0, start) + text + value.slice(end), null);
  };

  const send = () => {
    if (!canSend) return;
    props.onSend(body, mode === 'edit' ? [] : uploads.doneIds);
    if (mode !== 'edit') {
      setValue('');
      uploads.clear();
    }
    mentions.close();
    lastTyping.current = 0;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing || list.onKeyDown(e)) return;
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
        {list.open ? (
          <div
            id={list.listId}
            role="listbox"
            aria-label={t('composer.mentionList')}
            className={styles.listbox}
          >
            {suggestions.map((s, i) => (
              // The textarea keeps focus (aria-activedescendant); keys are handled there.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
              <div
                key={s.kind === 'all' ? '@channel' : s.person.id}
                id={list.optionId(i)}
                role="option"
                aria-selected={i === list.activeIndex}
                className={styles.option}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => list.pick(s)}
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
          {...list.inputProps}
          aria-invalid={tooLong || undefined}
          onChange={(e) => change(e.target.value, e.target.selectionStart)}
          onSelect={(e) => mentions.update(e.currentTarget.value, e.currentTarget.selectionStart)}
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
