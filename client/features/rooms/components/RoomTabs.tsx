import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { roomModules, type RoomModule } from '@shared/rooms/schemas';
import type { RoomDTO } from '@shared/rooms/types';
import styles from '../rooms.module.css';

export type RoomTabId = RoomModule | 'members' | 'settings';

/** The tabs a viewer sees: enabled modules, members (readers), settings (who may change any). */
export function visibleTabs(room: RoomDTO): RoomTabId[] {
  if (!room.abilities.read) return [];
  const a = room.abilities;
  const tabs: RoomTabId[] = roomModules.filter((m) => room.modules[m]);
  tabs.push('members');
  if (a.update || a.administer || a.archive || a.restore) tabs.push('settings');
  return tabs;
}

/** Feed is the room's index route; the others are sub-paths. */
export const tabPath = (roomId: string, tab: RoomTabId) =>
  tab === 'feed' ? `/rooms/${roomId}` : `/rooms/${roomId}/${tab}`;

/** Tab navigation as links (`aria-current="page"` on the current one, set by NavLink). */
export function RoomTabs({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('rooms');
  const tabs = visibleTabs(room);
  if (tabs.length === 0) return null;
  return (
    <nav aria-label={t('room.tabs')} className={styles.roomNav}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab}>
            <NavLink to={tabPath(room.id, tab)} end={tab === 'feed'} className={styles.tab}>
              {t(`modules.${tab}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
