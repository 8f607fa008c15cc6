import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CourseDTO, LessonDTO } from '@shared/learning/types';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { CourseRichText } from '../components/CourseRichText';
import { useSocket } from '../../../lib/socket';
import { autoDoneTypes, isLessonDone, lessonProgress, neighbours } from '../model';
import { useEnrol, useLatestAttempt, useSaveProgress, useSubmitAttempt } from '../queries';
import { useWatchCourse } from '../realtime';
import { CourseGate, PreviewBanner } from '../components/CourseGate';
import { MediaPlayer } from '../components/MediaPlayer';
import { LessonFiles } from '../components/LessonFiles';
import { QuizForm } from '../components/QuizForm';
import { Spinner } from '../../../components/Spinner';
import { ProgressBar } from '../components/ProgressBar';
import styles from '../learning.module.css';

/** `/learning/courses/:courseId/lessons/:lessonId` (`?preview=true`: the draft, nothing saved). */
export function LessonPage() {
  const { courseId = '', lessonId = '' } = useParams();
  const [params] = useSearchParams();
  const preview = params.get('preview') === 'true';
  useWatchCourse(useSocket(), courseId);
  return (
    <CourseGate courseId={courseId} preview={preview}>
      {(course) => (
        <LessonView key={lessonId} course={course} lessonId={lessonId} preview={preview} />
      )}
    </CourseGate>
  );
}

function LessonView({
  course,
  lessonId,
  preview,
}: {
  course: CourseDTO;
  lessonId: string;
  preview: boolean;
}) {
  const { t } = useTranslation('learning');
  const { index, total, previous, next } = neighbours(course.modules, lessonId);
  const lesson = index >= 0 ? course.modules.flatMap((m) => m.lessons)[index] : undefined;
  const enrolment = course.enrolment;
  const saving = !preview && enrolment !== null;
  const progress = useSaveProgress(course.id);
  const enrol = useEnrol(course.id);
  const submit = useSubmitAttempt(course.id, lessonId);
  const quizSummary = enrolment?.quizzes[lessonId] ?? null;
  // My last attempt, only where my own answers belong (not in the preview of the draft).
  const askLast = saving && lesson?.type === 'quiz' && (quizSummary?.attempts ?? 0) > 0;
  const last = useLatestAttempt(course.id, lessonId, quizSummary?.attempts ?? 0, askLast);
  const opened = useRef(false);
  const suffix = preview ? '?preview=true' : '';
  const lessonHref = (l: LessonDTO) => `/learning/courses/${course.id}/lessons/${l.id}${suffix}`;

  // Opening a lesson remembers it for "Fortsetzen"; text, link and file lessons count as seen.
  useEffect(() => {
    if (!saving || !lesson || opened.current) return;
    opened.current = true;
    const autoDone = autoDoneTypes.includes(lesson.type) && !isLessonDone(enrolment, lesson.id);
    progress.mutate({ lessonId: lesson.id, ...(autoDone ? { done: true } : {}) });
    // Once per lesson page (the key remounts on another lesson).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saving, lesson?.id]);

  if (!lesson) {
    return (
      <Page title={t('lesson.notFound')}>
        <Link to={`/learning/courses/${course.id}${suffix}`}>{t('lesson.backToCourse')}</Link>
      </Page>
    );
  }
  const done = isLessonDone(enrolment, lesson.id);
  const { done: doneCount, total: lessonCount } = lessonProgress(course.modules, enrolment);
  const lang = course.language;

  return (
    <Page
      title={lesson.title}
      description={
        <>
          <Link to={`/learning/courses/${course.id}${suffix}`}>{course.title}</Link>
          {' · '}
          {t('lesson.position', { n: index + 1, total })}
        </>
      }
    >
      {preview ? <PreviewBanner /> : null}
      {!preview && !enrolment ? (
        <div className={styles.banner} role="note">
          <p>{t('lesson.notEnrolled')}</p>
          <Button variant="primary" isDisabled={enrol.isPending} onPress={() => enrol.mutate()}>
            {t('course.enrol')}
          </Button>
          <ErrorMessage error={enrol.error} />
        </div>
      ) : null}
      {enrolment && !preview ? (
        <ProgressBar
          percent={enrolment.percent}
          label={t('progress.label', { title: course.title })}
          text={t('progress.lessons', { done: doneCount, total: lessonCount })}
        />
      ) : null}

      <div className={styles.stack} lang={lang}>
        {lesson.html ? <CourseRichText courseId={course.id} html={lesson.html} /> : null}
        {lesson.type === 'media' ? (
          <MediaPlayer
            lesson={lesson}
            lang={lang}
            startAt={enrolment?.positions[lesson.id] ?? 0}
            onPosition={
              saving ? (s) => progress.mutate({ lessonId: lesson.id, position: s }) : undefined
            }
            onEnded={
              saving && !done
                ? () => progress.mutate({ lessonId: lesson.id, done: true })
                : undefined
            }
          />
        ) : null}
        {lesson.type === 'file' ? <LessonFiles files={lesson.files} /> : null}
        {lesson.type === 'link' && lesson.url ? (
          <p>
            <a href={lesson.url} target="_blank" rel="noopener noreferrer">
              {t('lesson.openLink')}
              <span className="visually-hidden"> ({t('lesson.newTab')})</span>
            </a>{' '}
            <span className={styles.muted}>({new URL(lesson.url).host})</span>
          </p>
        ) : null}
        {lesson.type === 'quiz' && lesson.quiz ? (
          // While my own submit runs, the form stays (its result and focus live there).
          askLast && last.isPending && !submit.isPending ? (
            <Spinner label={t('quiz.loadingLast')} />
          ) : (
            <QuizForm
              quiz={lesson.quiz}
              summary={quizSummary}
              last={askLast ? (last.data ?? null) : null}
              readOnly={!saving}
              closed={course.status === 'archived'}
              submit={(answers) => submit.mutateAsync(answers)}
            />
          )
        ) : null}
      </div>

      {lesson.type !== 'quiz' && saving ? (
        <div className={styles.row}>
          {done ? (
            <p className={styles.done}>{t('lesson.done')}</p>
          ) : (
            <Button
              variant="primary"
              isDisabled={progress.isPending}
              onPress={() => progress.mutate({ lessonId: lesson.id, done: true })}
            >
              {t('lesson.markDone')}
            </Button>
          )}
        </div>
      ) : null}
      <ErrorMessage error={progress.error} />
      {enrolment?.completedAt && !preview ? (
        <p className={styles.done}>
          {t('course.completedShort')}{' '}
          {enrolment.certificateCode ? (
            <Link to={`/learning/certificates/${enrolment.certificateCode}`}>
              {t('course.certificate')}
            </Link>
          ) : null}
        </p>
      ) : null}

      <nav className={styles.pager} aria-label={t('lesson.pager')}>
        {previous ? (
          <Link to={lessonHref(previous)}>
            <span aria-hidden="true">← </span>
            {t('lesson.previous', { title: previous.title })}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={lessonHref(next)}>
            {t('lesson.next', { title: next.title })}
            <span aria-hidden="true"> →</span>
          </Link>
        ) : (
          <Link to={`/learning/courses/${course.id}${suffix}`}>{t('lesson.backToCourse')}</Link>
        )}
      </nav>
    </Page>
  );
}
