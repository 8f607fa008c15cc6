import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { announce } from '../../../components/LiveAnnouncer';
import { insertMention, mentionAt, type MentionQuery, type Suggestion } from './ComposerMentions';

/**
 * A textarea that grows with its text (CSS caps the height) and can put the caret where an
 * insertion ended: `placeCaret(n)` before `setValue` moves it once the new text is rendered.
 */
export function useGrowingTextarea(value: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const caretAfterRender = useRef<number | null>(null);
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
  const placeCaret = (caret: number) => {
    caretAfterRender.current = caret;
  };
  return { ref, placeCaret };
}

/**
 * Where the `@word` at the caret is, whether Escape dismissed it, and which suggestion is active.
 * `query` is what to search for (null: nothing to suggest); call `update` on change and select.
 */
export function useMentionQuery() {
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const update = (text: string, caret: number | null) => {
    const found = caret === null ? null : mentionAt(text, caret);
    setMention((prev) =>
      prev?.start === found?.start && prev?.query === found?.query ? prev : found,
    );
    if (!found || found.query !== mention?.query) setActive(0);
  };
  return {
    mention,
    query: mention && mention.start !== dismissed ? mention.query : null,
    active,
    setActive,
    update,
    dismiss: () => setDismissed(mention?.start ?? null),
    close: () => setMention(null),
  };
}

export type MentionState = ReturnType<typeof useMentionQuery>;

/**
 * The `@` suggestion list of a composer (textbox + listbox with aria-activedescendant, ARIA 1.2):
 * ↑/↓ move, Enter or Tab insert `@username `, Escape closes it for this `@`; the number of
 * suggestions is announced. `onKeyDown` returns true when it handled the key.
 */
export function useMentionList({
  state,
  suggestions,
  textarea,
  value,
  setValue,
  placeCaret,
  announceText,
  disabled = false,
  ctrlEnterSends = false,
}: {
  state: MentionState;
  suggestions: Suggestion[];
  textarea: RefObject<HTMLTextAreaElement | null>;
  value: string;
  setValue: (text: string) => void;
  placeCaret: (caret: number) => void;
  /** "3 Vorschläge" (keep it stable: a new function announces again). */
  announceText: (count: number) => string;
  disabled?: boolean;
  /** Ctrl/Cmd+Enter sends here, so it must not insert a suggestion. */
  ctrlEnterSends?: boolean;
}) {
  const id = useId();
  const listId = `${id}-mentions`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const open = suggestions.length > 0 && !disabled;
  const activeIndex = Math.min(state.active, Math.max(0, suggestions.length - 1));

  const count = open ? suggestions.length : 0;
  useEffect(() => {
    if (count > 0) announce(announceText(count));
  }, [count, announceText]);

  const pick = (s: Suggestion) => {
    const { mention } = state;
    if (!mention) return;
    const caret = textarea.current?.selectionStart ?? value.length;
    const next = insertMention(
      value,
      mention,
      caret,
      s.kind === 'all' ? 'channel' : s.person.username,
    );
    placeCaret(next.caret);
    setValue(next.text);
    state.close();
    textarea.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || !state.mention) return false;
    const n = suggestions.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      state.setActive((activeIndex + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
      return true;
    }
    const modified = e.shiftKey || (ctrlEnterSends && (e.ctrlKey || e.metaKey));
    if ((e.key === 'Enter' || e.key === 'Tab') && !modified) {
      e.preventDefault();
      pick(suggestions[activeIndex]!);
      return true;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      state.dismiss();
      return true;
    }
    return false;
  };

  return {
    open,
    activeIndex,
    listId,
    optionId,
    pick,
    onKeyDown,
    /** For the textarea. */
    inputProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open ? optionId(activeIndex) : undefined,
    },
  };
}
