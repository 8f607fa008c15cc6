import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { courseKinds, type CourseKind } from '@shared/learning/schemas';
import { Button } from '../../../../components/Button';
import { TextField } from '../../../../components/TextField';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { FormDialog } from '../../../people/components/FormDialog';
import { useCreateCourse } from '../queries';
import styles from '../authoring.module.css';

const newId = () => crypto.randomUUID();

/**
 * "Kurs anlegen" (HR): kind and title. The client id stays the same across retries of one
 * dialog, so a double click or a repeated submit creates one course.
 */
export function CreateCourseDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('learningAuthor');
  const navigate = useNavigate();
  const create = useCreateCourse();
  const [clientId, setClientId] = useState(newId);
  const [kind, setKind] = useState<CourseKind>('course');
  const [title, setTitle] = useState('');

  const close = () => {
    setClientId(newId());
    setKind('course');
    setTitle('');
    create.reset();
    onOpenChange(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    create.mutate(
      { clientId, kind, title },
      {
        onSuccess: (course) => {
          close();
          void navigate(`/learning/manage/${course.id}`);
        },
      },
    );
  };

  return (
    <FormDialog
      title={t('create.title')}
      isOpen={isOpen}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
    >
      <form className={styles.stack} onSubmit={submit}>
        <fieldset className={styles.fieldset}>
          <legend>{t('create.kind')}</legend>
          <div className={styles.choices}>
            {courseKinds.map((k) => (
              <label key={k} className={styles.choice}>
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                />
                <span>
                  {t(`kinds.${k}`)}
                  <span className={styles.muted}> – {t(`create.kindHelp.${k}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          label={t('create.courseTitle')}
          value={title}
          onChange={setTitle}
          isRequired
          minLength={3}
          maxLength={120}
        />
        <ErrorMessage error={create.error} fieldLabels={{ title: t('create.courseTitle') }} />
        <div className={styles.row}>
          <Button
            type="submit"
            variant="primary"
            isDisabled={create.isPending || title.trim().length < 3}
          >
            {t('create.submit')}
          </Button>
          <Button variant="tertiary" onPress={close}>
            {t('create.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
