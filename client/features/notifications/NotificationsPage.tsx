import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Button } from '../../components/Button';
import { Spinner } from '../../components/Spinner';
import { ErrorMessage } from '../../components/ErrorMessage';
import { EmptyState } from '../../components/EmptyState';
import { CheckboxField } from '../../components/CheckboxField';
import { Card } from '../../components/Card';
import { useMarkAllRead, useMarkRead, useNotificationList, useUnreadCount } from './queries';
import { NotificationItem } from './NotificationItem';
import styles from './NotificationsPage.module.css';

/** All notifications, newest first, paged by cursor; filter unread; mark read. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotificationList(unreadOnly);
  const count = useUnreadCount().data ?? 0;
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Page
      title={t('title')}
      description={t('unreadSummary', { count })}
      actions={
        <Button
          variant="secondary"
          isDisabled={count === 0}
          isPending={markAll.isPending}
          onPress={() => markAll.mutate('all')}
        >
          {t('markAllRead')}
        </Button>
      }
    >
      <CheckboxField isSelected={unreadOnly} onChange={setUnreadOnly}>
        {t('unreadOnly')}
      </CheckboxField>
      {list.isPending ? <Spinner /> : null}
      {list.isError ? <ErrorMessage error={list.error} /> : null}
      {list.isSuccess && items.length === 0 ? (
        <EmptyState title={unreadOnly ? t('emptyUnread') : t('empty')} />
      ) : null}
      {items.length > 0 ? (
        <Card>
          <ul className={styles.list}>
            {items.map((n) => (
              <li key={n.id}>
                <NotificationItem notification={n} onRead={(id) => markRead.mutate([id])} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {list.hasNextPage ? (
        <div>
          <Button
            variant="secondary"
            isPending={list.isFetchingNextPage}
            onPress={() => void list.fetchNextPage()}
          >
            {t('loadMore')}
          </Button>
        </div>
      ) : null}
    </Page>
  );
}
