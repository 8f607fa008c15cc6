import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAVE_YEAR_MAX, LEAVE_YEAR_MIN } from '@shared/leave/schemas';
import styles from './manage.module.css';

/** A year as a native number input (spin buttons and typing both work). */
export function YearField({
  value,
  onChange,
  label,
}: {
  value: number;
  onChange: (year: number) => void;
  label?: string;
}) {
  const { t } = useTranslation('leaveManage');
  const id = useId();
  return (
    <div className={styles.nativeField}>
      <label htmlFor={id}>{label ?? t('hr.year')}</label>
      <input
        id={id}
        type="number"
        className={styles.nativeInput}
        min={LEAVE_YEAR_MIN}
        max={LEAVE_YEAR_MAX}
        value={value}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (Number.isInteger(n) && n >= LEAVE_YEAR_MIN && n <= LEAVE_YEAR_MAX) onChange(n);
        }}
      />
    </div>
  );
}
