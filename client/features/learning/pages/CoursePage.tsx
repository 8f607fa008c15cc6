import { lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { CourseDTO } from '@shared/learning/types';
import { Page } from '../../../components/Page';
import { Button, LinkButton } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { CourseRichText } from '../components/CourseRichText';
import { useSocket } from '../../../lib/socket';
import { formatDay, isLessonDone, lessonProgress, resumeLessonId } from '../model';
import { useEnrol, useLeaveCourse } from '../queries';
import { useWatchCourse } from '../realtime';
import { CourseGate, PreviewBanner } from '../components/CourseGate';
import { ProgressBar } from '../components/ProgressBar';
import { useDuration } from '../components/CourseCard';
import { SelfAssessment } from '../components/SelfAssessment';
import { LearnersTable } from '../components/LearnersTable';
import { PanelSlot } from '../components/PanelSlot';
import styles from '../learning.module.css';

const SessionsPanel = lazy(() => import('../trainings/SessionsPanel'));

type TabId = 'content' | 'sessions' | 'discussion' | 'announcements' | 'learners';

/** `/learning/courses/:courseId` (`?preview=true`: the draft as learners would see it). */
export function CoursePage() {
  const { courseId = '' } = useParams();
  const [params] = useSearchParams();
  const preview = params.get('preview') === 'true';
  useWatchCourse(useSocket(), courseId);
  return (
    <CourseGate courseId={courseId} preview={preview}>
      {(course) => <CourseView course={course} preview={preview} />}
    </CourseGate>
  );
}

function CourseView({ course, preview }: { course: CourseDTO; preview: boolean }) {
  const { t, i18n } = useTranslation('learning');
  const lang = i18n.language;
  const duration = useDuration();
  const [params, setParams] = useSearchParams();
  const enrol = useEnrol(course.id);
  const leave = useLeaveCourse(course.id);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const enrolment = preview ? null : course.enrolment;
  const { done, total } = lessonProgress(course.modules, enrolment);
  const suffix = preview ? '?preview=true' : '';
  const resume = resumeLessonId({ modules: course.modules, enrolment });
  const isTraining = course.kind === 'training';
  const isAssessment = course.kind === 'self_assessment';

  const tabs: { id: TabId; label: string }[] = [
    { id: 'content', label: t('course.tabs.content') },
    ...(isTraining ? [{ id: 'sessions' as const, label: t('course.tabs.sessions') }] : []),
    ...(!preview
      ? [
          { id: 'discussion' as const, label: t('course.tabs.discussion') },
          { id: 'announcements' as const, label: t('course.tabs.announcements') },
        ]
      : []),
    ...(course.abilities.seeLearners && !preview
      ? [{ id: 'learners' as const, label: t('course.tabs.learners') }]
      : []),
  ];
  const asked = params.get('tab') as TabId | null;
  const tab: TabId = tabs.some((x) => x.id === asked) ? (asked as TabId) : 'content';
  const setTab = (next: TabId) =>
    setParams(
      (old) => {
        const p = new URLSearchParams(old);
        if (next === 'content') p.delete('tab');
        else p.set('tab', next);
        return p;
      },
      { replace: true },
    );

  const primary = () => {
    // Trainings: people register for a session in "Termine" instead of enrolling.
    if (isTraining) return null;
    if (isAssessment) {
      if (!enrolment && course.abilities.enrol && !preview)
        return (
          <Button variant="primary" isDisabled={enrol.isPending} onPress={() => enrol.mutate()}>
            {t('course.enrol')}
          </Button>
        );
      return null;
    }
    if (!resume) return null;
    const href = `/learning/courses/${course.id}/lessons/${resume}${suffix}`;
    if (preview) return <LinkButton href={href}>{t('course.startPreview')}</LinkButton>;
    if (enrolment)
      return (
        <LinkButton variant="primary" href={href}>
          {done === 0 ? t('course.start') : t('course.resume')}
        </LinkButton>
      );
    if (course.abilities.enrol)
      return (
        <Button variant="primary" isDisabled={enrol.isPending} onPress={() => enrol.mutate()}>
          {t('course.enrol')}
        </Button>
      );
    return null;
  };

  return (
    <Page
      title={course.title}
      description={course.summary || undefined}
      actions={
        <>
          {primary()}
          {course.abilities.edit ? (
            <LinkButton href={`/learning/manage/${course.id}`}>{t('course.edit')}</LinkButton>
          ) : null}
        </>
      }
    >
      {preview ? <PreviewBanner /> : null}
      <ErrorMessage error={enrol.error ?? leave.error} />
      {course.status === 'archived' ? (
        <p className={styles.banner} role="note">
          {t('course.archived')}
        </p>
      ) : null}

      <div className={styles.hero}>
        {/* Without a description the facts take the whole row (no empty column on the left). */}
        {course.description ? (
          <div className={styles.stack} lang={course.language}>
            <CourseRichText courseId={course.id} html={course.description} />
          </div>
        ) : null}
        <div className={styles.stack}>
          {course.imageUrl ? (
            <img className={styles.heroImage} src={course.imageUrl} alt="" />
          ) : null}
          <dl className={styles.facts}>
            <dt>{t('course.kind')}</dt>
            <dd>{t(`kind.${course.kind}`)}</dd>
            {course.estimatedMinutes ? (
              <>
                <dt>{t('course.duration')}</dt>
                <dd>{duration(course.estimatedMinutes)}</dd>
              </>
            ) : null}
            <dt>{t('course.language')}</dt>
            <dd>{t(`language.${course.language}`)}</dd>
            {course.category ? (
              <>
                <dt>{t('course.category')}</dt>
                <dd>{course.category.name[lang === 'en' ? 'en' : 'de']}</dd>
              </>
            ) : null}
            {course.trainers.length > 0 ? (
              <>
                <dt>{t('course.trainers')}</dt>
                <dd>
                  {course.trainers.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 ? ', ' : ''}
                      <Link to={`/people/${p.id}`}>{p.displayName}</Link>
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            {course.mandatoryDeadline ? (
              <>
                <dt>{t('course.mandatory')}</dt>
                <dd>
                  <span className={styles.due}>
                    {t('card.mandatoryUntil', { date: formatDay(course.mandatoryDeadline, lang) })}
                  </span>
                </dd>
              </>
            ) : null}
            {course.costCents > 0 ? (
              <>
                <dt>{t('course.cost')}</dt>
                <dd>
                  {new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(
                    course.costCents / 100,
                  )}
                </dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>

      {enrolment && !isTraining ? (
        <div className={styles.stack}>
          {isAssessment ? null : (
            <ProgressBar
              percent={enrolment.percent}
              label={t('progress.label', { title: course.title })}
              text={t('progress.lessons', { done, total })}
            />
          )}
          {enrolment.completedAt ? (
            <p>
              <span className={styles.done}>
                {t('card.completed', { date: formatDay(enrolment.completedAt, lang) })}
              </span>{' '}
              {enrolment.certificateCode ? (
                <Link to={`/learning/certificates/${enrolment.certificateCode}`}>
                  {t('course.certificate')}
                </Link>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : null}

      <Tabs selectedKey={tab} onSelectionChange={(k) => setTab(k as TabId)}>
        <TabList aria-label={t('course.tabs.label')} className={styles.tabList}>
          {tabs.map((x) => (
            <Tab key={x.id} id={x.id} className={styles.tab}>
              {x.label}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="content">
          {isAssessment ? (
            <SelfAssessment course={course} preview={preview} />
          ) : (
            <ModuleList course={course} preview={preview} />
          )}
        </TabPanel>
        {isTraining ? (
          <TabPanel id="sessions">
            <Suspense fallback={<Spinner />}>
              <SessionsPanel course={course} />
            </Suspense>
          </TabPanel>
        ) : null}
        {!preview ? (
          <>
            <TabPanel id="discussion">
              <PanelSlot name="DiscussionPanel" course={course} />
            </TabPanel>
            <TabPanel id="announcements">
              <PanelSlot name="AnnouncementsPanel" course={course} />
            </TabPanel>
          </>
        ) : null}
        {course.abilities.seeLearners && !preview ? (
          <TabPanel id="learners">
            <LearnersTable courseId={course.id} title={course.title} />
          </TabPanel>
        ) : null}
      </Tabs>

      {enrolment && !enrolment.completedAt && !course.mandatoryDeadline && !isTraining ? (
        <div className={styles.row}>
          {confirmLeave ? (
            <>
              <span>{t('course.leaveConfirm')}</span>
              <Button variant="danger" isDisabled={leave.isPending} onPress={() => leave.mutate()}>
                {t('course.leave')}
              </Button>
              <Button variant="tertiary" onPress={() => setConfirmLeave(false)}>
                {t('actions.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="tertiary" onPress={() => setConfirmLeave(true)}>
              {t('course.leave')}
            </Button>
          )}
        </div>
      ) : null}
    </Page>
  );
}

/** Modules with their lessons, done marks and links into the player. */
function ModuleList({ course, preview }: { course: CourseDTO; preview: boolean }) {
  const { t } = useTranslation('learning');
  const enrolment = preview ? null : course.enrolment;
  const suffix = preview ? '?preview=true' : '';
  if (course.modules.length === 0) return <p className={styles.muted}>{t('course.noContent')}</p>;
  return (
    <ol className={styles.modules}>
      {course.modules.map((m, mi) => (
        <li key={m.id} className={styles.module}>
          <h2>{t('course.module', { n: mi + 1, title: m.title })}</h2>
          <ol className={styles.lessons}>
            {m.lessons.map((l) => {
              const done = isLessonDone(enrolment, l.id);
              const quiz = enrolment?.quizzes[l.id];
              return (
                <li key={l.id}>
                  <span
                    className={done ? styles.mark : `${styles.mark} ${styles.open}`}
                    aria-hidden="true"
                  >
                    {done ? '✓' : '○'}
                  </span>
                  <Link to={`/learning/courses/${course.id}/lessons/${l.id}${suffix}`}>
                    {l.title}
                  </Link>
                  {enrolment ? (
                    <span className="visually-hidden">
                      , {done ? t('course.lessonDone') : t('course.lessonOpen')}
                    </span>
                  ) : null}
                  <span className={styles.lessonType}>
                    {t(`lessonType.${l.type}`)}
                    {quiz
                      ? ` · ${quiz.passed ? t('quiz.passedShort') : t('quiz.notPassedShort')}`
                      : ''}
                  </span>
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}
