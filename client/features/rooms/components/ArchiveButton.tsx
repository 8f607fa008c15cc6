import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDTO } from '@shared/rooms/types';
import { Button } from '../../../components/Button';
import { announce } from '../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { useArchiveRoom } from '../queries';

/** Archive (owners, with confirmation) or restore an archived room. */
export function ArchiveButton({ room, size }: { room: RoomDTO; size?: 'small' }) {
  const { t } = useTranslation('rooms');
  const mutation = useArchiveRoom(room.id);
  const [open, setOpen] = useState(false);
  const archive = !room.archived;
  if (archive ? !room.abilities.archive : !room.abilities.restore) return null;
  return (
    <>
      <Button size={size} variant={archive ? 'danger' : 'primary'} onPress={() => setOpen(true)}>
        {archive ? t('actions.archive') : t('actions.restore')}
      </Button>
      <ConfirmDialog
        title={
          archive
            ? t('settings.archiveConfirm', { name: room.name })
            : t('settings.restoreConfirm', { name: room.name })
        }
        isOpen={open}
        onOpenChange={(o) => {
          if (!o) mutation.reset();
          setOpen(o);
        }}
        confirmLabel={archive ? t('actions.archive') : t('actions.restore')}
        danger={archive}
        isPending={mutation.isPending}
        error={mutation.error}
        onConfirm={() =>
          mutation.mutate(
            { archive, rev: room.rev },
            {
              onSuccess: () => {
                setOpen(false);
                announce(archive ? t('settings.archived') : t('settings.restored'));
              },
            },
          )
        }
      >
        <p>{archive ? t('settings.archiveText') : t('settings.restoreText')}</p>
      </ConfirmDialog>
    </>
  );
}
