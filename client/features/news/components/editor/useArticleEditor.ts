import { useCallback, useMemo, useState } from 'react';
import type { NewsArticleDTO, NewsChannelDTO } from '@shared/news/types';
import { ApiError } from '../../../../lib/api';
import {
  useCreateArticle,
  useDeleteArticle,
  useTransition,
  useUpdateArticle,
} from '../../editor-queries';
import type { NewsTransition } from '../../editor-api';
import {
  draftFromArticle,
  draftToFields,
  emptyDraft,
  sameDraft,
  validateDraft,
  type ArticleDraft,
} from './article-form';

/**
 * The editor's state machine: a working copy (`draft`), what was last saved (`baseline`), the
 * revision the copy is based on, and the writes. A save answered with 409 sets `conflict`: someone
 * else saved in between; the page offers to reload.
 */
export function useArticleEditor({
  articleId,
  isNew,
  article,
  channels,
}: {
  articleId: string;
  /** False when editing a stored article: wait for it instead of starting an empty draft. */
  isNew: boolean;
  article: NewsArticleDTO | undefined;
  channels: NewsChannelDTO[] | undefined;
}) {
  const [draft, setDraft] = useState<ArticleDraft | null>(null);
  const [baseline, setBaseline] = useState<ArticleDraft | null>(null);
  const [rev, setRev] = useState<number | null>(null);
  const [current, setCurrent] = useState<NewsArticleDTO | null>(null);
  const [material, setMaterial] = useState(false);
  const [showIssues, setShowIssues] = useState(false);
  const [conflict, setConflict] = useState(false);
  /** Bumped when the copy is replaced from the server: remounts the rich-text editors. */
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);

  const create = useCreateArticle();
  const update = useUpdateArticle(articleId);
  const transition = useTransition(articleId);
  const remove = useDeleteArticle(articleId);

  const adopt = useCallback((a: NewsArticleDTO) => {
    const d = draftFromArticle(a);
    setDraft(d);
    setBaseline(d);
    setRev(a.rev);
    setCurrent(a);
    setMaterial(false);
    setConflict(false);
    setFormKey((k) => k + 1);
  }, []);

  // First load (state adjusted while rendering, React's pattern for derived state): the server
  // copy, or an empty draft in the first channel the person may publish in.
  if (loadedFor !== articleId) {
    if (article) {
      setLoadedFor(articleId);
      adopt(article);
    } else if (isNew && channels && draft === null) {
      // City-wide channels first: an office channel is a deliberate choice.
      const first =
        channels.find((c) => c.abilities.publish && !c.unit) ??
        channels.find((c) => c.abilities.publish) ??
        null;
      const d = emptyDraft(first?.id ?? null);
      setLoadedFor(articleId);
      setDraft(d);
      setBaseline(d);
    }
  }

  const issues = useMemo(() => (draft ? validateDraft(draft) : {}), [draft]);
  const dirty = Boolean(draft && baseline && !sameDraft(draft, baseline));
  const saved = current !== null;

  const handleError = (err: unknown) => {
    if (err instanceof ApiError && err.status === 409) setConflict(true);
    else setError(err);
  };

  /** Saves the working copy (create on first save); resolves with the saved article or null. */
  const save = async (): Promise<NewsArticleDTO | null> => {
    if (!draft) return null;
    setError(null);
    if (Object.keys(issues).length > 0) {
      setShowIssues(true);
      return null;
    }
    try {
      const fields = draftToFields(draft);
      const a =
        saved && rev !== null
          ? await update.mutateAsync({ ...fields, rev, material, note: '' })
          : await create.mutateAsync({ ...fields, id: articleId });
      setBaseline(draft);
      setRev(a.rev);
      setCurrent(a);
      setMaterial(false);
      setShowIssues(false);
      return a;
    } catch (err) {
      handleError(err);
      return null;
    }
  };

  /** Saves pending changes first, then moves the article on (publish, submit, …). */
  const run = async (action: NewsTransition, comment = ''): Promise<NewsArticleDTO | null> => {
    setError(null);
    let base = current;
    if (!base || dirty) base = await save();
    if (!base) return null;
    try {
      const a = await transition.mutateAsync({ action, rev: base.rev, comment });
      setRev(a.rev);
      setCurrent(a);
      return a;
    } catch (err) {
      handleError(err);
      return null;
    }
  };

  const destroy = async (): Promise<boolean> => {
    setError(null);
    try {
      await remove.mutateAsync();
      setBaseline(draft);
      return true;
    } catch (err) {
      handleError(err);
      return false;
    }
  };

  const busy = create.isPending || update.isPending || transition.isPending || remove.isPending;

  return {
    draft,
    setDraft,
    issues,
    showIssues,
    dirty,
    saved,
    current,
    material,
    setMaterial,
    conflict,
    formKey,
    error,
    busy,
    save,
    run,
    destroy,
    adopt,
    /** Marks the copy as saved (so leaving does not warn), e.g. before navigating away. */
    settle: () => setBaseline(draft),
  };
}

export type ArticleEditor = ReturnType<typeof useArticleEditor>;
