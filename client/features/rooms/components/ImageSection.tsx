import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDTO } from '@shared/rooms/types';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import fields from '../../../components/fields.module.css';
import { useRoomImage } from '../queries';
import { RoomImage } from './RoomBits';
import styles from '../rooms.module.css';

/** Upload or remove the room's image, with a preview of the chosen file before saving. */
export function ImageSection({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('rooms');
  const mutation = useRoomImage(room.id);
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const preview = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );
  const reset = () => {
    setFile(null);
    setInputKey((k) => k + 1);
  };
  const disabled = !room.abilities.update || mutation.isPending;
  return (
    <section className={styles.section} aria-labelledby="room-image-heading">
      <h2 id="room-image-heading" className={styles.h2}>
        {t('settings.image')}
      </h2>
      <div className={styles.row}>
        {preview ? (
          <img src={preview} alt={room.name} className={styles.preview} />
        ) : room.imageUrl ? (
          <img src={room.imageUrl} alt={room.name} className={styles.preview} />
        ) : (
          <>
            <RoomImage name={room.name} url={null} size="large" />
            <span className={styles.muted}>{t('settings.imageNone')}</span>
          </>
        )}
      </div>
      <div className={fields.field}>
        <label htmlFor={inputId} className={fields.label}>
          {t('settings.imageChoose')}
        </label>
        <span className={fields.description} id={`${inputId}-help`}>
          {t('settings.imageHelp')}
        </span>
        <input
          key={inputKey}
          id={inputId}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className={styles.fileInput}
          aria-describedby={`${inputId}-help`}
          disabled={disabled}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <div className={styles.actions}>
        {file ? (
          <Button
            variant="primary"
            isDisabled={disabled}
            onPress={() =>
              mutation.mutate(file, {
                onSuccess: () => {
                  reset();
                  announce(t('settings.imageSaved'));
                },
              })
            }
          >
            {t('actions.save')}
          </Button>
        ) : null}
        {file ? (
          <Button variant="tertiary" onPress={reset}>
            {t('actions.cancel')}
          </Button>
        ) : null}
        {!file && room.imageUrl ? (
          <Button
            isDisabled={disabled}
            onPress={() =>
              mutation.mutate(null, { onSuccess: () => announce(t('settings.imageRemoved')) })
            }
          >
            {t('settings.imageRemove')}
          </Button>
        ) : null}
      </div>
      <ErrorMessage error={mutation.error} fieldLabels={{ image: t('settings.image') }} />
    </section>
  );
}
