import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RoomDTO, RoomFileRefDTO } from '@shared/rooms/types';
import { announce } from '../../../components/LiveAnnouncer';
import { CheckboxField } from '../../../components/CheckboxField';
import { PaperclipIcon } from '../../../components/icons';
import { ComposerAttachments } from '../../chat/components/ComposerAttachments';
import {
  insertMention,
  mentionAt,
  suggestMentions,
  type MentionQuery,
  type Suggestion,
} from '../../chat/components/ComposerMentions';
import { useUploads, type UploadFn } from '../../chat/components/ComposerUploads';
import chat from '../../chat/components/Composer.module.css';
import { uploadPostFile } from './api';
import { useMentionCandidates } from './queries';
import styles from './feed.module.css';

/** The server's limit of a post's text (`postCreateSchema`). */
export const POST_MAX_CHARS = 10_000;

export interface FeedComposerProps {
  room: Pick<RoomDTO, 'id' | 'name' | 'abilities'>;
  /** Trimmed body, announcement flag and the uploaded files; the composer clears itself after. */
  onSend: (body: string, announcement: boolean, files: RoomFileRefDTO[]) => void;
  /** Test seam; defaults to `uploadPostFile`. */
  upload?: UploadFn<RoomFileRefDTO>;
}

/**
 * Writes a post: the chat's markdown subset, `@` suggestions from the room's members (textbox +
 * listbox with aria-activedescendant, as in the chat composer), files uploaded with progress
 * before sending (removable), "Als Ankündigung" for moderators. Ctrl+Enter sends; Enter is a new line.
 */
export function FeedComposer({ room, onSend, upload = uploadPostFile }: FeedComposerProps) {
  const { t } = useTranslation('roomsFeed');
  const [value, setValue] = useState('');
  const [announcement, setAnnouncement] = useState(false);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const caretAfterRender = useRef<number | null>(null);
  const uploads = useUploads<RoomFileRefDTO>(room.id, upload);
  const id = useId();
  const listId = `${id}-mentions`;
  const hintId = `${id}-hint`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const searching = mention && mention.start !== dismissed ? mention.query : null;
  const candidates = useMentionCandidates(room.id, searching);
  const suggestions: Suggestion[] =
    searching !== null ? suggestMentions(searching, candidates.data ?? [], false) : [];
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));
  const tooLong = value.length > POST_MAX_CHARS;
  const body = value.trim();
  const canSend = !uploads.busy && !tooLong && body.length > 0;

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

  const pick = (s: Suggestion) => {
    if (!mention || s.kind !== 'person') return;
    const caret = ref.current?.selectionStart ?? value.length;
    const next = insertMention(value, mention, caret, s.person.username);
    caretAfterRender.current = next.caret;
    setValue(next.text);
    setMention(null);
    ref.current?.focus();
  };

  const send = () => {
    if (!canSend) return;
    const files = uploads.items.flatMap((u) => (u.status === 'done' && u.result ? [u.result] : []));
    onSend(body, announcement && room.abilities.moderate, files);
    setValue('');
    setAnnouncement(false);
    uploads.clear();
    setMention(null);
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
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
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
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    }
  };

  const addFiles = (files: File[]) => {
    if (files.length === 0) return;
    const refused = uploads.add(files, uploads.items.length);
    if (refused > 0) announce(t('composer.tooManyFiles', { count: refused }));
  };

  return (
    <div className={`${chat.composer} ${styles.composer}`}>
      <label htmlFor={`${id}-input`} className={styles.composerLabel}>
        {t('composer.label', { name: room.name })}
      </label>
      <div className={chat.field}>
        <textarea
          ref={ref}
          id={`${id}-input`}
          className={`${chat.input} ${styles.composerInput}`}
          value={value}
          rows={3}
          aria-describedby={hintId}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(activeIndex) : undefined}
          aria-invalid={tooLong || undefined}
          onChange={(e) => {
            setValue(e.target.value);
            updateMention(e.target.value, e.target.selectionStart);
          }}
          onSelect={(e) => updateMention(e.currentTarget.value, e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
        {open ? (
          <div
            id={listId}
            role="listbox"
            aria-label={t('composer.mentionList')}
            className={`${chat.listbox} ${styles.mentionList}`}
          >
            {suggestions.map((s, i) =>
              s.kind === 'person' ? (
                // The textarea keeps focus (aria-activedescendant); keys are handled there.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
                <div
                  key={s.person.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === activeIndex}
                  className={chat.option}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(s)}
                >
                  <span className={chat.optionName}>{s.person.displayName}</span>
                  <span className={chat.optionMeta}>@{s.person.username}</span>
                </div>
              ) : null,
            )}
          </div>
        ) : null}
      </div>
      <ComposerAttachments items={uploads.items} onRemove={uploads.remove} />
      <div className={chat.toolbar}>
        <Button
          className={chat.tool}
          aria-label={t('composer.attach')}
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
        {room.abilities.moderate ? (
          <CheckboxField isSelected={announcement} onChange={setAnnouncement}>
            {t('composer.announcement')}
          </CheckboxField>
        ) : null}
        <p id={hintId} className={`${chat.hint} ${tooLong ? chat.hintError : ''}`}>
          {tooLong
            ? t('composer.tooLong', { count: value.length - POST_MAX_CHARS })
            : t('composer.hint')}
        </p>
        <Button className={chat.send} isDisabled={!canSend} onPress={send}>
          {t('composer.send')}
        </Button>
      </div>
    </div>
  );
}
