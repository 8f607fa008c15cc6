import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { Button, LinkButton } from '../../../components/Button';
import { SearchField } from '../../../components/SearchField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { useDebouncedValue } from '../../people/useDebouncedValue';
import { useBrowseChannels, useJoinConversation } from '../queries';
import styles from '../components/chat.module.css';

/** `/chat/browse`: public channels; join or open. */
export function BrowseChannelsPage() {
  const { t } = useTranslation('chat');
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 250);
  const channels = useBrowseChannels(debounced.trim());
  const join = useJoinConversation();
  return (
    <Page title={t('browse.title')} actions={<Link to="/chat">{t('browse.back')}</Link>}>
      <SearchField label={t('browse.search')} value={q} onChange={setQ} />
      {channels.isPending ? <Spinner /> : null}
      {channels.error ? <ErrorMessage error={channels.error} /> : null}
      {join.error ? <ErrorMessage error={join.error} /> : null}
      {channels.data && channels.data.length === 0 ? <p>{t('browse.empty')}</p> : null}
      <ul className={styles.browseList}>
        {(channels.data ?? []).map((c) => (
          <li key={c.id} className={styles.browseItem}>
            <div className={styles.browseText}>
              <h2># {c.name}</h2>
              <p>
                {c.topic ? `${c.topic} · ` : ''}
                {t('conversation.members', { count: c.memberCount })}
              </p>
            </div>
            {c.me ? (
              <LinkButton
                size="small"
                variant="secondary"
                href={`/chat/${c.id}`}
                aria-label={t('browse.openLabel', { name: c.name })}
              >
                {t('browse.open')}
              </LinkButton>
            ) : (
              <Button
                size="small"
                variant="primary"
                aria-label={t('browse.joinLabel', { name: c.name })}
                isDisabled={join.isPending}
                onPress={() =>
                  join.mutate(c.id, {
                    onSuccess: () => {
                      announce(t('announce.joined', { name: c.name }));
                      void navigate(`/chat/${c.id}`);
                    },
                  })
                }
              >
                {t('browse.join')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
