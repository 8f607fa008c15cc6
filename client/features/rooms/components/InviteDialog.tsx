import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@shared/people/types';
import type { RoomInviteResultDTO } from '@shared/rooms/types';
import { Button } from '../../../components/Button';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { FormDialog } from '../../people/components/FormDialog';
import { PeopleChooser } from '../../chat/components/PeopleChooser';
import { useInviteMembers } from '../queries';
import { UnitChooser } from './UnitChooser';
import styles from '../rooms.module.css';

/** "12 Personen hinzugefügt, 3 waren schon Mitglied" (+ skipped inactive people, if any). */
export function inviteResultText(
  t: (key: string, opts?: Record<string, unknown>) => string,
  r: RoomInviteResultDTO,
): string {
  const parts = [t('invite.added', { count: r.added })];
  if (r.alreadyMembers > 0) parts.push(t('invite.already', { count: r.alreadyMembers }));
  if (r.skipped > 0) parts.push(t('invite.skipped', { count: r.skipped }));
  return parts.join(', ');
}

/** Invite people and whole units (optionally with their sub-units). */
export function InviteDialog({
  roomId,
  isOpen,
  onOpenChange,
  onInvited,
}: {
  roomId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** The result in words (also announced), for a visible note. */
  onInvited?: (text: string) => void;
}) {
  const { t } = useTranslation('rooms');
  const invite = useInviteMembers(roomId);
  const [people, setPeople] = useState<PersonRef[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [withSubunits, setWithSubunits] = useState(false);
  const close = () => {
    setPeople([]);
    setUnitIds([]);
    setWithSubunits(false);
    invite.reset();
    onOpenChange(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate(
      { personIds: people.map((p) => p.id), unitIds, withSubunits },
      {
        onSuccess: (result) => {
          const text = inviteResultText(t, result);
          announce(text);
          onInvited?.(text);
          close();
        },
      },
    );
  };
  return (
    <FormDialog
      title={t('invite.title')}
      isOpen={isOpen}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
    >
      <form className={styles.form} onSubmit={submit}>
        <PeopleChooser label={t('invite.people')} value={people} onChange={setPeople} />
        <fieldset className={styles.fieldset}>
          <legend>{t('invite.units')}</legend>
          <UnitChooser value={unitIds} onChange={setUnitIds} />
          <CheckboxField isSelected={withSubunits} onChange={setWithSubunits}>
            {t('invite.withSubunits')}
          </CheckboxField>
        </fieldset>
        <ErrorMessage error={invite.error} />
        <div className={styles.actions}>
          <Button
            type="submit"
            variant="primary"
            isDisabled={invite.isPending || (people.length === 0 && unitIds.length === 0)}
          >
            {t('invite.submit')}
          </Button>
          <Button variant="tertiary" onPress={close}>
            {t('actions.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
