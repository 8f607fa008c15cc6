import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import type { PageDTO } from '@shared/wiki/types';
import { Page } from '../../../components/Page';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LinkButton } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { announce } from '../../../components/LiveAnnouncer';
import { ApiError } from '../../../lib/api';
import { useMe } from '../../auth/queries';
import { wikiKeys } from '../keys';
import { usePage, useSpace, useUpdatePage } from './queries';
import { caretColor, useCollab } from './collab';
import { CollabEditor } from './CollabEditor';
import { ConnectionStatus, Presence } from './EditorSidebar';
import { VersionActions } from './VersionActions';
import styles from './editor.module.css';

/** `/wiki/p/:pageId/edit`: the co-editor. */
export function WikiEditPage() {
  const { t } = useTranslation('wikiEditor');
  const { pageId = '' } = useParams();
  const page = usePage(pageId);

  if (page.isPending) return <Spinner />;
  if (page.isError || !page.data)
    return (
      <Page title={t('edit.titleFallback')}>
        <ErrorMessage error={page.error} />
      </Page>
    );
  if (!page.data.abilities.edit) return <ReadOnlyNotice page={page.data} reason="rights" />;
  return <EditView page={page.data} />;
}

function ReadOnlyNotice({ page, reason }: { page: PageDTO; reason: 'rights' | 'refused' }) {
  const { t } = useTranslation('wikiEditor');
  return (
    <Page title={t('edit.heading', { title: page.title })}>
      <div role="alert" className={styles.notice}>
        <p>{t(reason === 'rights' ? 'readonly.rights' : 'readonly.refused')}</p>
        <LinkButton href={`/wiki/p/${page.id}`} variant="secondary">
          {t('readonly.back')}
        </LinkButton>
      </div>
    </Page>
  );
}

function EditView({ page }: { page: PageDTO }) {
  const { t } = useTranslation('wikiEditor');
  const me = useMe();
  const { session, state } = useCollab(page.id);
  const space = useSpace(page.spaceId);
  const [editor, setEditor] = useState<Editor | null>(null);
  const onEditor = useCallback((e: Editor | null) => setEditor(e), []);
  const user = {
    id: me.id,
    name: me.displayName,
    color: caretColor(me.id),
    initials: me.initials,
  };

  if (state.access === 'refused') return <ReadOnlyNotice page={page} reason="refused" />;

  return (
    <Page
      title={t('edit.heading', { title: page.title })}
      actions={
        <>
          <LinkButton href={`/wiki/p/${page.id}`} variant="secondary">
            {t('edit.view')}
          </LinkButton>
          <LinkButton href={`/wiki/p/${page.id}/history`} variant="secondary">
            {t('edit.history')}
          </LinkButton>
        </>
      }
    >
      <div className={styles.topBar}>
        <ConnectionStatus state={state} />
        <Presence people={state.people} />
      </div>
      {state.access === 'readonly' ? (
        <div role="alert" className={styles.notice}>
          <p>{t('readonly.server')}</p>
          <LinkButton href={`/wiki/p/${page.id}`} variant="secondary">
            {t('readonly.back')}
          </LinkButton>
        </div>
      ) : null}
      <TitleField page={page} />
      <VersionActions
        page={page}
        approvalRequired={space.data?.approvalRequired ?? false}
        canSave={state.access === 'write' && editor !== null}
      />
      <CollabEditor
        pageId={page.id}
        session={session}
        user={user}
        editable={state.access === 'write'}
        onEditor={onEditor}
      />
    </Page>
  );
}

/** The title, saved on blur with the page's `rev` (409 → message and a fresh copy). */
function TitleField({ page }: { page: PageDTO }) {
  const { t } = useTranslation('wikiEditor');
  const qc = useQueryClient();
  const rename = useUpdatePage(page.id);
  const [value, setValue] = useState(page.title);
  const focused = useRef(false);

  // Someone else renamed it: follow unless the field is being edited.
  useEffect(() => {
    if (!focused.current) setValue(page.title);
  }, [page.title]);

  const save = () => {
    focused.current = false;
    const title = value.trim();
    if (!title || title === page.title) {
      setValue(page.title);
      return;
    }
    rename.mutate(
      { rev: page.rev, title },
      {
        onSuccess: () => announce(t('title.saved')),
        onError: (err) => {
          if (err instanceof ApiError && err.status === 409)
            void qc.invalidateQueries({ queryKey: wikiKeys.page(page.id) });
        },
      },
    );
  };

  return (
    <div className={styles.titleField}>
      <TextField
        label={t('title.label')}
        value={value}
        onChange={setValue}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={save}
        maxLength={200}
        isRequired
      />
      {rename.error instanceof ApiError && rename.error.status === 409 ? (
        <p role="alert" className={styles.warning}>
          {t('title.conflict')}
        </p>
      ) : (
        <ErrorMessage error={rename.error} />
      )}
    </div>
  );
}
