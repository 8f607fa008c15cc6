import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizAttemptSummaryDTO, QuizDTO, QuizResultDTO } from '@shared/learning/types';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import styles from '../learning.module.css';

export type QuizAnswers = Record<string, string[]>;

/** Questions without any chosen option (the form asks for every answer before sending). */
export const unanswered = (quiz: QuizDTO, answers: QuizAnswers) =>
  quiz.questions.filter((q) => (answers[q.id]?.length ?? 0) === 0);

/**
 * A quiz: one fieldset per question (radios for single choice, checkboxes for multiple), submit,
 * then the result with per-question feedback, score, passed or not, attempts left and "Erneut
 * versuchen" while attempts remain. The right answers come from the server only after submitting.
 * Coming back later shows my last attempt the same way (my answers, feedback, result).
 */
export function QuizForm({
  quiz,
  summary,
  last = null,
  submit,
  readOnly,
  closed = false,
}: {
  quiz: QuizDTO;
  /** My attempts so far (null: none). */
  summary: QuizAttemptSummaryDTO | null;
  /** My newest attempt from the server (null: none, or not loaded yet). */
  last?: QuizResultDTO | null;
  submit: (answers: QuizAnswers) => Promise<QuizResultDTO>;
  /** Preview: answers can be chosen but nothing is sent. */
  readOnly?: boolean;
  /** The course is archived: results can be read, no attempt is taken. */
  closed?: boolean;
}) {
  const { t, i18n } = useTranslation('learning');
  const [answers, setAnswers] = useState<QuizAnswers>({});
  const [result, setResult] = useState<QuizResultDTO | null>(null);
  // "Erneut versuchen" pressed: the last attempt is put aside for a fresh form.
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const missingRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const over = closed || (summary ? summary.passed || summary.attemptsLeft === 0 : false);
  // The result on screen: the one just submitted, else my last one from an earlier visit.
  const shown = result ?? (retrying ? null : last);
  const fromEarlier = shown !== null && shown === last && result === null;
  const locked = shown !== null || sending;

  const choose = (questionId: string, optionId: string, multiple: boolean, on: boolean) => {
    setAnswers((old) => {
      const current = old[questionId] ?? [];
      const next = multiple
        ? on
          ? [...current.filter((id) => id !== optionId), optionId]
          : current.filter((id) => id !== optionId)
        : [optionId];
      return { ...old, [questionId]: next };
    });
    setMissing((m) => m.filter((id) => id !== questionId));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || locked) return;
    const open = unanswered(quiz, answers).map((q) => q.id);
    setMissing(open);
    if (open.length > 0) {
      missingRef.current?.focus();
      return;
    }
    setSending(true);
    setError(null);
    try {
      setResult(await submit(answers));
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };

  const retry = () => {
    setAnswers({});
    setResult(null);
    setRetrying(true);
    setMissing([]);
  };

  const feedbackOf = (questionId: string) => shown?.questions.find((q) => q.id === questionId);
  const canRetry = shown
    ? !shown.passed && shown.attemptsLeft !== 0 && !summary?.passed && !readOnly && !closed
    : false;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'de', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));

  return (
    <form className={styles.stack} onSubmit={(e) => void onSubmit(e)} noValidate>
      <p className={styles.muted}>
        {t('quiz.rules', { score: quiz.passingScore })}{' '}
        {quiz.maxAttempts === null
          ? t('quiz.unlimited')
          : t('quiz.maxAttempts', { count: quiz.maxAttempts })}
      </p>
      {closed ? <p className={styles.muted}>{t('quiz.closed')}</p> : null}
      {summary && !shown ? (
        <p className={summary.passed ? styles.right : styles.muted}>
          {summary.passed
            ? t('quiz.alreadyPassed', { score: summary.bestScore })
            : summary.attemptsLeft === 0
              ? t('quiz.noAttemptsLeft', { score: summary.bestScore })
              : t('quiz.previous', { count: summary.attempts, score: summary.bestScore })}
        </p>
      ) : null}
      {quiz.questions.map((question, qi) => {
        const multiple = question.kind === 'multiple';
        const feedback = feedbackOf(question.id);
        const chosen = (shown ? shown.answers : answers)[question.id] ?? [];
        const hintId = `quiz-${question.id}-hint`;
        return (
          <fieldset
            key={question.id}
            className={styles.question}
            aria-describedby={hintId}
            aria-invalid={missing.includes(question.id) || undefined}
          >
            <legend>
              {t('quiz.question', { n: qi + 1, total: quiz.questions.length })}: {question.text}
            </legend>
            <p id={hintId} className={styles.muted}>
              {multiple ? t('quiz.multipleHint') : t('quiz.singleHint')}
              {missing.includes(question.id) ? ` ${t('quiz.answerMissing')}` : ''}
            </p>
            {question.options.map((option) => {
              const right = feedback?.correctOptionIds?.includes(option.id);
              return (
                <label key={option.id} className={styles.option}>
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`q-${question.id}`}
                    value={option.id}
                    checked={chosen.includes(option.id)}
                    disabled={locked || (over && !readOnly)}
                    onChange={(e) => choose(question.id, option.id, multiple, e.target.checked)}
                  />
                  <span>
                    {option.text}
                    {right ? (
                      <span className={styles.right}> ({t('quiz.rightOption')})</span>
                    ) : null}
                  </span>
                </label>
              );
            })}
            {feedback ? (
              <div>
                <p className={feedback.correct ? styles.right : styles.wrong}>
                  {feedback.correct ? t('quiz.correct') : t('quiz.incorrect')}
                </p>
                {feedback.feedback ? <p>{feedback.feedback}</p> : null}
              </div>
            ) : null}
          </fieldset>
        );
      })}
      <p ref={missingRef} tabIndex={-1} role="alert" className={styles.wrong}>
        {missing.length > 0 ? t('quiz.missing', { count: missing.length }) : ''}
      </p>
      <ErrorMessage error={error} />
      {shown ? (
        <section
          className={shown.passed ? styles.passed : styles.failed}
          aria-labelledby="quiz-result"
        >
          <h2 id="quiz-result" ref={resultHeading} tabIndex={-1}>
            {shown.passed ? t('quiz.passed') : t('quiz.failed')}
          </h2>
          {fromEarlier ? <p>{t('quiz.lastAttempt', { date: when(shown.at) })}</p> : null}
          {shown.olderVersion ? <p>{t('quiz.olderVersion')}</p> : null}
          <p>{t('quiz.score', { score: shown.score, needed: quiz.passingScore })}</p>
          {shown.passed ? null : (
            <p>
              {shown.attemptsLeft === null
                ? t('quiz.attemptsUnlimited', { count: shown.attempts })
                : shown.attemptsLeft === 0
                  ? t('quiz.noneLeft')
                  : t('quiz.attemptsLeft', { count: shown.attemptsLeft })}
            </p>
          )}
          {canRetry ? (
            <Button variant="primary" onPress={retry}>
              {t('quiz.retry')}
            </Button>
          ) : null}
        </section>
      ) : over || readOnly ? null : (
        <div>
          <Button type="submit" variant="primary" isDisabled={sending}>
            {t('quiz.submit')}
          </Button>
        </div>
      )}
      {readOnly ? <p className={styles.muted}>{t('preview.quizNotSent')}</p> : null}
    </form>
  );
}
