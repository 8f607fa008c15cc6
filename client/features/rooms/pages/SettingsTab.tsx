import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  roomModules,
  roomVisibilities,
  type RoomModules,
  type RoomUpdateInput,
  type RoomVisibility,
} from '@shared/rooms/schemas';
import type { RoomDTO } from '@shared/rooms/types';
import { ApiError } from '../../../lib/api';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { TextAreaField } from '../../wiki/components/TextAreaField';
import { useRoom, useUpdateRoom } from '../queries';
import { VisibilityChoice } from '../components/VisibilityChoice';
import { ImageSection } from '../components/ImageSection';
import { ArchiveButton } from '../components/ArchiveButton';
import feedback from '../../../components/feedback.module.css';
import styles from '../rooms.module.css';

interface Draft {
  name: string;
  description: string;
  visibility: RoomVisibility;
  modules: RoomModules;
  reviewBy: string;
}
const draftOf = (room: RoomDTO): Draft => ({
  name: room.name,
  description: room.description,
  visibility: room.visibility,
  modules: { ...room.modules },
  reviewBy: room.reviewBy?.slice(0, 10) ?? '',
});

/** Only what changed (and what the viewer may change), guarded by the room's revision. */
export function changesOf(room: RoomDTO, draft: Draft, rev: number): RoomUpdateInput {
  const before = draftOf(room);
  const out: RoomUpdateInput = { rev };
  if (room.abilities.update) {
    if (draft.name !== before.name) out.name = draft.name;
    if (draft.description !== before.description) out.description = draft.description;
  }
  if (room.abilities.administer) {
    if (draft.visibility !== before.visibility) out.visibility = draft.visibility;
    if (roomModules.some((m) => draft.modules[m] !== before.modules[m]))
      out.modules = draft.modules;
    if (draft.reviewBy !== before.reviewBy) out.reviewBy = draft.reviewBy || null;
  }
  return out;
}

function SettingsForm({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('rooms');
  const update = useUpdateRoom(room.id);
  const fresh = useRoom(room.id);
  // The form edits the copy it was opened with; a newer copy from the server does not overwrite
  // what someone is typing (a save against an old revision answers 409 stale_copy).
  const [base, setBase] = useState(room);
  const [draft, setDraft] = useState(() => draftOf(room));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const stale = update.error instanceof ApiError && update.error.code === 'stale_copy';
  const reload = () => {
    void fresh.refetch().then((r) => {
      const next = r.data ?? room;
      setBase(next);
      setDraft(draftOf(next));
      update.reset();
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(changesOf(base, draft, base.rev), {
      onSuccess: (saved) => {
        setBase(saved);
        setDraft(draftOf(saved));
        announce(t('settings.saved'));
      },
    });
  };
  const a = room.abilities;
  const labels = {
    name: t('create.name'),
    description: t('create.description'),
    reviewBy: t('create.reviewBy'),
    visibility: t('visibility.label'),
    modules: t('settings.modules'),
  };
  return (
    <form className={styles.form} onSubmit={submit}>
      <section className={styles.section} aria-labelledby="room-general-heading">
        <h2 id="room-general-heading" className={styles.h2}>
          {t('settings.general')}
        </h2>
        <TextField
          label={labels.name}
          value={draft.name}
          onChange={(v) => set('name', v)}
          isRequired
          minLength={3}
          maxLength={80}
          isDisabled={!a.update}
        />
        <TextAreaField
          label={labels.description}
          value={draft.description}
          onChange={(v) => set('description', v)}
          maxLength={1000}
        />
      </section>
      {a.administer ? (
        <section className={styles.section} aria-labelledby="room-access-heading">
          <h2 id="room-access-heading" className={styles.h2}>
            {t('settings.access')}
          </h2>
          <VisibilityChoice
            value={draft.visibility}
            onChange={(v) => set('visibility', v)}
            options={roomVisibilities}
          />
          <fieldset className={styles.fieldset}>
            <legend>{labels.modules}</legend>
            {roomModules.map((m) => (
              <CheckboxField
                key={m}
                isSelected={draft.modules[m]}
                onChange={(on) => set('modules', { ...draft.modules, [m]: on })}
              >
                {t(`modules.${m}`)}
              </CheckboxField>
            ))}
          </fieldset>
          <TextField
            label={labels.reviewBy}
            description={t('create.reviewByHelp')}
            type="date"
            value={draft.reviewBy}
            onChange={(v) => set('reviewBy', v)}
          />
        </section>
      ) : null}
      {stale ? (
        <div role="alert" className={`${feedback.alert} ${feedback.danger}`}>
          <p className={feedback.title}>{t('settings.stale')}</p>
          <Button onPress={reload}>{t('actions.reload')}</Button>
        </div>
      ) : (
        <ErrorMessage error={update.error} fieldLabels={labels} />
      )}
      <div className={styles.actions}>
        <Button type="submit" variant="primary" isDisabled={update.isPending || stale}>
          {t('actions.save')}
        </Button>
      </div>
    </form>
  );
}

/** Settings tab: general, image, access and modules, archive/restore, hand-over hint. */
export default function SettingsTab({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('rooms');
  const a = room.abilities;
  const editable = a.update || a.administer;
  return (
    <div className={styles.stack}>
      {editable ? <SettingsForm key={room.id} room={room} /> : <p>{t('settings.readOnly')}</p>}
      {a.update ? <ImageSection room={room} /> : null}
      {a.archive || a.restore ? (
        <section className={styles.section} aria-labelledby="room-archive-heading">
          <h2 id="room-archive-heading" className={styles.h2}>
            {t('settings.archiveTitle')}
          </h2>
          <p className={styles.muted}>{t('settings.archiveText')}</p>
          <div>
            <ArchiveButton room={room} />
          </div>
        </section>
      ) : null}
      {room.myRole === 'owner' ? <p className={styles.muted}>{t('settings.handover')}</p> : null}
    </div>
  );
}
