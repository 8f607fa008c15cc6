import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { UnitSearch, unitLabel, useUnitIndex } from '../../../components/UnitSearch';
import styles from '../rooms.module.css';

/** Whole units to invite (the same unit search as the audience picker), as removable rows. */
export function UnitChooser({
  value,
  onChange,
}: {
  value: string[];
  onChange: (unitIds: string[]) => void;
}) {
  const { t } = useTranslation('rooms');
  const { byId } = useUnitIndex();

  return (
    <div className={styles.stack} style={{ gap: '0.5rem' }}>
      {value.length > 0 ? (
        <ul className={styles.list} aria-label={t('invite.unitsChosen')}>
          {value.map((id) => {
            const unit = byId.get(id);
            const name = unit ? unitLabel(unit, byId) : id;
            return (
              <li key={id} className={styles.item}>
                <span className={styles.itemMain}>{name}</span>
                <Button
                  size="small"
                  variant="tertiary"
                  aria-label={t('invite.unitRemove', { name })}
                  onPress={() => onChange(value.filter((u) => u !== id))}
                >
                  {t('actions.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <UnitSearch
        exclude={value}
        onAdd={(unitId) => onChange([...value, unitId])}
        label={t('invite.unitAdd')}
        placeholder={t('invite.unitPlaceholder')}
        showAllLabel={t('invite.unitShowAll')}
        emptyText={t('invite.unitNone')}
      />
    </div>
  );
}
