import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  audienceRoles,
  isEveryone,
  type Audience,
  type AudiencePreviewDTO,
  type AudienceRole,
} from '@shared/org/audience';
import type { ApiData } from '@shared/http/errors';
import { api } from '../lib/api';
import { useLocations } from '../features/people/queries';
import { useDebouncedValue } from '../features/people/useDebouncedValue';
import { CheckboxField } from './CheckboxField';
import { Button } from './Button';
import { UnitSearch, unitLabel, useUnitIndex } from './UnitSearch';
import styles from './AudiencePicker.module.css';

/** How many people an audience reaches, per office (`POST /api/audience/preview`). */
export function useAudiencePreview(audience: Audience) {
  // Debounced by content: a parent re-render with an equal audience must not restart the wait.
  const debounced = useDebouncedValue(JSON.stringify(audience), 300);
  return useQuery<AudiencePreviewDTO>({
    queryKey: ['audience', 'preview', debounced],
    queryFn: ({ signal }) =>
      api<ApiData<AudiencePreviewDTO>>('/api/audience/preview', {
        method: 'POST',
        body: JSON.parse(debounced) as Record<string, unknown>,
        signal,
      }).then((r) => r.data),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export interface AudiencePickerProps {
  /** Group heading (legend). */
  label: string;
  description?: string;
  value: Audience;
  onChange: (next: Audience) => void;
}

/**
 * Who something is for: units (each with or without its sub-units), roles and locations; all empty
 * = everyone. The reach is counted live on the server with the same matcher that enforces it.
 */
export function AudiencePicker({ label, description, value, onChange }: AudiencePickerProps) {
  const { t, i18n } = useTranslation(['audience', 'people']);
  const locations = useLocations();
  const preview = useAudiencePreview(value);
  const { byId } = useUnitIndex();
  const chosen = useMemo(() => value.units.map((r) => r.unitId), [value.units]);

  const addUnit = (unitId: string) =>
    onChange({ ...value, units: [...value.units, { unitId, withSubunits: true }] });

  const toggleRole = (role: AudienceRole, on: boolean) =>
    onChange({
      ...value,
      roles: on ? [...value.roles, role] : value.roles.filter((r) => r !== role),
    });

  const toggleLocation = (id: string, on: boolean) =>
    onChange({
      ...value,
      locationIds: on ? [...value.locationIds, id] : value.locationIds.filter((l) => l !== id),
    });

  const fmt = (n: number) => n.toLocaleString(i18n.language);
  const reach = preview.data;

  return (
    <fieldset className={styles.picker}>
      <legend className={styles.legend}>{label}</legend>
      {description ? <p className={styles.description}>{description}</p> : null}

      <div className={styles.group}>
        <h3 className={styles.groupTitle}>{t('audience:units.title')}</h3>
        {value.units.length > 0 ? (
          <ul className={styles.unitList} aria-label={t('audience:units.chosen')}>
            {value.units.map((rule) => {
              const unit = byId.get(rule.unitId);
              const name = unit ? unitLabel(unit, byId) : t('audience:units.unknown');
              return (
                <li key={rule.unitId} className={styles.unitItem}>
                  <span className={styles.unitName}>{name}</span>
                  <CheckboxField
                    isSelected={rule.withSubunits}
                    onChange={(withSubunits) =>
                      onChange({
                        ...value,
                        units: value.units.map((r) =>
                          r.unitId === rule.unitId ? { ...r, withSubunits } : r,
                        ),
                      })
                    }
                    aria-label={t('audience:units.withSubunitsOf', { name })}
                  >
                    {t('audience:units.withSubunits')}
                  </CheckboxField>
                  <Button
                    size="small"
                    variant="tertiary"
                    aria-label={t('audience:units.remove', { name })}
                    onPress={() =>
                      onChange({
                        ...value,
                        units: value.units.filter((r) => r.unitId !== rule.unitId),
                      })
                    }
                  >
                    {t('audience:remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        ) : null}
        <UnitSearch
          exclude={chosen}
          onAdd={addUnit}
          label={t('audience:units.add')}
          placeholder={t('audience:units.placeholder')}
          showAllLabel={t('audience:units.showAll')}
          emptyText={t('audience:units.none')}
        />
      </div>

      <fieldset className={styles.group}>
        <legend className={styles.groupTitle}>{t('audience:roles.title')}</legend>
        <div className={styles.checks}>
          {audienceRoles.map((role) => (
            <CheckboxField
              key={role}
              isSelected={value.roles.includes(role)}
              onChange={(on) => toggleRole(role, on)}
            >
              {role === 'manager' ? t('audience:roles.manager') : t(`people:roles.${role}`)}
            </CheckboxField>
          ))}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.groupTitle}>{t('audience:locations.title')}</legend>
        <div className={styles.checks}>
          {(locations.data ?? []).map((loc) => (
            <CheckboxField
              key={loc.id}
              isSelected={value.locationIds.includes(loc.id)}
              onChange={(on) => toggleLocation(loc.id, on)}
            >
              {loc.name}
            </CheckboxField>
          ))}
        </div>
      </fieldset>

      <div className={styles.reach} role="status" aria-live="polite" aria-atomic="true">
        {reach ? (
          <>
            <p className={styles.reachLine}>
              {isEveryone(value) ? t('audience:everyone') + ' – ' : ''}
              {t('audience:reach', {
                count: reach.total,
                people: fmt(reach.total),
                offices: t('audience:offices', {
                  count: reach.offices.length,
                  n: fmt(reach.offices.length),
                }),
              })}
            </p>
          </>
        ) : (
          <p className={styles.reachLine}>{t('audience:counting')}</p>
        )}
      </div>
      {reach && reach.offices.length > 0 ? (
        <details className={styles.details}>
          <summary>{t('audience:perOffice')}</summary>
          <ul>
            {reach.offices.map((o) => (
              <li key={o.id}>
                {o.name}: {fmt(o.count)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {!isEveryone(value) ? (
        <Button
          size="small"
          variant="tertiary"
          onPress={() => onChange({ units: [], roles: [], locationIds: [] })}
        >
          {t('audience:reset')}
        </Button>
      ) : null}
    </fieldset>
  );
}
