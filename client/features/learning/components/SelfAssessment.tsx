import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentItemDTO, AssessmentResultDTO, CourseDTO } from '@shared/learning/types';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { ApiError } from '../../../lib/api';
import { useAssessment, useEnrol, useSaveAssessment } from '../queries';
import { ProgressBar } from './ProgressBar';
import styles from '../learning.module.css';

const SCALE = [1, 2, 3, 4, 5] as const;

/** Items grouped by area, in their order of first appearance. */
export function byArea(items: AssessmentItemDTO[]): [string, AssessmentItemDTO[]][] {
  const groups = new Map<string, AssessmentItemDTO[]>();
  for (const item of items) groups.set(item.area, [...(groups.get(item.area) ?? []), item]);
  return [...groups];
}

/**
 * A self-assessment: 1–5 per statement, grouped by area; afterwards the result profile (one bar
 * and number per area) that only the learner sees. Preview shows the questionnaire without saving.
 */
export function SelfAssessment({ course, preview }: { course: CourseDTO; preview: boolean }) {
  const enrolled = course.enrolment !== null;
  const result = useAssessment(course.id, enrolled && !preview);
  const [editing, setEditing] = useState(false);
  if (enrolled && !preview && result.isPending) return <Spinner />;
  const answered = result.data ?? null;
  const notAnswered = result.error instanceof ApiError && result.error.status === 404;
  if (result.isError && !notAnswered) return <ErrorMessage error={result.error} />;
  if (answered && !editing) {
    return <AssessmentProfile result={answered} onAgain={() => setEditing(true)} />;
  }
  return <Questionnaire course={course} preview={preview} onSaved={() => setEditing(false)} />;
}

function AssessmentProfile({
  result,
  onAgain,
}: {
  result: AssessmentResultDTO;
  onAgain: () => void;
}) {
  const { t, i18n } = useTranslation('learning');
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <section className={styles.section} aria-labelledby="assessment-result">
      <h2 id="assessment-result">{t('assessment.result')}</h2>
      <p className={styles.banner} role="note">
        {t('assessment.private')}
      </p>
      <ul className={styles.bars}>
        {result.areas.map((a) => (
          <li key={a.area}>
            <strong>{a.area}</strong>
            <ProgressBar
              percent={(a.score / 5) * 100}
              label={a.area}
              text={t('assessment.score', { score: number.format(a.score), count: a.items })}
            />
          </li>
        ))}
      </ul>
      <div>
        <Button onPress={onAgain}>{t('assessment.again')}</Button>
      </div>
    </section>
  );
}

function Questionnaire({
  course,
  preview,
  onSaved,
}: {
  course: CourseDTO;
  preview: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation('learning');
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [missing, setMissing] = useState(false);
  const save = useSaveAssessment(course.id);
  const enrol = useEnrol(course.id);
  const items = course.assessment;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (preview) return;
    if (items.some((i) => !answers[i.id])) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (!course.enrolment) await enrol.mutateAsync();
    await save.mutateAsync({ answers });
    onSaved();
  };
  if (items.length === 0) return <p className={styles.muted}>{t('assessment.empty')}</p>;
  return (
    <form
      className={styles.stack}
      onSubmit={(e) => void onSubmit(e).catch(() => undefined)}
      noValidate
    >
      <p className={styles.muted}>{t('assessment.intro')}</p>
      {byArea(items).map(([area, list]) => (
        <section key={area} className={styles.section}>
          <h2>{area}</h2>
          {list.map((item) => (
            <fieldset key={item.id} className={styles.question}>
              <legend>{item.statement}</legend>
              <div className={styles.scale}>
                {SCALE.map((n) => (
                  <label key={n} className={styles.option}>
                    <input
                      type="radio"
                      name={`a-${item.id}`}
                      value={n}
                      checked={answers[item.id] === n}
                      onChange={() => setAnswers((old) => ({ ...old, [item.id]: n }))}
                    />
                    <span>{t(`assessment.scale.${n}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </section>
      ))}
      <p role="alert" className={styles.wrong}>
        {missing ? t('assessment.missing') : ''}
      </p>
      <ErrorMessage error={enrol.error ?? save.error} />
      {preview ? (
        <p className={styles.muted}>{t('preview.quizNotSent')}</p>
      ) : (
        <div>
          <Button type="submit" variant="primary" isDisabled={save.isPending || enrol.isPending}>
            {t('assessment.submit')}
          </Button>
        </div>
      )}
    </form>
  );
}
