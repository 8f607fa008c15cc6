import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  Dialog,
  DialogTrigger,
  Heading,
  Popover,
} from 'react-aria-components';
import { BellIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LinkButton } from '../../components/Button';
import { useLatestNotifications, useMarkAllRead, useMarkRead, useUnreadCount } from './queries';
import { NotificationItem } from './NotificationItem';
import { useOverlayContainer } from '../../app/layout/overlayContainer';
import styles from './NotificationBell.module.css';

/**
 * Header bell: unread count (live), popover with the latest notifications. `defaultOpen`: the
 * header's stand-in bell was pressed before this code had loaded.
 */
export function NotificationBell({
  defaultOpen,
  onOpenChange,
}: {
  defaultOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
}) {
  const { t } = useTranslation('notifications');
  const known = useUnreadCount().data;
  const count = known ?? 0;
  const container = useOverlayContainer();
  return (
    <DialogTrigger defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      <AriaButton
        className={styles.bell}
        aria-label={known === undefined ? t('title') : t('bellLabel', { count })}
      >
        <BellIcon className={styles.icon} />
        {count > 0 ? (
          <span className={styles.badge} aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </AriaButton>
      <Popover
        className={styles.popover}
        placement="bottom end"
        UNSTABLE_portalContainer={container}
      >
        <Dialog className={styles.dialog} aria-labelledby="notification-panel-title">
          {({ close }) => <Panel close={close} count={count} />}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

function Panel({ close, count }: { close: () => void; count: number }) {
  const { t } = useTranslation('notifications');
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  return (
    <>
      <div className={styles.head}>
        <Heading slot="title" id="notification-panel-title" className={styles.title}>
          {t('title')}
        </Heading>
        <AriaButton
          className={styles.textButton}
          isDisabled={count === 0 || markAll.isPending}
          onPress={() => markAll.mutate('all')}
        >
          {t('markAllRead')}
        </AriaButton>
      </div>
      <div className={styles.list}>
        {latest.isPending ? <Spinner /> : null}
        {latest.isError ? <ErrorMessage error={latest.error} /> : null}
        {latest.data?.length === 0 ? <p className={styles.empty}>{t('empty')}</p> : null}
        {latest.data && latest.data.length > 0 ? (
          <ul className={styles.items}>
            {latest.data.map((n) => (
              <li key={n.id}>
                <NotificationItem
                  notification={n}
                  compact
                  onRead={(id) => markRead.mutate([id])}
                  onOpen={close}
                />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className={styles.foot}>
        <LinkButton href="/notifications" variant="tertiary" onPress={close}>
          {t('showAll')}
        </LinkButton>
      </div>
    </>
  );
}
