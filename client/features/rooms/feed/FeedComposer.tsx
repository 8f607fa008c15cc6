import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RoomDTO, RoomFileRefDTO } from '@shared/rooms/types';
import { announce } from '../../../components/LiveAnnouncer';
import { CheckboxField } from '../../../components/CheckboxField';
import { PaperclipIcon } from '../../../components/icons';
import { ComposerAttachments } from '../../chat/components/ComposerAttachments';
import { suggestMentions, type Suggestion } from '../../chat/components/ComposerMentions';
import {
  useGrowingTextarea,
  useMentionList,
  useMentionQuery,
} from '../../chat/components/composerHooks';
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
  const { ref, placeCaret } = useGrowingTextarea(value);
  const fileInput = useRef<HTMLInputElement>(null);
  const uploads = useUploads<RoomFileRefDTO>(room.id, upload);
  const id = useId();
  const hintId = `${id}-hint`;

  const mentions = useMentionQuery();
  const candidates = useMentionCandidates(room.id, mentions.query);
  const suggestions: Suggestion[] =
    mentions.query !== null ? suggestMentions(mentions.query, candidates.data ?? [], false) : [];
  const announceText = useCallback((count: number) => t('composer.suggestions', { count }), [t]);
  const list = useMentionList({
    state: mentions,
    suggestions,
    textarea: ref,
    value,
    setValue,
    placeCaret,
    announceText,
    ctrlEnterSends: true,
  });
  const tooLong = value.length > POST_MAX_CHARS;
  const body = value.trim();
  const canSend = !uploads.busy && !tooLong && body.length > 0;

  const send = () => {
    if (!canSend) return;
    const files = uploads.items.flatMap((u) => (u.status === 'done' && u.result ? [u.result] : []));
    onSend(body, announcement && room.abilities.moderate, files);
    setValue('');
    setAnnouncement(false);
    uploads.clear();
    mentions.close();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing || list.onKeyDown(e)) return;
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
          {...list.inputProps}
          aria-invalid={tooLong || undefined}
          onChange={(e) => {
            setValue(e.target.value);
            mentions.update(e.target.value, e.target.selectionStart);
          }}
          onSelect={(e) => mentions.update(e.currentTarget.value, e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
        {list.open ? (
          <div
            id={list.listId}
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
                  id={list.optionId(i)}
                  role="option"
                  aria-selected={i === list.activeIndex}
                  className={chat.option}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => list.pick(s)}
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
