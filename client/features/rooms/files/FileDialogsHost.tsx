import { useTranslation } from 'react-i18next';
import type { RoomFileDTO, RoomFolderDTO } from '@shared/rooms/types';
import { announce } from '../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { MoveDialog, NameDialog, PreviewDialog, VersionsDialog } from './FileDialogs';
import {
  useCreateFolder,
  useDeleteFile,
  useDeleteFolder,
  useUpdateFile,
  useUpdateFolder,
} from './queries';

type Item = { type: 'file'; file: RoomFileDTO } | { type: 'folder'; folder: RoomFolderDTO };

export type DialogState =
  | { kind: 'newFolder' }
  | { kind: 'rename' | 'move' | 'delete'; item: Item }
  | { kind: 'preview' | 'versions'; item: { type: 'file'; file: RoomFileDTO } };

const nameOf = (item: Item) => (item.type === 'file' ? item.file.name : item.folder.name);

/** The one open dialog of the files tab and the mutations behind it. */
export function FileDialogsHost({
  roomId,
  folderId,
  dialog,
  onClose,
}: {
  roomId: string;
  folderId: string | null;
  dialog: DialogState | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('roomsFiles');
  const createFolder = useCreateFolder(roomId);
  const updateFolder = useUpdateFolder(roomId);
  const updateFile = useUpdateFile(roomId);
  const deleteFolder = useDeleteFolder(roomId);
  const deleteFile = useDeleteFile(roomId);
  if (!dialog) return null;
  const open = {
    isOpen: true,
    onOpenChange: (o: boolean) => {
      if (o) return;
      for (const m of [createFolder, updateFolder, updateFile, deleteFolder, deleteFile]) m.reset();
      onClose();
    },
  };
  const done = () => open.onOpenChange(false);

  if (dialog.kind === 'newFolder') {
    return (
      <NameDialog
        {...open}
        title={t('newFolder')}
        label={t('folderName')}
        initial=""
        submitLabel={t('create')}
        isPending={createFolder.isPending}
        error={createFolder.error}
        onSubmit={(name) =>
          createFolder.mutate(
            { name, parentId: folderId },
            {
              onSuccess: (f) => {
                announce(t('created', { name: f.name }));
                done();
              },
            },
          )
        }
      />
    );
  }
  if (dialog.kind === 'preview') return <PreviewDialog {...open} file={dialog.item.file} />;
  if (dialog.kind === 'versions') return <VersionsDialog {...open} file={dialog.item.file} />;

  const { item } = dialog;
  const name = nameOf(item);
  const update = item.type === 'file' ? updateFile : updateFolder;
  const save = (change: { name?: string; parent?: string | null }) => {
    const onSuccess = done;
    if (item.type === 'file') {
      updateFile.mutate(
        { id: item.file.id, name: change.name, folderId: change.parent },
        { onSuccess },
      );
    } else {
      updateFolder.mutate(
        { id: item.folder.id, name: change.name, parentId: change.parent },
        { onSuccess },
      );
    }
  };

  if (dialog.kind === 'rename') {
    return (
      <NameDialog
        {...open}
        title={t('rename.title', { name })}
        label={t('rename.label')}
        initial={name}
        hint={item.type === 'file' ? t('rename.extension') : undefined}
        submitLabel={t('save')}
        isPending={update.isPending}
        error={update.error}
        onSubmit={(n) => save({ name: n })}
      />
    );
  }
  if (dialog.kind === 'move') {
    return (
      <MoveDialog
        {...open}
        roomId={roomId}
        name={name}
        current={item.type === 'file' ? item.file.folderId : item.folder.parentId}
        excludeFolder={item.type === 'folder' ? item.folder.id : null}
        isPending={update.isPending}
        error={update.error}
        onSubmit={(parent) => save({ parent })}
      />
    );
  }
  const remove = item.type === 'file' ? deleteFile : deleteFolder;
  return (
    <ConfirmDialog
      {...open}
      danger
      title={item.type === 'file' ? t('delete.fileTitle') : t('delete.folderTitle')}
      confirmLabel={t('delete.confirm')}
      isPending={remove.isPending}
      error={remove.error}
      onConfirm={() => {
        const onSuccess = () => {
          announce(t('delete.done', { name }));
          done();
        };
        if (item.type === 'file') deleteFile.mutate(item.file.id, { onSuccess });
        else deleteFolder.mutate(item.folder.id, { onSuccess });
      }}
    >
      {item.type === 'file' ? (
        <p>{t('delete.file', { name, count: item.file.version })}</p>
      ) : (
        <>
          <p>{t('delete.folder', { name })}</p>
          <p>
            <strong>{t('delete.folderContent')}</strong>
          </p>
        </>
      )}
    </ConfirmDialog>
  );
}
