import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  roomModules,
  roomTemplateKeys,
  roomVisibilities,
  type RoomTemplateKey,
  type RoomVisibility,
} from '@shared/rooms/schemas';
import { roomTemplates } from '@shared/rooms/templates';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { FormDialog } from '../../people/components/FormDialog';
import { TextAreaField } from '../../wiki/components/TextAreaField';
import { useCreateRoom, useCreateRoomRequest } from '../queries';
import { VisibilityChoice } from './VisibilityChoice';
import styles from '../rooms.module.css';

const newId = () => crypto.randomUUID();

/**
 * "Raum anlegen" (movers, editors, admins) or "Raum anfragen" (everyone else): template, name,
 * description, visibility and end date; a request adds a reason. The client id stays the same
 * across retries of one dialog, so a repeated submit never creates a second room.
 */
export function CreateRoomDialog({
  mode,
  isOpen,
  onOpenChange,
}: {
  mode: 'create' | 'request';
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('rooms');
  const navigate = useNavigate();
  const create = useCreateRoom();
  const ask = useCreateRoomRequest();
  const mutation = mode === 'create' ? create : ask;
  const [clientId, setClientId] = useState(newId);
  const [template, setTemplate] = useState<RoomTemplateKey>('project');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<RoomVisibility>(roomTemplates.project.visibility);
  const [reviewBy, setReviewBy] = useState('');
  const [reason, setReason] = useState('');

  const close = () => {
    setClientId(newId());
    setTemplate('project');
    setName('');
    setDescription('');
    setVisibility(roomTemplates.project.visibility);
    setReviewBy('');
    setReason('');
    create.reset();
    ask.reset();
    onOpenChange(false);
  };

  const chooseTemplate = (key: RoomTemplateKey) => {
    setTemplate(key);
    setVisibility(roomTemplates[key].visibility);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const base = { clientId, name, description, visibility, template };
    if (mode === 'create') {
      create.mutate(
        { ...base, reviewBy: reviewBy || null },
        {
          onSuccess: (room) => {
            close();
            void navigate(`/rooms/${room.id}`);
          },
        },
      );
    } else {
      ask.mutate(
        { ...base, reason },
        {
          onSuccess: () => {
            announce(t('create.requested'));
            close();
            void navigate('/rooms/requests');
          },
        },
      );
    }
  };

  const labels = {
    name: t('create.name'),
    description: t('create.description'),
    reviewBy: t('create.reviewBy'),
    reason: t('create.reason'),
    visibility: t('visibility.label'),
    template: t('create.template'),
  };
  const ready = name.trim().length >= 3 && (mode === 'create' || reason.trim().length > 0);

  return (
    <FormDialog
      title={mode === 'create' ? t('create.title') : t('create.requestTitle')}
      isOpen={isOpen}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
    >
      <form className={styles.form} onSubmit={submit}>
        {mode === 'request' ? <p className={styles.muted}>{t('create.requestIntro')}</p> : null}
        <fieldset className={styles.fieldset}>
          <legend>{labels.template}</legend>
          <div className={styles.choices}>
            {roomTemplateKeys.map((key) => (
              <label key={key} className={styles.choice}>
                <input
                  type="radio"
                  name="template"
                  value={key}
                  checked={template === key}
                  onChange={() => chooseTemplate(key)}
                />
                <span>
                  {t(`templates.${key}.name`)}
                  <span className={styles.choiceHint}>{t(`templates.${key}.description`)}</span>
                  <span className={styles.choiceHint}>
                    {t('create.modulesOf', {
                      list: roomModules
                        .filter((m) => roomTemplates[key].modules[m])
                        .map((m) => t(`modules.${m}`))
                        .join(', '),
                    })}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          label={labels.name}
          value={name}
          onChange={setName}
          isRequired
          minLength={3}
          maxLength={80}
        />
        <TextAreaField
          label={labels.description}
          value={description}
          onChange={setDescription}
          maxLength={1000}
        />
        <VisibilityChoice value={visibility} onChange={setVisibility} options={roomVisibilities} />
        {mode === 'create' ? (
          <TextField
            label={labels.reviewBy}
            description={t('create.reviewByHelp')}
            type="date"
            value={reviewBy}
            onChange={setReviewBy}
          />
        ) : (
          <TextAreaField
            label={labels.reason}
            value={reason}
            onChange={setReason}
            maxLength={1000}
          />
        )}
        <ErrorMessage error={mutation.error} fieldLabels={labels} />
        <div className={styles.actions}>
          <Button type="submit" variant="primary" isDisabled={mutation.isPending || !ready}>
            {mode === 'create' ? t('create.submit') : t('create.submitRequest')}
          </Button>
          <Button variant="tertiary" onPress={close}>
            {t('actions.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
