import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { Button, LinkButton } from '../../../components/Button';
import { SearchField } from '../../../components/SearchField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useMe } from '../../auth/queries';
import { useConversations } from '../queries';
import { ConversationList, groupConversations, orderOf } from '../components/ConversationList';
import { ConversationView } from '../components/ConversationView';
import { NewConversationDialog } from '../components/NewConversationDialog';
import { ChatSettingsDialog } from '../components/ChatSettingsDialog';
import styles from '../components/chat.module.css';

/** `/chat` and `/chat/:id`: conversation list and the open conversation (one pane on phones). */
export function ChatPage() {
  const { t } = useTranslation('chat');
  const { id } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const conversations = useConversations();
  const [q, setQ] = useState('');
  const [messageQ, setMessageQ] = useState('');
  const searchMessages = (value: string) => {
    if (value.trim()) void navigate(`/chat/search?${new URLSearchParams({ q: value.trim() })}`);
  };
  const [dialog, setDialog] = useState<'new' | 'settings' | null>(null);
  const groups = useMemo(
    () => groupConversations(conversations.data ?? [], q),
    [conversations.data, q],
  );
  const removed = (location.state as { removed?: boolean } | null)?.removed === true;

  // Alt+↑ / Alt+↓: previous / next conversation in the list's order.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      const order = orderOf(groups);
      if (order.length === 0) return;
      e.preventDefault();
      const index = order.findIndex((c) => c.id === id);
      const next =
        e.key === 'ArrowUp'
          ? order[index <= 0 ? order.length - 1 : index - 1]
          : order[index < 0 || index >= order.length - 1 ? 0 : index + 1];
      if (next) void navigate(`/chat/${next.id}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [groups, id, navigate]);

  return (
    <Page title={t('title')}>
      <div className={styles.layout} data-open={id ? 'true' : 'false'}>
        <nav className={styles.listPane} aria-label={t('list.label')}>
          <div className={styles.listTools}>
            <form
              role="search"
              aria-label={t('search.label')}
              onSubmit={(e) => {
                e.preventDefault();
                searchMessages(messageQ);
              }}
            >
              <SearchField
                label={t('search.label')}
                value={messageQ}
                onChange={setMessageQ}
                onSubmit={searchMessages}
              />
            </form>
            <SearchField label={t('list.search')} value={q} onChange={setQ} />
            <div className={styles.buttons}>
              <Button size="small" variant="primary" onPress={() => setDialog('new')}>
                {t('list.new')}
              </Button>
              <LinkButton size="small" variant="secondary" href="/chat/browse">
                {t('list.browse')}
              </LinkButton>
              <Button size="small" variant="secondary" onPress={() => setDialog('settings')}>
                {t('list.settings')}
              </Button>
            </div>
          </div>
          <div className={styles.listScroll}>
            {conversations.isPending ? (
              <Spinner />
            ) : conversations.isError ? (
              <ErrorMessage error={conversations.error} />
            ) : (
              <ConversationList groups={groups} q={q} />
            )}
          </div>
        </nav>
        {id ? (
          <ConversationView key={id} id={id} me={me} />
        ) : (
          <div className={styles.mainPane}>
            <div className={styles.note} style={{ alignSelf: 'flex-start', flex: 1 }}>
              {removed ? <p role="alert">{t('conversation.removed')}</p> : null}
              <h2 className={styles.convTitle}>{t('empty.title')}</h2>
              <p>{t('empty.text')}</p>
            </div>
          </div>
        )}
      </div>
      <NewConversationDialog
        isOpen={dialog === 'new'}
        onOpenChange={(open) => setDialog(open ? 'new' : null)}
        myId={me.id}
      />
      {dialog === 'settings' ? (
        <ChatSettingsDialog isOpen onOpenChange={() => setDialog(null)} />
      ) : null}
    </Page>
  );
}
