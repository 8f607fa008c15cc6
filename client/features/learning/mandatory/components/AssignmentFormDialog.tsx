import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { everyone, type Audience } from '@shared/org/audience';
import type { AssignmentDTO } from '@shared/learning/types';
import { FormDialog } from '../../../people/components/FormDialog';
import { AudiencePicker } from '../../../../components/AudiencePicker';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { SelectField } from '../../../../components/SelectField';
import { Spinner } from '../../../../components/Spinner';
import { useManagedCourses } from '../queries';
import type { AssignmentFields } from '../api';
import styles from '../../trainings/trainings.module.css';

/** "14, 3" → [14, 3]; null when something is not a whole number 0–365 or more than five. */
export function parseReminderDays(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > 5) return null;
  const nums = parts.map(Number);
  if (nums.some((n) => !Number.isInteger(n) || n < 0 || n > 365)) return null;
  return [...new Set(nums)].sort((a, b) => b - a);
}

export interface AssignmentFormDialogProps {
  /** null: closed; 'new': create; else edit that one (deadline, reminders, note). */
  target: AssignmentDTO | 'new' | null;
  onClose: () => void;
  onCreate: (fields: AssignmentFields, clientId: string) => Promise<unknown>;
  onUpdate: (
    a: AssignmentDTO,
    fields: Omit<AssignmentFields, 'courseId' | 'audience'>,
  ) => Promise<unknown>;
}

export function AssignmentFormDialog(props: AssignmentFormDialogProps) {
  const { t } = useTranslation('learningTrainings');
  return (
    <FormDialog
      title={props.target === 'new' ? t('assignments.createTitle') : t('assignments.editTitle')}
      isOpen={props.target !== null}
      onOpenChange={(open) => (open ? undefined : props.onClose())}
    >
      {props.target ? (
        <AssignmentForm {...props} assignment={props.target === 'new' ? null : props.target} />
      ) : null}
    </FormDialog>
  );
}

function AssignmentForm({
  assignment,
  onClose,
  onCreate,
  onUpdate,
}: AssignmentFormDialogProps & { assignment: AssignmentDTO | null }) {
  const { t } = useTranslation('learningTrainings');
  const id = useId();
  const courses = useManagedCourses(assignment === null);
  const [courseId, setCourseId] = useState<string | null>(null);
  const [audience, setAudience] = useState<Audience>(assignment?.audience ?? everyone);
  const [deadline, setDeadline] = useState(assignment?.deadline ?? '');
  const [reminders, setReminders] = useState((assignment?.reminderDays ?? [14, 3]).join(', '));
  const [note, setNote] = useState(assignment?.note ?? '');
  const [clientId] = useState(() => crypto.randomUUID());
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = () => {
    const issues: Record<string, string> = {};
    const days = parseReminderDays(reminders);
    if (!assignment && !courseId) issues.course = t('assignments.courseMissing');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) issues.deadline = t('assignments.deadlineMissing');
    if (!days) issues.reminders = t('assignments.remindersInvalid');
    setInvalid(issues);
    const first = Object.keys(issues)[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setPending(true);
    setError(null);
    const common = { deadline, reminderDays: days ?? [], note: note.trim() };
    const call = assignment
      ? onUpdate(assignment, common)
      : onCreate({ ...common, courseId: courseId ?? '', audience }, clientId);
    call
      .then(() => onClose())
      .catch((err: unknown) => setError(err))
      .finally(() => setPending(false));
  };

  return (
    <form
      className={styles.stack}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {assignment ? (
        <p className={styles.muted}>{assignment.course.title}</p>
      ) : courses.isPending ? (
        <Spinner label={t('assignments.coursesLoading')} />
      ) : courses.isError ? (
        <ErrorMessage error={courses.error} />
      ) : (
        <div id={`${id}-course`} tabIndex={-1}>
          <SelectField
            label={t('assignments.course')}
            options={(courses.data ?? []).map((c) => ({ id: c.id, label: c.title }))}
            value={courseId}
            onChange={setCourseId}
            isRequired
            errorMessage={invalid.course}
            placeholder={t('assignments.coursePlaceholder')}
          />
        </div>
      )}
      {!assignment ? (
        <AudiencePicker
          label={t('assignments.audience')}
          description={t('assignments.audienceHint')}
          value={audience}
          onChange={setAudience}
        />
      ) : null}
      <div className={styles.field}>
        <label htmlFor={`${id}-deadline`}>{t('assignments.deadline')}</label>
        <input
          id={`${id}-deadline`}
          type="date"
          required
          className={styles.input}
          value={deadline}
          aria-invalid={invalid.deadline ? true : undefined}
          aria-describedby={invalid.deadline ? `${id}-deadline-error` : undefined}
          onChange={(e) => setDeadline(e.target.value)}
        />
        {invalid.deadline ? (
          <span id={`${id}-deadline-error`} className={styles.error}>
            {invalid.deadline}
          </span>
        ) : null}
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-reminders`}>{t('assignments.reminders')}</label>
        <input
          id={`${id}-reminders`}
          className={styles.input}
          value={reminders}
          inputMode="numeric"
          aria-invalid={invalid.reminders ? true : undefined}
          aria-describedby={`${id}-reminders-hint`}
          onChange={(e) => setReminders(e.target.value)}
        />
        <span id={`${id}-reminders-hint`} className={invalid.reminders ? styles.error : styles.sub}>
          {invalid.reminders ?? t('assignments.remindersHint')}
        </span>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-note`}>{t('assignments.note')}</label>
        <textarea
          id={`${id}-note`}
          className={styles.textarea}
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {error ? (
        <ErrorMessage
          error={error}
          fieldLabels={{
            courseId: t('assignments.course'),
            deadline: t('assignments.deadline'),
            reminderDays: t('assignments.reminders'),
            audience: t('assignments.audience'),
          }}
        />
      ) : null}
      <div className={styles.row}>
        <Button type="submit" variant="primary" isDisabled={pending}>
          {assignment ? t('assignments.save') : t('assignments.create')}
        </Button>
        <Button variant="secondary" onPress={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
