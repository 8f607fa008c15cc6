import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { Card } from '../../../components/Card';
import { Button, LinkButton } from '../../../components/Button';
import { SelectField } from '../../../components/SelectField';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { AudiencePicker } from '../../../components/AudiencePicker';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { ApiError } from '../../../lib/api';
import { newArticleId } from '../editor-api';
import { useChannels, useEditableArticle } from '../editor-queries';
import { VariantTabs } from '../components/editor/VariantTabs';
import { CoverField } from '../components/editor/CoverField';
import { AttachmentUploader } from '../components/editor/AttachmentUploader';
import { DateTimeField } from '../components/editor/DateTimeField';
import { EditorActions } from '../components/editor/EditorActions';
import { EditorHistory } from '../components/editor/EditorHistory';
import { useArticleEditor } from '../components/editor/useArticleEditor';
import type { ArticleDraft } from '../components/editor/article-form';
import styles from '../components/editor/editor.module.css';
import feedback from '../../../components/feedback.module.css';

/** `/news/new` and `/news/:id/edit`: write, target, schedule and publish an article. */
export function NewsEditorPage() {
  const { t, i18n } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const params = useParams();
  const navigate = useNavigate();
  const isNew = !params.id;
  // A new article gets its id now: uploads and the first save refer to it (idempotent retries).
  const [newId] = useState(newArticleId);
  const articleId = params.id ?? newId;
  const article = useEditableArticle(params.id);
  const channels = useChannels();
  const editor = useArticleEditor({
    articleId,
    isNew,
    article: article.data,
    channels: channels.data,
  });
  const { draft, setDraft, current, busy, dirty } = editor;

  // After the first save the address names the article (a reload finds it again).
  useEffect(() => {
    if (isNew && current && !busy && !dirty)
      void navigate(`/news/${articleId}/edit`, { replace: true });
  }, [isNew, current, busy, dirty, articleId, navigate]);

  // Unsaved changes: ask before leaving inside the app, and let the browser ask on unload.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      editor.dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!editor.dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [editor.dirty]);

  const title = isNew ? t('editor.titleNew') : t('editor.titleEdit');
  if (article.error) {
    const missing = article.error instanceof ApiError && article.error.status === 404;
    return (
      <Page title={title}>
        {missing ? <p>{t('article.notFound')}</p> : <ErrorMessage error={article.error} />}
      </Page>
    );
  }
  if (!draft || channels.isPending) {
    return (
      <Page title={title}>
        <Spinner label={t('editor.loading')} />
      </Page>
    );
  }

  const publishable = (channels.data ?? []).filter(
    (c) => c.abilities.publish || c.id === draft.channelId,
  );
  if (isNew && publishable.length === 0) {
    return (
      <Page title={title}>
        <p>{t('editor.noChannels')}</p>
      </Page>
    );
  }
  const channel = channels.data?.find((c) => c.id === draft.channelId);
  const set = (patch: Partial<ArticleDraft>) => setDraft({ ...draft, ...patch });
  const a = editor.current;
  const issue = (k: keyof typeof editor.issues) =>
    editor.showIssues && editor.issues[k] ? t(`editor.invalid.${editor.issues[k]}`) : undefined;

  return (
    <Page
      title={title}
      description={
        <p className={styles.statusLine}>
          <span className={styles.badge}>{t(`card.status.${a?.status ?? 'draft'}`)}</span>
          {editor.dirty ? <span>{t('editor.unsaved')}</span> : null}
          {a ? <Link to={`/news/${a.id}`}>{t('editor.viewAsReader')}</Link> : null}
          {a?.mandatory && a.abilities.viewDashboard ? (
            <Link to={`/news/${a.id}/dashboard`}>{t('editor.toDashboard')}</Link>
          ) : null}
        </p>
      }
    >
      {editor.conflict ? (
        <div role="alert" className={`${feedback.alert} ${feedback.danger}`}>
          <p className={feedback.title}>{t('editor.conflict.title')}</p>
          <p>{t('editor.conflict.text')}</p>
          <Button
            variant="primary"
            onPress={async () => {
              const fresh = await article.refetch();
              if (fresh.data) editor.adopt(fresh.data);
            }}
          >
            {t('editor.conflict.reload')}
          </Button>
        </div>
      ) : null}
      {editor.showIssues && Object.keys(editor.issues).length > 0 ? (
        <div role="alert" className={`${feedback.alert} ${feedback.danger}`}>
          <p className={feedback.title}>{t('editor.invalid.summary')}</p>
        </div>
      ) : null}
      <ErrorMessage error={editor.error} />

      <div className={styles.layout}>
        <div className={styles.column}>
          <VariantTabs
            key={editor.formKey}
            articleId={articleId}
            draft={draft}
            issues={editor.issues}
            showIssues={editor.showIssues}
            onVariant={(k, patch) =>
              set({ variants: { ...draft.variants, [k]: { ...draft.variants[k], ...patch } } })
            }
            onReviewer={(plainReviewedBy) => set({ plainReviewedBy })}
          />
          <Card title={t('editor.sections.attachments')}>
            <AttachmentUploader
              articleId={articleId}
              value={draft.attachments}
              onChange={(attachments) => setDraft((d) => (d ? { ...d, attachments } : d))}
            />
          </Card>
          <Card title={t('editor.sections.audience')}>
            <AudiencePicker
              label={t('editor.fields.audience')}
              description={t('editor.fields.audienceHelp')}
              value={draft.audience}
              onChange={(audience) => set({ audience })}
            />
          </Card>
        </div>

        <div className={styles.column}>
          <Card title={t('editor.sections.publishing')}>
            <div className={styles.stack}>
              <SelectField
                label={t('editor.fields.channel')}
                options={publishable.map((c) => ({
                  id: c.id,
                  label: i18n.language.startsWith('en') ? c.name.en : c.name.de,
                }))}
                value={draft.channelId}
                onChange={(channelId) => set({ channelId })}
                isRequired
                errorMessage={issue('channel')}
                description={
                  channel?.requiresApproval ? t('editor.fields.needsApproval') : undefined
                }
              />
              <DateTimeField
                label={t('editor.fields.publishAt')}
                description={t('editor.fields.publishAtHelp')}
                value={draft.publishAt}
                onChange={(publishAt) => set({ publishAt })}
              />
              <DateTimeField
                label={t('editor.fields.expiresAt')}
                description={t('editor.fields.expiresAtHelp')}
                value={draft.expiresAt}
                onChange={(expiresAt) => set({ expiresAt })}
                errorMessage={issue('expiresAt')}
              />
              <EditorActions editor={editor} channel={channel} />
            </div>
          </Card>
          <Card title={t('editor.sections.cover')}>
            <CoverField
              articleId={articleId}
              value={draft.cover}
              onChange={(cover) => setDraft((d) => (d ? { ...d, cover } : d))}
              showIssues={editor.showIssues}
            />
          </Card>
          <Card title={t('editor.sections.options')}>
            <div className={styles.stack}>
              <CheckboxField isSelected={draft.pinned} onChange={(pinned) => set({ pinned })}>
                {t('editor.fields.pinned')}
              </CheckboxField>
              <CheckboxField
                isSelected={draft.highlighted}
                onChange={(highlighted) => set({ highlighted })}
              >
                {t('editor.fields.highlighted')}
              </CheckboxField>
              <CheckboxField
                isSelected={draft.allowComments}
                onChange={(allowComments) => set({ allowComments })}
              >
                {t('editor.fields.allowComments')}
              </CheckboxField>
              <CheckboxField
                isSelected={draft.allowReactions}
                onChange={(allowReactions) => set({ allowReactions })}
              >
                {t('editor.fields.allowReactions')}
              </CheckboxField>
              <CheckboxField
                isSelected={draft.mandatory}
                onChange={(mandatory) => set({ mandatory })}
              >
                {t('editor.fields.mandatory')}
              </CheckboxField>
              {draft.mandatory ? (
                <DateTimeField
                  label={t('editor.fields.deadline')}
                  value={draft.deadline}
                  onChange={(deadline) => set({ deadline })}
                  isRequired
                  errorMessage={issue('deadline')}
                />
              ) : null}
              {a?.mandatory && draft.mandatory ? (
                <CheckboxField isSelected={editor.material} onChange={editor.setMaterial}>
                  {t('editor.fields.material')}
                </CheckboxField>
              ) : null}
            </div>
          </Card>
          {a && a.history.length > 0 ? <EditorHistory history={a.history} /> : null}
          {!isNew ? (
            <LinkButton href="/news/manage" variant="tertiary">
              {t('editor.backToManage')}
            </LinkButton>
          ) : null}
        </div>
      </div>

      <ConfirmDialog
        title={t('editor.leave.title')}
        isOpen={blocker.state === 'blocked'}
        onOpenChange={(open) => {
          if (!open && blocker.state === 'blocked') blocker.reset();
        }}
        confirmLabel={t('editor.leave.confirm')}
        danger
        onConfirm={() => blocker.state === 'blocked' && blocker.proceed()}
      >
        <p>{t('editor.leave.text')}</p>
      </ConfirmDialog>
    </Page>
  );
}
