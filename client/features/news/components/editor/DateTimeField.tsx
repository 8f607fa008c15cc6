import { useId } from 'react';
import styles from './editor.module.css';

/**
 * A date and time in the browser's own accessible `datetime-local` control (local time, value
 * `YYYY-MM-DDTHH:mm`, '' = none).
 */
export function DateTimeField({
  label,
  description,
  value,
  onChange,
  errorMessage,
  isRequired,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (v: string) => void;
  errorMessage?: string;
  isRequired?: boolean;
}) {
  const id = useId();
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  const describedBy = [description ? descId : '', errorMessage ? errId : ''].filter(Boolean);
  return (
    <div className={styles.dateField}>
      <label htmlFor={id}>{label}</label>
      {description ? (
        <p id={descId} className={styles.hint}>
          {description}
        </p>
      ) : null}
      <input
        id={id}
        type="datetime-local"
        className={styles.dateInput}
        value={value}
        required={isRequired}
        aria-invalid={errorMessage ? true : undefined}
        aria-describedby={describedBy.length ? describedBy.join(' ') : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {errorMessage ? (
        <p id={errId} className={styles.dateError}>
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}
