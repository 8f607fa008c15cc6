import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDTO } from '@shared/chat/types';
import type { PersonRef } from '@shared/people/types';
import { FormDialog } from '../../people/components/FormDialog';
import { Avatar } from '../../../components/Avatar';
import { Button } from '../../../components/Button';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useAddMembers, useMembers, useRemoveMember } from '../queries';
import { PeopleChooser } from './PeopleChooser';
import styles from './chat.module.css';

/** Members of a group or channel; add and remove as the abilities allow. */
export function MembersDialog({
  conversation: conv,
  isOpen,
  onOpenChange,
  myId,
}: {
  conversation: ConversationDTO;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  myId: string;
}) {
  const { t } = useTranslation('chat');
  const members = useMembers(conv.id, isOpen);
  const add = useAddMembers(conv.id);
  const remove = useRemoveMember(conv.id);
  const [toAdd, setToAdd] = useState<PersonRef[]>([]);
  const list = members.data ?? [];
  return (
    <FormDialog
      title={t('members.title', { name: conv.name })}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      <div className={styles.form}>
        {members.isPending ? <Spinner /> : null}
        {members.error ? <ErrorMessage error={members.error} /> : null}
        <ul className={styles.items}>
          {list.map((m) => (
            <li key={m.person.id} className={styles.memberRow}>
              <Avatar initials={m.person.initials} photoUrl={m.person.photoUrl} size="small" />
              <span className={styles.memberName}>
                {m.person.displayName}
                {m.role === 'owner' ? ` (${t('members.owner')})` : ''}
              </span>
              {conv.abilities.removeMembers && m.person.id !== myId ? (
                <Button
                  size="small"
                  variant="secondary"
                  aria-label={t('members.removeLabel', { name: m.person.displayName })}
                  isDisabled={remove.isPending}
                  onPress={() => remove.mutate(m.person.id)}
                >
                  {t('members.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {remove.error ? <ErrorMessage error={remove.error} /> : null}
        {conv.abilities.addMembers ? (
          <>
            <PeopleChooser
              label={t('members.add')}
              value={toAdd}
              onChange={setToAdd}
              excludeIds={list.map((m) => m.person.id)}
            />
            {add.error ? <ErrorMessage error={add.error} /> : null}
            <div className={styles.buttons}>
              <Button
                variant="primary"
                isDisabled={toAdd.length === 0 || add.isPending}
                onPress={() =>
                  add.mutate(
                    toAdd.map((p) => p.id),
                    { onSuccess: () => setToAdd([]) },
                  )
                }
              >
                {t('members.addButton')}
              </Button>
            </div>
          </>
        ) : null}
        <div className={styles.buttons}>
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('members.close')}
          </Button>
        </div>
      </div>
    </FormDialog>
  );
}
