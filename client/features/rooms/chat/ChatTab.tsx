import { useTranslation } from 'react-i18next';
import type { RoomDTO } from '@shared/rooms/types';
import { EmptyState } from '../../../components/EmptyState';
import { LinkButton } from '../../../components/Button';
import { useMe } from '../../auth/queries';
import { ConversationView } from '../../chat/components/ConversationView';
import styles from './chat-tab.module.css';

/**
 * The room's chat channel, embedded: the chat's own conversation view (timeline, composer,
 * threads, live updates) in a frame of fixed height, plus "Im Chat öffnen" for the full chat.
 */
export default function ChatTab({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('roomsFeed');
  const me = useMe();
  const id = room.conversationId;
  if (!room.abilities.read) {
    return <EmptyState title={t('chat.membersOnly')}>{t('chat.membersOnlyText')}</EmptyState>;
  }
  if (!id) return <EmptyState title={t('chat.none')}>{t('chat.noneText')}</EmptyState>;
  return (
    <div className={styles.wrap}>
      <div className={styles.bar}>
        <p className={styles.hint}>{t('chat.hint')}</p>
        <LinkButton size="small" variant="secondary" href={`/chat/${encodeURIComponent(id)}`}>
          {t('chat.open')}
        </LinkButton>
      </div>
      <div className={styles.frame}>
        <ConversationView key={id} id={id} me={me} />
      </div>
    </div>
  );
}
