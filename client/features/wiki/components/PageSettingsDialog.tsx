import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@shared/people/types';
import type { PageDTO } from '@shared/wiki/types';
import { FormDialog } from '../../people/components/FormDialog';
import { PersonPicker } from '../../people/components/PersonPicker';
import { useUnits } from '../../people/queries';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField } from '../../../components/SelectField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import type { PageUpdateInput } from '../api';
import { useUpdatePage } from '../queries';
import styles from './dialogs.module.css';

/** Owner, review date and (with the right) the page restriction. People come from the directory. */
export function PageSettingsDialog({
  page,
  isOpen,
  onOpenChange,
}: {
  page: PageDTO;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('wiki');
  const update = useUpdatePage(page.id);
  const units = useUnits();
  const [owner, setOwner] = useState<PersonRef | null>(page.owner);
  const [reviewBy, setReviewBy] = useState(page.reviewBy ?? '');
  const [restricted, setRestricted] = useState(page.restriction !== null);
  const [people, setPeople] = useState<PersonRef[]>([]);
  const [personIds, setPersonIds] = useState<string[]>(page.restriction?.personIds ?? []);
  const [unitIds, setUnitIds] = useState<string[]>(page.restriction?.unitIds ?? []);
  const [picked, setPicked] = useState<PersonRef | null>(null);
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;
  const personName = (id: string) => people.find((p) => p.id === id)?.displayName;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: PageUpdateInput = { rev: page.rev };
    // Handing the page over hands over the restrict right: only who holds it (server rule).
    if (page.abilities.restrict && owner && owner.id !== page.owner?.id) input.ownerId = owner.id;
    if (page.abilities.organise) input.reviewBy = reviewBy || null;
    if (page.abilities.restrict) input.restriction = restricted ? { personIds, unitIds } : null;
    update.mutate(input, {
      onSuccess: () => {
        announce(t('settings.saved'));
        onOpenChange(false);
      },
    });
  };

  return (
    <FormDialog title={t('pageSettings.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <form className={styles.form} onSubmit={submit}>
        {page.abilities.restrict ? (
          <PersonPicker label={t('pageSettings.owner')} value={owner} onChange={setOwner} />
        ) : null}
        {page.abilities.organise ? (
          <>
            <TextField
              label={t('pageSettings.reviewBy')}
              description={t('pageSettings.reviewByHelp')}
              type="date"
              value={reviewBy}
              onChange={setReviewBy}
            />
          </>
        ) : null}
        {page.abilities.restrict ? (
          <fieldset className={styles.fieldset}>
            <legend>{t('pageSettings.restriction')}</legend>
            <CheckboxField isSelected={restricted} onChange={setRestricted}>
              {t('pageSettings.restrict')}
            </CheckboxField>
            {restricted ? (
              <>
                <p className={styles.hint}>{t('pageSettings.restrictHelp')}</p>
                <ul className={styles.chips} aria-label={t('pageSettings.people')}>
                  {personIds.map((id) => (
                    <li key={id}>
                      {personName(id) ?? t('pageSettings.personN')}
                      <Button
                        size="small"
                        variant="tertiary"
                        aria-label={t('pageSettings.remove', { name: personName(id) ?? id })}
                        onPress={() => setPersonIds((l) => l.filter((x) => x !== id))}
                      >
                        ×
                      </Button>
                    </li>
                  ))}
                </ul>
                <PersonPicker
                  label={t('pageSettings.addPerson')}
                  value={picked}
                  excludeIds={personIds}
                  onChange={(p) => {
                    if (!p) return setPicked(null);
                    setPeople((l) => [...l, p]);
                    setPersonIds((l) => (l.includes(p.id) ? l : [...l, p.id]));
                    setPicked(null);
                  }}
                />
                <ul className={styles.chips} aria-label={t('pageSettings.units')}>
                  {unitIds.map((id) => (
                    <li key={id}>
                      {unitName(id)}
                      <Button
                        size="small"
                        variant="tertiary"
                        aria-label={t('pageSettings.remove', { name: unitName(id) })}
                        onPress={() => setUnitIds((l) => l.filter((x) => x !== id))}
                      >
                        ×
                      </Button>
                    </li>
                  ))}
                </ul>
                <SelectField
                  label={t('pageSettings.addUnit')}
                  value={null}
                  options={(units.data ?? [])
                    .filter((u) => !unitIds.includes(u.id))
                    .map((u) => ({ id: u.id, label: u.number ? `${u.number} ${u.name}` : u.name }))}
                  onChange={(id) => setUnitIds((l) => [...l, id])}
                />
              </>
            ) : null}
          </fieldset>
        ) : null}
        <ErrorMessage error={update.error} />
        <div className={styles.actions}>
          <Button type="submit" variant="primary" isDisabled={update.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="tertiary" onPress={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
