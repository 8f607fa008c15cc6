import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDTO } from '@shared/chat/types';
import { FormDialog } from '../../people/components/FormDialog';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { SelectField } from '../../../components/SelectField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { useConversations, useForwardMessage, useUpdateConversation } from '../queries';
import styles from './chat.module.css';

/** Owners change name and topic. */
export function EditConversationDialog({
  conversation,
  isOpen,
  onOpenChange,
}: {
  conversation: ConversationDTO;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('chat');
  const [name, setName] = useState(conversation.name);
  const [topic, setTopic] = useState(conversation.topic);
  const update = useUpdateConversation(conversation.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ name, topic }, { onSuccess: () => onOpenChange(false) });
  };
  return (
    <FormDialog title={t('edit.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <form className={styles.form} onSubmit={submit}>
        <TextField label={t('edit.name')} value={name} onChange={setName} isRequired />
        <TextField label={t('edit.topic')} value={topic} onChange={setTopic} />
        {update.error ? <ErrorMessage error={update.error} /> : null}
        <div className={styles.buttons}>
          <Button type="submit" variant="primary" isDisabled={update.isPending}>
            {t('actions.save')}
          </Button>
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('actions.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

/** Forwards a message to another conversation I can write in. */
export function ForwardDialog({
  conversationId,
  messageId,
  onClose,
}: {
  conversationId: string;
  messageId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('chat');
  const conversations = useConversations();
  const forward = useForwardMessage(conversationId);
  const targets = (conversations.data ?? []).filter((c) => c.abilities.post && !c.archived && c.me);
  const [target, setTarget] = useState<string | null>(null);
  const chosen = target ?? targets[0]?.id ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!messageId || !chosen) return;
    forward.mutate(
      { messageId, target: chosen },
      {
        onSuccess: () => {
          announce(t('forward.done', { name: targets.find((c) => c.id === chosen)?.name ?? '' }));
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      title={t('forward.title')}
      isOpen={messageId !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
    >
      <form className={styles.form} onSubmit={submit}>
        <SelectField
          label={t('forward.target')}
          value={chosen}
          onChange={setTarget}
          options={targets.map((c) => ({ id: c.id, label: c.name }))}
        />
        {forward.error ? <ErrorMessage error={forward.error} /> : null}
        <div className={styles.buttons}>
          <Button type="submit" variant="primary" isDisabled={forward.isPending || !chosen}>
            {t('forward.send')}
          </Button>
          <Button variant="secondary" onPress={onClose}>
            {t('actions.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
