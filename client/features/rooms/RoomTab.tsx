import { Suspense, type ComponentType } from 'react';
import { useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoomModule } from '@shared/rooms/schemas';
import type { RoomDTO } from '@shared/rooms/types';
import { Spinner } from '../../components/Spinner';
import type { RoomOutletContext } from './pages/RoomShell';
import styles from './rooms.module.css';

export type RoomTabComponent = ComponentType<{ room: RoomDTO }>;

/**
 * A tab route: takes the room from the shell and renders the tab's component, or says the module
 * is switched off (the server answers 404 for its routes then anyway).
 */
export function RoomTab({ Tab, module }: { Tab: RoomTabComponent; module?: RoomModule }) {
  const { t } = useTranslation('rooms');
  const { room } = useOutletContext<RoomOutletContext>();
  if (module && !room.modules[module]) return <p className={styles.muted}>{t('room.moduleOff')}</p>;
  return (
    <Suspense fallback={<Spinner label={t('room.tabLoading')} />}>
      <Tab room={room} />
    </Suspense>
  );
}
