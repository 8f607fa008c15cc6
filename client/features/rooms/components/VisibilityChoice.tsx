import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomVisibility } from '@shared/rooms/schemas';
import styles from '../rooms.module.css';

/** Open / closed / secret as radio buttons, each with what it means. */
export function VisibilityChoice({
  value,
  onChange,
  options,
  isDisabled,
}: {
  value: RoomVisibility;
  onChange: (v: RoomVisibility) => void;
  options: readonly RoomVisibility[];
  isDisabled?: boolean;
}) {
  const { t } = useTranslation('rooms');
  const name = useId();
  return (
    <fieldset className={styles.fieldset} disabled={isDisabled}>
      <legend>{t('visibility.label')}</legend>
      <div className={styles.choices}>
        {options.map((v) => (
          <label key={v} className={styles.choice}>
            <input
              type="radio"
              name={name}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
            />
            <span>
              {t(`visibility.${v}`)}
              <span className={styles.choiceHint}>{t(`visibility.${v}Help`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
