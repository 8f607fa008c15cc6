import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { ApiError } from '../../../../lib/api';
import { Page } from '../../../../components/Page';
import { Button } from '../../../../components/Button';
import { ErrorMessage, errorKey } from '../../../../components/ErrorMessage';
import { Spinner } from '../../../../components/Spinner';
import { announce } from '../../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../../admin/components/ConfirmDialog';
import feedback from '../../../../components/feedback.module.css';
import { EditorContext, useFocusLater, type EditorTools } from '../context';
import { findLesson } from '../draft';
import { issuesByField, lessonsWithIssues, type EditorIssue } from '../errors';
import { useCourseEditor, type Section } from '../useCourseEditor';
import { AssessmentEditor } from '../components/AssessmentEditor';
import { ContentEditor } from '../components/ContentEditor';
import { MetaPanel } from '../components/MetaPanel';
import { PublishPanel } from '../components/PublishPanel';
import { StatusBadges } from '../components/StatusBadges';
import styles from '../authoring.module.css';

/**
 * `/learning/manage/:courseId`: "Angaben", "Inhalt" and "Veröffentlichen" as tabs over one
 * editor state; "Entwurf speichern" saves what changed, leaving with unsaved changes asks first.
 */
export function CourseEditorPage() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation(['learningAuthor', 'validation', 'errors']);
  const [section, setSection] = useState<Section>('meta');
  const [selected, setSelected] = useState<string | null>(null);
  const focusLater = useFocusLater();
  // A failed save or publish: open the place of the first problem and focus it (after dialogs
  // closed and gave focus back).
  const jump = useCallback((issue: EditorIssue) => {
    setSection(issue.section);
    if (issue.lessonId) setSelected(issue.lessonId);
    window.setTimeout(() => document.getElementById(issue.fieldId)?.focus(), 80);
  }, []);
  const ed = useCourseEditor(courseId, jump);

  const byField = useMemo(() => issuesByField(ed.issues), [ed.issues]);
  const problems = useMemo(() => lessonsWithIssues(ed.issues), [ed.issues]);
  const message = (code: string) =>
    t(`learningAuthor:issues.${code}`, {
      defaultValue: t(`validation:${code}`, { defaultValue: t('validation:invalid') }),
    });
  const tools: EditorTools = useMemo(
    () => ({
      courseId,
      kind: ed.course.data?.kind ?? 'course',
      dispatch: ed.dispatch,
      focusLater,
      issue: (id) => {
        const code = byField.get(id);
        return code ? message(code) : undefined;
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- message only reads t
    [courseId, ed.course.data?.kind, ed.dispatch, focusLater, byField, t],
  );

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      ed.dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!ed.dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [ed.dirty]);

  const course = ed.course.data;
  const title = course ? t('editor.titleNamed', { title: course.title }) : t('editor.title');
  if (ed.course.error || ed.draftQuery.error) {
    const err = ed.course.error ?? ed.draftQuery.error;
    const missing = err instanceof ApiError && (err.status === 404 || err.status === 403);
    return (
      <Page title={t('editor.title')}>
        {missing ? <p>{t('editor.notFound')}</p> : <ErrorMessage error={err} />}
        <Link to="/learning/manage">{t('editor.back')}</Link>
      </Page>
    );
  }
  if (!course || !ed.form || !ed.draftQuery.data) {
    return (
      <Page title={title}>
        <Spinner label={t('editor.loading')} />
      </Page>
    );
  }

  const save = async () => {
    if ((await ed.saveAll()) !== null) announce(t('editor.saved'));
  };
  const lessonTitle = (id: string | null) => findLesson(ed.draft, id)?.title;

  return (
    <Page
      title={title}
      description={
        <p className={styles.row}>
          <StatusBadges
            status={course.status}
            version={course.version}
            changed={ed.draftQuery.data.changed}
          />
          <span>{t(`kinds.${course.kind}`)}</span>
          <Link to="/learning/manage">{t('editor.back')}</Link>
        </p>
      }
    >
      {ed.conflict ? (
        <div role="alert" className={`${feedback.alert} ${feedback.danger}`}>
          <p className={feedback.title}>{t('editor.conflictTitle')}</p>
          <p>{t('editor.conflictText')}</p>
          <Button variant="primary" onPress={() => void ed.reload()}>
            {t('editor.reload')}
          </Button>
        </div>
      ) : null}
      {ed.error && ed.issues.length > 0 ? (
        <div role="alert" className={`${feedback.alert} ${feedback.danger}`}>
          <p className={feedback.title}>
            {t(errorKey(ed.error), { defaultValue: t('errors:internal') })}
          </p>
          <ul className={feedback.issues}>
            {ed.issues.map((issue, i) => (
              <li key={`${issue.fieldId}-${i}`}>
                <Button variant="tertiary" size="small" onPress={() => jump(issue)}>
                  {`${issue.section === 'meta' ? t('editor.sections.meta') : (lessonTitle(issue.lessonId) ?? t('editor.sections.content'))}: ${message(issue.code)}`}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorMessage error={ed.error} />
      )}

      <EditorContext.Provider value={tools}>
        <Tabs selectedKey={section} onSelectionChange={(k) => setSection(k as Section)}>
          <TabList aria-label={t('editor.sections.label')} className={styles.tabList}>
            <Tab id="meta" className={styles.tab}>
              {t('editor.sections.meta')}
            </Tab>
            <Tab id="content" className={styles.tab}>
              {t('editor.sections.content')}
            </Tab>
            <Tab id="publish" className={styles.tab}>
              {t('editor.sections.publish')}
            </Tab>
          </TabList>
          <TabPanel id="meta" className={styles.tabPanel}>
            <MetaPanel course={course} form={ed.form} onChange={ed.setForm} issue={tools.issue} />
          </TabPanel>
          <TabPanel id="content" className={styles.tabPanel}>
            {course.kind === 'self_assessment' ? (
              <AssessmentEditor items={ed.draft.assessment} />
            ) : (
              <ContentEditor
                draft={ed.draft}
                selected={selected}
                onSelect={setSelected}
                problems={problems}
              />
            )}
          </TabPanel>
          <TabPanel id="publish" className={styles.tabPanel}>
            <PublishPanel
              course={course}
              changed={ed.draftQuery.data.changed}
              dirty={ed.dirty}
              busy={ed.busy}
              onPublish={ed.publishNow}
            />
          </TabPanel>
        </Tabs>
      </EditorContext.Provider>

      <div className={styles.sticky}>
        <Button variant="primary" isDisabled={!ed.dirty || ed.busy} onPress={() => void save()}>
          {t('editor.save')}
        </Button>
        <span role="status">{ed.dirty ? t('editor.unsaved') : t('editor.allSaved')}</span>
      </div>

      <ConfirmDialog
        title={t('editor.leaveTitle')}
        isOpen={blocker.state === 'blocked'}
        onOpenChange={(open) => {
          if (!open && blocker.state === 'blocked') blocker.reset();
        }}
        confirmLabel={t('editor.leave')}
        danger
        focusCancel
        onConfirm={() => blocker.proceed?.()}
      >
        <p>{t('editor.leaveText')}</p>
      </ConfirmDialog>
    </Page>
  );
}
