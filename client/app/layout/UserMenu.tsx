import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Separator,
  Header as AriaHeader,
  MenuSection,
} from 'react-aria-components';
import { useLogout, useMe } from '../../features/auth/queries';
import { Avatar } from '../../components/Avatar';
import { ChevronDownIcon, LogoutIcon, SettingsIcon, UserIcon } from '../../components/icons';
import { useOverlayContainer } from './overlayContainer';
import type { OpenIntent } from './useHeaderOverlays';
import styles from './UserMenu.module.css';

/**
 * The signed-in person's menu: profile, settings, sign out. `openIntent`: open at once, focusing
 * as given (its stand-in trigger was pressed before this code had loaded).
 */
export function UserMenu({
  openIntent,
  onOpenChange,
}: {
  openIntent?: OpenIntent;
  onOpenChange?: (isOpen: boolean) => void;
}) {
  const { t } = useTranslation('common');
  const me = useMe();
  const container = useOverlayContainer();
  const logout = useLogout();
  return (
    <MenuTrigger defaultOpen={openIntent !== undefined} onOpenChange={onOpenChange}>
      <AriaButton className={styles.trigger} aria-label={t('user.menu', { name: me.displayName })}>
        <Avatar initials={me.initials} size="small" />
        <span className={styles.name} aria-hidden="true">
          {me.displayName}
        </span>
        <ChevronDownIcon className={styles.chevron} />
      </AriaButton>
      <Popover
        className={styles.popover}
        placement="bottom end"
        UNSTABLE_portalContainer={container}
      >
        <Menu
          className={styles.menu}
          aria-label={t('user.menu', { name: me.displayName })}
          // The focus strategy MenuTrigger would pass, for a menu opened by the stand-in trigger.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus={openIntent}
        >
          <MenuSection>
            <AriaHeader className={styles.who}>
              <span className={styles.whoName}>{me.displayName}</span>
              <span className={styles.whoMail}>{me.email}</span>
            </AriaHeader>
            <MenuItem className={styles.item} href={`/people/${me.id}`}>
              <UserIcon className={styles.icon} />
              {t('user.profile')}
            </MenuItem>
            <MenuItem className={styles.item} href="/settings">
              <SettingsIcon className={styles.icon} />
              {t('user.settings')}
            </MenuItem>
          </MenuSection>
          <Separator className={styles.separator} />
          <MenuSection>
            <MenuItem className={styles.item} onAction={() => logout.mutate()}>
              <LogoutIcon className={styles.icon} />
              {t('user.logout')}
            </MenuItem>
          </MenuSection>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
