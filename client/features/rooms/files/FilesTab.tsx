import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DropZone, FileTrigger, Text, type DropItem } from 'react-aria-components';
import type { RoomDTO, RoomFileDTO, RoomFolderDTO } from '@shared/rooms/types';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { FileDialogsHost, type DialogState } from './FileDialogsHost';
import { FileTable } from './FileTable';
import { UploadList } from './UploadList';
import { useRoomFiles, useUploads } from './queries';
import { splitBySize } from './tree';
import styles from './files.module.css';

async function droppedFiles(e: { items: DropItem[] }): Promise<File[]> {
  const files: File[] = [];
  for (const item of e.items) if (item.kind === 'file') files.push(await item.getFile());
  return files;
}

/**
 * The room's files: breadcrumbs, folders and files, upload by button or drag and drop (the
 * button is the keyboard way), new folder, rename, move, delete, versions and preview.
 */
export default function FilesTab({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('roomsFiles');
  const [params] = useSearchParams();
  const folderId = params.get('folder');
  const files = useRoomFiles(room.id, folderId);
  const uploads = useUploads(room.id);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [tooLarge, setTooLarge] = useState<string[]>([]);
  const versionInput = useRef<HTMLInputElement>(null);
  const versionOf = useRef<RoomFileDTO | null>(null);
  const canUpload = room.abilities.contribute;

  const start = async (list: File[], fileId?: string) => {
    const { ok, tooLarge: big } = splitBySize(list);
    setTooLarge(big.map((f) => f.name));
    if (!ok.length) return;
    const stored = await uploads.start(ok, fileId ? { fileId } : { folderId });
    if (stored) announce(t('uploaded', { count: stored }));
  };

  const onFileAction = (action: string, file: RoomFileDTO) => {
    if (action === 'newVersion') {
      versionOf.current = file;
      versionInput.current?.click();
      return;
    }
    setDialog({ kind: action as DialogState['kind'], item: { type: 'file', file } } as DialogState);
  };
  const onFolderAction = (action: string, folder: RoomFolderDTO) =>
    setDialog({ kind: action, item: { type: 'folder', folder } } as DialogState);

  const data = files.data;
  const here = data?.breadcrumbs.at(-1)?.name ?? t('root');
  const body = files.isPending ? (
    <Spinner label={t('loading')} />
  ) : files.error ? (
    <ErrorMessage error={files.error} />
  ) : data && (data.folders.length || data.files.length) ? (
    <FileTable
      caption={t('table.caption', { folder: here })}
      folders={data.folders}
      files={data.files}
      onFolderAction={onFolderAction}
      onFileAction={onFileAction}
    />
  ) : (
    <EmptyState title={t('empty')}>{canUpload ? t('emptyHint') : null}</EmptyState>
  );

  return (
    <section className={styles.tab} aria-labelledby="room-files-title">
      <h2 id="room-files-title" className={styles.title}>
        {t('title')}
      </h2>
      {/* At the top level the heading already says where we are. */}
      {folderId ? (
        <nav aria-label={t('breadcrumbs')}>
          <ol className={styles.crumbs}>
            <li>
              {folderId ? (
                <Link to="?">{t('root')}</Link>
              ) : (
                <span aria-current="page">{t('root')}</span>
              )}
            </li>
            {data?.breadcrumbs.map((c, i, all) => (
              <li key={c.id}>
                {i === all.length - 1 ? (
                  <span aria-current="page">{c.name}</span>
                ) : (
                  <Link to={`?folder=${c.id}`}>{c.name}</Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {room.archived ? <p className={styles.muted}>{t('readOnly')}</p> : null}
      {canUpload ? (
        <div className={styles.toolbar}>
          <FileTrigger allowsMultiple onSelect={(l) => void start(l ? [...l] : [])}>
            <Button variant="primary">{t('upload')}</Button>
          </FileTrigger>
          <Button onPress={() => setDialog({ kind: 'newFolder' })}>{t('newFolder')}</Button>
          <Text className={styles.muted}>{t('maxSize')}</Text>
        </div>
      ) : null}
      <FileTrigger
        ref={versionInput}
        onSelect={(l) => {
          const target = versionOf.current;
          if (target && l?.[0]) void start([l[0]], target.id);
        }}
      />
      <UploadList items={uploads.items} tooLarge={tooLarge} onDismiss={uploads.dismiss} />
      {canUpload ? (
        <DropZone
          aria-label={t('dropZone')}
          className={styles.dropZone}
          onDrop={(e) => void droppedFiles(e).then((l) => start(l))}
        >
          {({ isDropTarget }) => (
            <>
              {isDropTarget ? <p className={styles.dropHint}>{t('dropHere')}</p> : null}
              {body}
            </>
          )}
        </DropZone>
      ) : (
        body
      )}
      <FileDialogsHost
        roomId={room.id}
        folderId={folderId}
        dialog={dialog}
        onClose={() => setDialog(null)}
      />
    </section>
  );
}
