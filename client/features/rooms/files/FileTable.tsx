import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button as AriaButton } from 'react-aria-components';
import { ActionMenu } from '../../../components/ActionMenu';
import type { RoomFileDTO, RoomFolderDTO } from '@shared/rooms/types';
import { FileIcon } from '../../../components/icons';
import { RelativeTime } from '../../notifications/RelativeTime';
import { formatSize } from './tree';
import styles from './files.module.css';

/** A folder outline (an emoji needs a colour-emoji font, which many workplaces lack). */
const FolderIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
  </svg>
);

export type FileAction = 'preview' | 'versions' | 'newVersion' | 'rename' | 'move' | 'delete';
export type FolderAction = 'rename' | 'move' | 'delete';

/** The row's "…" menu, named after the folder or file ("Aktionen für Bericht.pdf"). */
function ActionsMenu<K extends string>({
  name,
  actions,
  onAction,
}: {
  name: string;
  actions: { id: K; label: string }[];
  onAction: (key: K) => void;
}) {
  const { t } = useTranslation('roomsFiles');
  return <ActionMenu label={t('actionsFor', { name })} items={actions} onAction={onAction} />;
}

/**
 * Folders, then files: a table on wide screens, a list of cards on phones (CSS only; every cell
 * names its column there, so nothing scrolls sideways at 320 px).
 */
export function FileTable({
  caption,
  folders,
  files,
  onFolderAction,
  onFileAction,
}: {
  caption: string;
  folders: RoomFolderDTO[];
  files: RoomFileDTO[];
  onFolderAction: (action: FolderAction, folder: RoomFolderDTO) => void;
  onFileAction: (action: FileAction, file: RoomFileDTO) => void;
}) {
  const { t, i18n } = useTranslation('roomsFiles');
  const lang = i18n.resolvedLanguage ?? 'de';
  const col = (key: string) => t(`table.${key}`);
  const folderActions = (f: RoomFolderDTO) =>
    [
      f.abilities.rename && { id: 'rename' as const, label: t('actions.rename') },
      f.abilities.rename && { id: 'move' as const, label: t('actions.move') },
      f.abilities.delete && { id: 'delete' as const, label: t('actions.delete') },
    ].filter((a): a is { id: FolderAction; label: string } => Boolean(a));
  const fileActions = (f: RoomFileDTO) =>
    [
      f.preview && { id: 'preview' as const, label: t('actions.preview') },
      { id: 'versions' as const, label: t('actions.versions') },
      f.abilities.newVersion && { id: 'newVersion' as const, label: t('actions.newVersion') },
      f.abilities.rename && { id: 'rename' as const, label: t('actions.rename') },
      f.abilities.rename && { id: 'move' as const, label: t('actions.move') },
      f.abilities.delete && { id: 'delete' as const, label: t('actions.delete') },
    ].filter((a): a is { id: FileAction; label: string } => Boolean(a));

  return (
    <table className={styles.table}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{col('name')}</th>
          <th scope="col">{col('size')}</th>
          <th scope="col">{col('version')}</th>
          <th scope="col">{col('who')}</th>
          <th scope="col">{col('when')}</th>
          <th scope="col">
            <span className="visually-hidden">{col('actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {folders.map((f) => (
          <tr key={`d-${f.id}`} className={styles.row}>
            <th scope="row" className={styles.nameCell}>
              <span className={styles.nameWrap}>
                <FolderIcon />
                <Link to={`?folder=${f.id}`} className={styles.link}>
                  <span className="visually-hidden">{t('folder')}: </span>
                  {f.name}
                </Link>
              </span>
            </th>
            <td className={styles.empty} colSpan={4} />
            <td className={styles.actionsCell}>
              <ActionsMenu
                name={f.name}
                actions={folderActions(f)}
                onAction={(a) => onFolderAction(a, f)}
              />
            </td>
          </tr>
        ))}
        {files.map((f) => (
          <tr key={f.id} className={styles.row}>
            <th scope="row" className={styles.nameCell}>
              <span className={styles.nameWrap}>
                <FileIcon aria-hidden="true" />
                {f.preview ? (
                  <AriaButton
                    className={styles.linkButton}
                    onPress={() => onFileAction('preview', f)}
                  >
                    {f.name}
                  </AriaButton>
                ) : (
                  <a href={f.url} download className={styles.link}>
                    {f.name}
                  </a>
                )}
              </span>
            </th>
            <td data-label={col('size')}>{formatSize(f.size, lang)}</td>
            <td data-label={col('version')}>{f.version}</td>
            <td data-label={col('who')}>{f.uploadedBy.displayName}</td>
            <td data-label={col('when')}>
              <RelativeTime iso={f.updatedAt} />
            </td>
            <td className={styles.actionsCell}>
              <a
                href={f.url}
                download
                className={styles.iconButton}
                aria-label={`${t('actions.download')}: ${f.name}`}
              >
                <span aria-hidden="true">⤓</span>
              </a>
              <ActionsMenu
                name={f.name}
                actions={fileActions(f)}
                onAction={(a) => onFileAction(a, f)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
