import { createContext, useCallback, useContext, useEffect, useRef, type Dispatch } from 'react';
import type { CourseKind } from '@shared/learning/schemas';
import type { DraftAction } from './draft';

/** What every part of the content editor needs: the dispatch, field issues and focus moves. */
export interface EditorTools {
  courseId: string;
  kind: CourseKind;
  dispatch: Dispatch<DraftAction>;
  /** The translated problem of a field (by DOM id), if the last save or publish reported one. */
  issue: (fieldId: string) => string | undefined;
  /** Focus the element with this id after the next render (new, moved or removed items). */
  focusLater: (elementId: string) => void;
}

export const EditorContext = createContext<EditorTools | null>(null);

export function useEditorTools(): EditorTools {
  const tools = useContext(EditorContext);
  if (!tools) throw new Error('useEditorTools outside the course editor');
  return tools;
}

/** A focus request that waits for the render that shows the element. */
export function useFocusLater() {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const id = pending.current;
    if (!id) return;
    const el = document.getElementById(id);
    if (el) {
      pending.current = null;
      el.focus();
      el.scrollIntoView?.({ block: 'nearest' });
    }
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}
