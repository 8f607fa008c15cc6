import { useId } from 'react';
import styles from '../learning.module.css';

/** A progress bar whose value is also written out (colour and length are never the only cue). */
export function ProgressBar({
  percent,
  label,
  text,
}: {
  percent: number;
  /** The bar's accessible name ("Fortschritt"). */
  label: string;
  /** Visible text ("3 von 8 Lektionen, 38 %"). */
  text: string;
}) {
  const id = useId();
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className={styles.progress}>
      <progress
        className={styles.progressBar}
        value={value}
        max={100}
        aria-label={label}
        aria-describedby={id}
      />
      <span id={id} className={styles.progressText}>
        {text}
      </span>
    </div>
  );
}
