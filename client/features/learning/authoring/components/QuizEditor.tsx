import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/Button';
import { CheckboxField } from '../../../../components/CheckboxField';
import { TextField } from '../../../../components/TextField';
import { announce } from '../../../../components/LiveAnnouncer';
import { useEditorTools } from '../context';
import {
  emptyQuestion,
  newItemId,
  type Dir,
  type EditableLesson,
  type EditableQuestion,
} from '../draft';
import { fieldId } from '../errors';
import { AreaField, GroupError } from './fields';
import { MoveButtons, afterMoveFocus } from './MoveButtons';
import styles from '../authoring.module.css';

/** Questions (single or multiple choice) with their options and right answers, passing score, attempts. */
export function QuizEditor({ lesson }: { lesson: EditableLesson }) {
  const { t } = useTranslation('learningAuthor');
  const { dispatch, issue, focusLater } = useEditorTools();
  const quiz = lesson.quiz;
  if (!quiz) return null;
  const lessonId = lesson.id;
  const count = quiz.questions.length;

  const addQuestion = () => {
    const q = emptyQuestion(newItemId(), [newItemId(), newItemId()]);
    dispatch({ type: 'addQuestion', lessonId, question: q });
    focusLater(fieldId(q.id, 'text'));
    announce(t('quiz.added', { n: count + 1 }));
  };
  const moveQuestion = (q: EditableQuestion, index: number, dir: Dir) => {
    dispatch({ type: 'moveQuestion', lessonId, questionId: q.id, dir });
    focusLater(afterMoveFocus(`m-${q.id}`, dir, index + dir, count));
    announce(t('quiz.moved', { from: index + 1, to: index + dir + 1, count }));
  };
  const removeQuestion = (q: EditableQuestion, index: number) => {
    dispatch({ type: 'removeQuestion', lessonId, questionId: q.id });
    const next = quiz.questions[index + 1] ?? quiz.questions[index - 1];
    focusLater(next ? fieldId(next.id, 'text') : fieldId(lessonId, 'addQuestion'));
    announce(t('quiz.removed', { n: index + 1 }));
  };

  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <TextField
          id={fieldId(lessonId, 'passing')}
          label={t('quiz.passingScore')}
          description={t('quiz.passingScoreHelp')}
          type="number"
          inputMode="numeric"
          value={String(quiz.passingScore)}
          onChange={(v) =>
            dispatch({ type: 'updateQuiz', lessonId, patch: { passingScore: Number(v) || 0 } })
          }
          errorMessage={issue(fieldId(lessonId, 'passing'))}
        />
        <div className={styles.stack}>
          <CheckboxField
            isSelected={quiz.maxAttempts === null}
            onChange={(on) =>
              dispatch({ type: 'updateQuiz', lessonId, patch: { maxAttempts: on ? null : 3 } })
            }
          >
            {t('quiz.unlimited')}
          </CheckboxField>
          {quiz.maxAttempts !== null ? (
            <TextField
              id={fieldId(lessonId, 'attempts')}
              label={t('quiz.maxAttempts')}
              type="number"
              inputMode="numeric"
              value={String(quiz.maxAttempts)}
              onChange={(v) =>
                dispatch({ type: 'updateQuiz', lessonId, patch: { maxAttempts: Number(v) || 1 } })
              }
              errorMessage={issue(fieldId(lessonId, 'attempts'))}
            />
          ) : null}
        </div>
      </div>
      <GroupError message={issue(fieldId(lessonId, 'questions'))} />
      {quiz.questions.map((q, index) => (
        <QuestionFields
          key={q.id}
          lessonId={lessonId}
          question={q}
          index={index}
          count={count}
          onMove={(dir) => moveQuestion(q, index, dir)}
          onRemove={() => removeQuestion(q, index)}
        />
      ))}
      <div className={styles.row}>
        <Button
          id={fieldId(lessonId, 'addQuestion')}
          isDisabled={count >= 50}
          onPress={addQuestion}
        >
          {t('quiz.addQuestion')}
        </Button>
      </div>
    </div>
  );
}

function QuestionFields({
  lessonId,
  question: q,
  index,
  count,
  onMove,
  onRemove,
}: {
  lessonId: string;
  question: EditableQuestion;
  index: number;
  count: number;
  onMove: (dir: Dir) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('learningAuthor');
  const { dispatch, issue, focusLater } = useEditorTools();
  const base = { lessonId, questionId: q.id };
  const name = t('quiz.question', { n: index + 1 });
  const optionsError = issue(fieldId(q.id, 'options'));

  const addOption = () => {
    const id = newItemId();
    dispatch({ type: 'addOption', ...base, id });
    focusLater(fieldId(id, 'text'));
  };
  const removeOption = (optionId: string, i: number) => {
    dispatch({ type: 'removeOption', ...base, optionId });
    const next = q.options[i + 1] ?? q.options[i - 1];
    focusLater(next ? fieldId(next.id, 'text') : fieldId(q.id, 'addOption'));
    announce(t('quiz.optionRemoved', { n: i + 1 }));
  };

  return (
    <fieldset className={styles.fieldset}>
      <legend>{name}</legend>
      <AreaField
        id={fieldId(q.id, 'text')}
        label={t('quiz.text')}
        value={q.text}
        onChange={(text) => dispatch({ type: 'updateQuestion', ...base, patch: { text } })}
        errorMessage={issue(fieldId(q.id, 'text'))}
        maxLength={1000}
        rows={2}
        isRequired
      />
      <fieldset className={styles.fieldset}>
        <legend>{t('quiz.kind')}</legend>
        <div className={styles.choices}>
          {(['single', 'multiple'] as const).map((kind) => (
            <label key={kind} className={styles.choice}>
              <input
                id={kind === 'single' ? fieldId(q.id, 'kind') : undefined}
                type="radio"
                name={`kind-${q.id}`}
                checked={q.kind === kind}
                onChange={() => dispatch({ type: 'updateQuestion', ...base, patch: { kind } })}
              />
              <span>{t(`quiz.kinds.${kind}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset
        id={fieldId(q.id, 'options')}
        tabIndex={-1}
        className={styles.fieldset}
        aria-invalid={optionsError ? true : undefined}
      >
        <legend>{t('quiz.options')}</legend>
        <p className={styles.muted}>
          {q.kind === 'single' ? t('quiz.optionsHelpSingle') : t('quiz.optionsHelpMultiple')}
        </p>
        <GroupError message={optionsError} />
        {q.options.map((o, i) => {
          const label = t('quiz.option', { n: i + 1 });
          return (
            <div key={o.id} className={styles.optionRow}>
              <TextField
                id={fieldId(o.id, 'text')}
                label={label}
                value={o.text}
                maxLength={300}
                isRequired
                onChange={(text) =>
                  dispatch({ type: 'updateOption', ...base, optionId: o.id, text })
                }
                errorMessage={issue(fieldId(o.id, 'text'))}
              />
              <label className={styles.choice}>
                <input
                  type={q.kind === 'single' ? 'radio' : 'checkbox'}
                  name={`correct-${q.id}`}
                  checked={o.correct}
                  onChange={(e) =>
                    dispatch({
                      type: 'setCorrect',
                      ...base,
                      optionId: o.id,
                      correct: e.currentTarget.checked,
                    })
                  }
                />
                <span>
                  {t('quiz.correct')}
                  <span className="visually-hidden"> ({label})</span>
                </span>
              </label>
              <Button
                size="small"
                variant="tertiary"
                isDisabled={q.options.length <= 2}
                aria-label={t('quiz.removeOptionNamed', { name: label })}
                onPress={() => removeOption(o.id, i)}
              >
                {t('quiz.removeOption')}
              </Button>
            </div>
          );
        })}
        <div className={styles.row}>
          <Button
            id={fieldId(q.id, 'addOption')}
            size="small"
            isDisabled={q.options.length >= 10}
            onPress={addOption}
          >
            {t('quiz.addOption')}
          </Button>
        </div>
      </fieldset>
      <AreaField
        id={fieldId(q.id, 'feedback')}
        label={t('quiz.feedback')}
        description={t('quiz.feedbackHelp')}
        value={q.feedback}
        onChange={(feedback) => dispatch({ type: 'updateQuestion', ...base, patch: { feedback } })}
        errorMessage={issue(fieldId(q.id, 'feedback'))}
        maxLength={1000}
        rows={2}
      />
      <div className={styles.row}>
        <MoveButtons
          name={name}
          idPrefix={`m-${q.id}`}
          canUp={index > 0}
          canDown={index < count - 1}
          onMove={onMove}
        />
        <Button
          size="small"
          variant="danger"
          isDisabled={count <= 1}
          aria-label={t('quiz.removeQuestionNamed', { name })}
          onPress={onRemove}
        >
          {t('quiz.removeQuestion')}
        </Button>
      </div>
    </fieldset>
  );
}
