import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@shared/people/types';
import type { TaskDTO } from '@shared/rooms/types';
import { Button } from '../../../components/Button';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SearchField } from '../../../components/SearchField';
import { Spinner } from '../../../components/Spinner';
import { TextField } from '../../../components/TextField';
import { announce } from '../../../components/LiveAnnouncer';
import fields from '../../../components/fields.module.css';
import { FormDialog } from '../../people/components/FormDialog';
import { useRoomMembers } from '../queries';
import { useCreateTask, useUpdateTask } from './queries';
import styles from './tasks.module.css';

/**
 * "Aufgabe anlegen" / "Aufgabe bearbeiten": title, description, assignees chosen from the room's
 * members (searchable; chosen people stay listed), due day. API errors in the reader's language.
 */
export function TaskFormDialog({
  roomId,
  task,
  onClose,
}: {
  roomId: string;
  /** The task to edit; null creates one (at the top of "Zu erledigen"). */
  task: TaskDTO | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('roomsTasks');
  const uid = useId();
  const create = useCreateTask(roomId);
  const update = useUpdateTask(roomId);
  const mutation = task ? update : create;
  const [title, setTitle] = useState(task?.title ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [due, setDue] = useState(task?.due ?? '');
  const [chosen, setChosen] = useState<PersonRef[]>(task?.assignees ?? []);
  const [search, setSearch] = useState('');
  // One UUID per dialog opening: a retried create is answered with the same task.
  const [clientId] = useState(() => crypto.randomUUID());
  const members = useRoomMembers(roomId, search.trim());

  const candidates = useMemo(() => {
    const chosenIds = new Set(chosen.map((p) => p.id));
    const found = (members.data?.pages ?? [])
      .flatMap((p) => p.data)
      .map((m) => m.person)
      .filter((p) => !chosenIds.has(p.id));
    return [...chosen, ...found];
  }, [chosen, members.data]);

  const toggle = (person: PersonRef, on: boolean) =>
    setChosen((list) =>
      on
        ? [...list.filter((p) => p.id !== person.id), person]
        : list.filter((p) => p.id !== person.id),
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = title.trim();
    if (!name) return;
    const body = {
      title: name,
      description: description.trim(),
      assigneeIds: chosen.map((p) => p.id),
      due: due || null,
    };
    if (task) {
      update.mutate(
        { id: task.id, rev: task.rev, ...body },
        {
          onSuccess: () => {
            announce(t('form.saved', { title: name }));
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        { id: clientId, ...body },
        {
          onSuccess: () => {
            announce(t('form.created', { title: name }));
            onClose();
          },
        },
      );
    }
  };

  const fieldLabels: Record<string, string> = {
    title: t('form.title'),
    description: t('form.description'),
    due: t('form.due'),
  };
  chosen.forEach((p, i) => {
    fieldLabels[`assigneeIds.${i}`] = `${t('form.assignees')} (${p.displayName})`;
  });

  return (
    <FormDialog
      title={task ? t('form.editTitle') : t('form.createTitle')}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextField
          label={t('form.title')}
          value={title}
          onChange={setTitle}
          isRequired
          maxLength={200}
        />
        <div className={fields.field}>
          <label htmlFor={`${uid}-description`} className={fields.label}>
            {t('form.description')}
          </label>
          <textarea
            id={`${uid}-description`}
            className={`${fields.input} ${styles.textarea}`}
            value={description}
            maxLength={4000}
            rows={3}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className={fields.field}>
          <label htmlFor={`${uid}-due`} className={fields.label}>
            {t('form.due')}
          </label>
          <input
            id={`${uid}-due`}
            type="date"
            className={fields.input}
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
        </div>
        <fieldset className={styles.fieldset}>
          <legend className={fields.label}>{t('form.assignees')}</legend>
          <SearchField label={t('form.searchMembers')} value={search} onChange={setSearch} />
          {members.isPending ? <Spinner label={t('form.loadingMembers')} /> : null}
          <ErrorMessage error={members.error} />
          {candidates.length ? (
            <ul className={styles.memberList}>
              {candidates.map((p) => (
                <li key={p.id}>
                  <CheckboxField
                    isSelected={chosen.some((c) => c.id === p.id)}
                    onChange={(on) => toggle(p, on)}
                  >
                    {p.displayName}
                  </CheckboxField>
                </li>
              ))}
            </ul>
          ) : members.isPending ? null : (
            <p className={styles.muted}>{t('form.noMembers')}</p>
          )}
        </fieldset>
        <ErrorMessage error={mutation.error} fieldLabels={fieldLabels} />
        <div className={styles.actions}>
          <Button type="submit" variant="primary" isDisabled={mutation.isPending || !title.trim()}>
            {task ? t('form.save') : t('form.create')}
          </Button>
          <Button variant="tertiary" onPress={onClose}>
            {t('form.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
