import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreateConversationInput } from '@shared/chat/schemas';
import type { PersonRef } from '@shared/people/types';
import { FormDialog } from '../../people/components/FormDialog';
import { PersonPicker } from '../../people/components/PersonPicker';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useCreateConversation } from '../queries';
import { PeopleChooser } from './PeopleChooser';
import styles from './chat.module.css';

type Kind = 'direct' | 'group' | 'channel';

/** "New conversation": a direct message, a group or a channel, with people from the directory. */
export function NewConversationDialog({
  isOpen,
  onOpenChange,
  myId,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  myId: string;
}) {
  const { t } = useTranslation('chat');
  const navigate = useNavigate();
  const create = useCreateConversation();
  const [kind, setKind] = useState<Kind>('direct');
  const [peer, setPeer] = useState<PersonRef | null>(null);
  const [people, setPeople] = useState<PersonRef[]>([]);
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'private'>('public');
  const [hint, setHint] = useState<string | null>(null);

  const close = () => {
    onOpenChange(false);
    setPeer(null);
    setPeople([]);
    setName('');
    setTopic('');
    setHint(null);
    create.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let input: CreateConversationInput;
    if (kind === 'direct') {
      if (!peer) return;
      input = { kind, personId: peer.id };
    } else if (kind === 'group') {
      if (people.length < 2) return setHint(t('newDialog.needTwo'));
      input = { kind, memberIds: people.map((p) => p.id), ...(name.trim() ? { name } : {}) };
    } else {
      input = { kind, name, topic, visibility, memberIds: people.map((p) => p.id) };
    }
    create.mutate(input, {
      onSuccess: (c) => {
        close();
        void navigate(`/chat/${c.id}`);
      },
    });
  };

  const kinds: Kind[] = ['direct', 'group', 'channel'];
  return (
    <FormDialog
      title={t('newDialog.title')}
      isOpen={isOpen}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
    >
      <form className={styles.form} onSubmit={submit}>
        <fieldset className={styles.radioGroup}>
          <legend>{t('newDialog.kind')}</legend>
          {kinds.map((k) => (
            <label key={k} className={styles.radio}>
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`newDialog.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'direct' ? (
          <PersonPicker
            label={t('newDialog.person')}
            value={peer}
            onChange={setPeer}
            excludeIds={[myId]}
            isRequired
          />
        ) : (
          <>
            {kind === 'channel' ? (
              <>
                <TextField label={t('newDialog.name')} value={name} onChange={setName} isRequired />
                <TextField label={t('newDialog.topic')} value={topic} onChange={setTopic} />
                <fieldset className={styles.radioGroup}>
                  <legend>{t('newDialog.visibility')}</legend>
                  {(['public', 'private'] as const).map((v) => (
                    <label key={v} className={styles.radio}>
                      <input
                        type="radio"
                        name="visibility"
                        value={v}
                        checked={visibility === v}
                        onChange={() => setVisibility(v)}
                      />
                      {t(v === 'public' ? 'newDialog.public' : 'newDialog.privateChannel')}
                    </label>
                  ))}
                </fieldset>
              </>
            ) : (
              <TextField label={t('newDialog.groupName')} value={name} onChange={setName} />
            )}
            <PeopleChooser
              label={t('newDialog.people')}
              value={people}
              onChange={setPeople}
              excludeIds={[myId]}
            />
          </>
        )}
        {hint ? (
          <p role="alert" className={styles.failed}>
            {hint}
          </p>
        ) : null}
        {create.error ? <ErrorMessage error={create.error} /> : null}
        <div className={styles.buttons}>
          <Button type="submit" variant="primary" isDisabled={create.isPending}>
            {kind === 'direct' ? t('newDialog.start') : t('newDialog.create')}
          </Button>
          <Button variant="secondary" onPress={close}>
            {t('actions.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
