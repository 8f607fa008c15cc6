import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '@shared/http/errors';
import { ApiError } from '../../../lib/api';
import { announce } from '../../../components/LiveAnnouncer';
import { contentKey, draftReducer, fromDraftDTO, toContentInput, type DraftState } from './draft';
import { mapIssues, metaFieldId, type EditorIssue } from './errors';
import { euroToCents, formFromCourse, metaKey, updateFromForm, type MetaForm } from './meta';
import {
  useAuthorCourse,
  useDraft,
  usePublishCourse,
  useSaveDraft,
  useUpdateCourse,
} from './queries';

export type Section = 'meta' | 'content' | 'publish';
const emptyDraft: DraftState = { modules: [], assessment: [] };

/**
 * The course editor's state: the meta form (PATCH with the course rev) and the content draft
 * (PUT with the draft rev), what differs from the last saved copy, and save / publish with their
 * error paths (409 stale_copy → reload offer; 400 field issues → section, lesson and field).
 */
export function useCourseEditor(courseId: string, onProblem: (issue: EditorIssue) => void) {
  const { i18n } = useTranslation();
  const course = useAuthorCourse(courseId);
  const draftQuery = useDraft(courseId);
  const update = useUpdateCourse(courseId);
  const save = useSaveDraft(courseId);
  const publish = usePublishCourse(courseId);

  const [form, setForm] = useState<MetaForm | null>(null);
  const [savedMeta, setSavedMeta] = useState('');
  const [draft, dispatch] = useReducer(draftReducer, emptyDraft);
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  const [savedContent, setSavedContent] = useState<string | null>(null);
  const [draftRev, setDraftRev] = useState(0);
  const [issues, setIssues] = useState<EditorIssue[]>([]);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Adopt the server's copies once (and again after "Neu laden"), never behind local edits:
  // adjusted while rendering, React's pattern for state derived from new data.
  if (form === null && course.data) {
    const f = formFromCourse(course.data, i18n.language);
    setForm(f);
    setSavedMeta(metaKey(f));
  }
  if (savedContent === null && draftQuery.data) {
    const s = fromDraftDTO(draftQuery.data);
    dispatch({ type: 'replace', state: s });
    setSavedContent(contentKey(s));
    setDraftRev(draftQuery.data.rev);
  }

  const metaDirty = form !== null && metaKey(form) !== savedMeta;
  const contentDirty = savedContent !== null && contentKey(draft) !== savedContent;
  const dirty = metaDirty || contentDirty;

  const fail = useCallback(
    (err: unknown, state: DraftState) => {
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_copy') {
        setConflict(true);
        return;
      }
      const details: FieldIssue[] = err instanceof ApiError ? err.details : [];
      const mapped = mapIssues(details, state);
      setIssues(mapped);
      setError(err);
      if (mapped[0]) onProblem(mapped[0]);
    },
    [onProblem],
  );

  /** Saves what changed: the draft's rev afterwards, or null when it failed (issues and error set). */
  const saveAll = async (): Promise<number | null> => {
    if (!form || !course.data) return null;
    setError(null);
    setIssues([]);
    if (metaDirty && euroToCents(form.costEuro) === null) {
      const issue: EditorIssue = {
        section: 'meta',
        lessonId: null,
        fieldId: metaFieldId('costCents'),
        code: 'invalid_amount',
      };
      setIssues([issue]);
      onProblem(issue);
      return null;
    }
    setBusy(true);
    let rev = draftRev;
    try {
      if (metaDirty) {
        const sent = metaKey(form);
        await update.mutateAsync(
          updateFromForm(form, course.data.rev, course.data.abilities.administer),
        );
        setSavedMeta(sent);
      }
      if (contentDirty) {
        const sent = contentKey(draft);
        const saved = await save.mutateAsync(toContentInput(draft, draftRev));
        rev = saved.rev;
        setDraftRev(rev);
        setSavedContent(sent);
      }
      return rev;
    } catch (err) {
      fail(err, draft);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const publishNow = async (): Promise<boolean> => {
    const rev = await saveAll();
    if (rev === null) return false;
    setBusy(true);
    try {
      await publish.mutateAsync(rev);
      // Publishing may move the draft's rev on: take it while nothing new is unsaved.
      const fresh = await draftQuery.refetch();
      if (fresh.data && contentKey(draftRef.current) === contentKey(draft))
        setDraftRev(fresh.data.rev);
      return true;
    } catch (err) {
      fail(err, draft);
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** "Neu laden": throw local edits away and take the server's copies. */
  const reload = async () => {
    setConflict(false);
    setIssues([]);
    setError(null);
    await Promise.all([course.refetch(), draftQuery.refetch()]);
    setForm(null);
    setSavedContent(null);
    announce(i18n.t('learningAuthor:editor.reloaded'));
  };

  return {
    course,
    draftQuery,
    form,
    setForm,
    draft,
    dispatch,
    draftRev,
    dirty,
    metaDirty,
    contentDirty,
    issues,
    conflict,
    error,
    busy,
    saveAll,
    publishNow,
    reload,
    clearError: () => setError(null),
  };
}
