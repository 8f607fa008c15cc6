import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unitKinds, type UnitKind } from '@shared/org/schemas';
import type { UnitDTO } from '@shared/org/types';
import type { PersonRef } from '@shared/people/types';
import { TextField } from '../../../components/TextField';
import { SelectField } from '../../../components/SelectField';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { useLocations, useUnits } from '../../people/queries';
import { subtreeIds, unitOptions } from '../../people/tree';
import { allShownAtFields, fieldErrors } from '../../people/form-errors';
import { PersonPicker } from '../../people/components/PersonPicker';
import { useCreateUnit, useUpdateUnit } from '../queries';
import forms from '../../people/components/forms.module.css';

const NONE = 'none';
const FIELDS = ['name', 'number', 'kind', 'parentId', 'leaderId', 'locationId'];

/** Create or edit a unit: name, number, kind, parent (moving it), head and location. */
export function UnitForm({ unit, onDone }: { unit?: UnitDTO; onDone: () => void }) {
  const { t } = useTranslation(['admin', 'validation']);
  const units = useUnits();
  const locations = useLocations();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = unit ? update : create;
  const [name, setName] = useState(unit?.name ?? '');
  const [number, setNumber] = useState(unit?.number ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? 'department');
  const [parentId, setParentId] = useState(unit?.parentId ?? NONE);
  const [locationId, setLocationId] = useState(unit?.locationId ?? NONE);
  const [leader, setLeader] = useState<PersonRef | null>(unit?.leader ?? null);
  const errors = fieldErrors(mutation.error, t);

  // A unit cannot move below itself or its own sub-units.
  const parentChoices = useMemo(() => {
    const all = units.data ?? [];
    const blocked = unit ? subtreeIds(all, unit.id) : new Set<string>();
    return [
      { id: NONE, label: t('units.noParent') },
      ...unitOptions(all)
        .filter((o) => !blocked.has(o.id))
        .map((o) => ({ id: o.id, label: `${'\u2003'.repeat(o.depth - 1)}${o.label}` })),
    ];
  }, [units.data, unit, t]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name,
      number,
      kind,
      parentId: parentId === NONE ? null : parentId,
      leaderId: leader?.id ?? null,
      locationId: locationId === NONE ? null : locationId,
    };
    const done = () => {
      announce(t('units.saved'));
      onDone();
    };
    if (unit) update.mutate({ id: unit.id, input }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <form className={forms.form} onSubmit={onSubmit} noValidate>
      {mutation.isError && !allShownAtFields(mutation.error, FIELDS) ? (
        <ErrorMessage error={mutation.error} />
      ) : null}
      <div className={forms.grid}>
        <TextField
          label={t('units.name')}
          isRequired
          value={name}
          onChange={setName}
          errorMessage={errors.name}
        />
        <TextField
          label={t('units.number')}
          description={t('units.numberHint')}
          value={number}
          onChange={setNumber}
          errorMessage={errors.number}
        />
        <SelectField
          label={t('units.kind')}
          options={unitKinds.map((k) => ({ id: k, label: t(`kind.${k}`) }))}
          value={kind}
          onChange={(k) => setKind(k as UnitKind)}
          errorMessage={errors.kind}
        />
        <SelectField
          label={t('units.location')}
          options={[
            { id: NONE, label: t('units.noLocation') },
            ...(locations.data ?? []).map((l) => ({ id: l.id, label: l.name })),
          ]}
          value={locationId}
          onChange={setLocationId}
          errorMessage={errors.locationId}
        />
      </div>
      <SelectField
        label={t('units.parent')}
        options={parentChoices}
        value={parentId}
        onChange={setParentId}
        errorMessage={errors.parentId}
      />
      <PersonPicker
        label={t('units.leader')}
        value={leader}
        onChange={setLeader}
        errorMessage={errors.leaderId}
      />
      <div className={forms.buttons}>
        <Button type="submit" variant="primary" isDisabled={mutation.isPending}>
          {t('units.save')}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          {t('units.cancel')}
        </Button>
      </div>
    </form>
  );
}
