import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomFileDTO } from '@shared/rooms/types';
import { FormDialog } from '../../people/components/FormDialog';
import { Button, buttonClassName } from '../../../components/Button';
import { SelectField } from '../../../components/SelectField';
import { Spinner } from '../../../components/Spinner';
import { TextField } from '../../../components/TextField';
import { RelativeTime } from '../../notifications/RelativeTime';
import forms from '../../people/components/forms.module.css';
import { FileError } from './FileError';
import { useRoomFolders } from './queries';
import { folderChoices, formatSize } from './tree';
import styles from './files.module.css';

interface Base {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/** New folder or rename: one name field; the server's 409 shows as "name taken". */
export function NameDialog({
  title,
  label,
  initial,
  submitLabel,
  hint,
  onSubmit,
  isPending,
  error,
  ...base
}: Base & {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  hint?: string;
  onSubmit: (name: string) => void;
  isPending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation('roomsFiles');
  const [name, setName] = useState(initial);
  return (
    <FormDialog title={title} {...base}>
      <form
        className={forms.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSubmit(name.trim());
        }}
      >
        <TextField
          label={label}
          value={name}
          onChange={setName}
          isRequired
          maxLength={200}
          description={hint}
        />
        <FileError error={error} />
        <div className={forms.buttons}>
          <Button type="submit" variant="primary" isDisabled={isPending || !name.trim()}>
            {submitLabel}
          </Button>
          <Button variant="secondary" onPress={() => base.onOpenChange(false)}>
            {t('cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

/** Move a file or folder: a folder picker with full paths (a folder cannot go below itself). */
export function MoveDialog({
  roomId,
  name,
  current,
  excludeFolder,
  onSubmit,
  isPending,
  error,
  ...base
}: Base & {
  roomId: string;
  name: string;
  current: string | null;
  excludeFolder: string | null;
  onSubmit: (folderId: string | null) => void;
  isPending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation('roomsFiles');
  const folders = useRoomFolders(roomId, base.isOpen);
  const [target, setTarget] = useState<string>(current ?? 'root');
  const options = [
    { id: 'root', label: t('move.root') },
    ...folderChoices(folders.data ?? [], excludeFolder).map((c) => ({ id: c.id, label: c.path })),
  ];
  return (
    <FormDialog title={t('move.title', { name })} {...base}>
      <form
        className={forms.form}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(target === 'root' ? null : target);
        }}
      >
        {folders.isPending ? <Spinner label={t('loading')} /> : null}
        <SelectField
          label={t('move.target')}
          options={options}
          value={target}
          onChange={setTarget}
        />
        <FileError error={error ?? folders.error} />
        <div className={forms.buttons}>
          <Button
            type="submit"
            variant="primary"
            isDisabled={isPending || target === (current ?? 'root')}
          >
            {t('move.submit')}
          </Button>
          <Button variant="secondary" onPress={() => base.onOpenChange(false)}>
            {t('cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

/** Every version, newest first, each downloadable. */
export function VersionsDialog({ file, ...base }: Base & { file: RoomFileDTO }) {
  const { t, i18n } = useTranslation('roomsFiles');
  const lang = i18n.resolvedLanguage ?? 'de';
  return (
    <FormDialog title={t('versions.title', { name: file.name })} {...base}>
      <ol className={styles.versions} aria-label={t('versions.caption')}>
        {file.versions.map((v) => (
          <li key={v.version} className={styles.version}>
            <div>
              <strong>{t('versionN', { n: v.version })}</strong>
              {v.version === file.version ? ` (${t('versions.current')})` : null}
              <div className={styles.meta}>
                {v.uploadedBy.displayName} · <RelativeTime iso={v.uploadedAt} /> ·{' '}
                {formatSize(v.size, lang)}
              </div>
            </div>
            <a className={styles.link} href={v.url} download>
              {t('versions.download', { n: v.version })}
            </a>
          </li>
        ))}
      </ol>
      <div className={forms.buttons}>
        <Button variant="secondary" onPress={() => base.onOpenChange(false)}>
          {t('close')}
        </Button>
      </div>
    </FormDialog>
  );
}

/** Images inline (`<img alt>`), PDF in a titled frame of the sandboxed preview URL. */
export function PreviewDialog({ file, ...base }: Base & { file: RoomFileDTO }) {
  const { t } = useTranslation('roomsFiles');
  if (!file.previewUrl) return null;
  return (
    <FormDialog title={t('preview.title', { name: file.name })} {...base}>
      <div className={styles.preview}>
        {file.preview === 'image' ? (
          <img src={file.previewUrl} alt={file.name} className={styles.previewImage} />
        ) : (
          <iframe
            src={file.previewUrl}
            title={t('preview.pdf', { name: file.name })}
            className={styles.previewFrame}
          />
        )}
      </div>
      <div className={forms.buttons}>
        <a href={file.url} download className={buttonClassName({ variant: 'primary' })}>
          {t('preview.download')}
        </a>
        <Button variant="secondary" onPress={() => base.onOpenChange(false)}>
          {t('close')}
        </Button>
      </div>
    </FormDialog>
  );
}
