import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/auth/queries';
import { useUnreadCount } from '../../features/notifications/queries';
import { Avatar } from '../../components/Avatar';
import { BellIcon, ChevronDownIcon, MenuIcon } from '../../components/icons';
import type { OpenIntent, OverlaySlot } from './useHeaderOverlays';
import userStyles from './UserMenu.module.css';
import mobileStyles from './MobileMenu.module.css';
import bellStyles from '../../features/notifications/NotificationBell.module.css';

type Open = (slot: OverlaySlot, intent: OpenIntent) => void;

/**
 * A plain button in place of a react-aria trigger until the overlay code is there: same look, name
 * and state; Enter, Space and arrow keys open the overlay with the focus react-aria would give.
 */
function StandIn(props: {
  slot: OverlaySlot;
  popup: 'true' | 'dialog';
  className: string;
  label?: string;
  onOpen: Open;
  children: ReactNode;
}) {
  const { slot, popup, className, label, onOpen, children } = props;
  const onClick = (e: MouseEvent) => onOpen(slot, e.detail === 0 ? 'first' : true);
  const onKeyDown = (e: KeyboardEvent) => {
    if (popup !== 'true' || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    onOpen(slot, e.key === 'ArrowDown' ? 'first' : 'last');
  };
  return (
    <button
      type="button"
      className={className}
      aria-label={label}
      aria-haspopup={popup}
      aria-expanded={false}
      data-overlay-slot={slot}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {children}
    </button>
  );
}

export function UserMenuStandIn({ onOpen }: { onOpen: Open }) {
  const { t } = useTranslation('common');
  const me = useMe();
  return (
    <StandIn
      slot="user"
      popup="true"
      className={userStyles.trigger ?? ''}
      label={t('user.menu', { name: me.displayName })}
      onOpen={onOpen}
    >
      <Avatar initials={me.initials} size="small" />
      <span className={userStyles.name} aria-hidden="true">
        {me.displayName}
      </span>
      <ChevronDownIcon className={userStyles.chevron} />
    </StandIn>
  );
}

export function MobileMenuStandIn({ onOpen }: { onOpen: Open }) {
  const { t } = useTranslation('common');
  return (
    <StandIn slot="mobile" popup="dialog" className={mobileStyles.trigger ?? ''} onOpen={onOpen}>
      <MenuIcon className={mobileStyles.icon} />
      <span className={mobileStyles.triggerLabel}>{t('menu.open')}</span>
    </StandIn>
  );
}

export function BellStandIn({ onOpen }: { onOpen: Open }) {
  const { t } = useTranslation('notifications');
  const known = useUnreadCount().data;
  const count = known ?? 0;
  return (
    <StandIn
      slot="bell"
      popup="dialog"
      className={bellStyles.bell ?? ''}
      // No count until it is known: "0 unread" would be wrong for a moment.
      label={known === undefined ? t('title') : t('bellLabel', { count })}
      onOpen={onOpen}
    >
      <BellIcon className={bellStyles.icon} />
      {count > 0 ? (
        <span className={bellStyles.badge} aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </StandIn>
  );
}
