import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormDialog } from '../../people/components/FormDialog';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useCreateSpace } from '../queries';
import { TextAreaField } from './TextAreaField';
import styles from './dialogs.module.css';

type Kind = 'org' | 'office' | 'topic';

/** "Neuer Bereich": key, name, kind, description. Audience and roles follow in the settings. */
export function NewSpaceDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('wiki');
  const navigate = useNavigate();
  const create = useCreateSpace();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [kind, setKind] = useState<Kind>('topic');
  const [description, setDescription] = useState('');
  const close = () => {
    setName('');
    setKey('');
    setDescription('');
    create.reset();
    onOpenChange(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { key, name, kind, description },
      {
        onSuccess: (s) => {
          close();
          void navigate(`/wiki/spaces/${s.id}?tab=settings`);
        },
      },
    );
  };
  return (
    <FormDialog
      title={t('newSpace.title')}
      isOpen={isOpen}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
    >
      <form className={styles.form} onSubmit={submit}>
        <TextField
          label={t('newSpace.name')}
          value={name}
          onChange={setName}
          isRequired
          maxLength={80}
        />
        <TextField
          label={t('newSpace.key')}
          description={t('newSpace.keyHelp')}
          value={key}
          onChange={(v) => setKey(v.toLowerCase())}
          isRequired
          maxLength={40}
        />
        <fieldset className={styles.radioGroup}>
          <legend>{t('newSpace.kind')}</legend>
          {(['org', 'office', 'topic'] as Kind[]).map((k) => (
            <label key={k} className={styles.radio}>
              <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          label={t('newSpace.description')}
          value={description}
          onChange={setDescription}
          maxLength={500}
        />
        <ErrorMessage
          error={create.error}
          fieldLabels={{ key: t('newSpace.key'), name: t('newSpace.name') }}
        />
        <div className={styles.actions}>
          <Button
            type="submit"
            variant="primary"
            isDisabled={create.isPending || !name.trim() || !key}
          >
            {t('newSpace.create')}
          </Button>
          <Button variant="tertiary" onPress={close}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
