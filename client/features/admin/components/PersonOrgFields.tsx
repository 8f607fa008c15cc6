import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField';
import { useLocations, useUnits } from '../../people/queries';
import { unitOptions } from '../../people/tree';

/** The select value for "no location" (a select needs a key for the empty choice). */
export const NO_LOCATION = 'none';

interface Props {
  unitId: string;
  locationId: string;
  onUnitChange(value: string): void;
  onLocationChange(value: string): void;
  errors: { unitId?: string; locationId?: string };
}

/** Unit (indented by tree level) and location of a person: shared by the create and edit forms. */
export function PersonOrgFields({
  unitId,
  locationId,
  onUnitChange,
  onLocationChange,
  errors,
}: Props) {
  const { t } = useTranslation('admin');
  const units = useUnits();
  const locations = useLocations();
  const unitChoices = unitOptions(units.data ?? []).map((o) => ({
    id: o.id,
    label: `${'\u2003'.repeat(Math.max(0, o.depth - 1))}${o.label}`,
  }));
  const locationChoices = [
    { id: NO_LOCATION, label: t('person.noLocation') },
    ...(locations.data ?? []).map((l) => ({ id: l.id, label: l.name })),
  ];
  return (
    <>
      <SelectField
        label={t('person.unit')}
        placeholder={t('person.choose')}
        isRequired
        options={unitChoices}
        value={unitId || null}
        onChange={onUnitChange}
        errorMessage={errors.unitId}
      />
      <SelectField
        label={t('person.location')}
        options={locationChoices}
        value={locationId}
        onChange={onLocationChange}
        errorMessage={errors.locationId}
      />
    </>
  );
}
