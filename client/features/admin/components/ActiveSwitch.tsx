import { Switch } from 'react-aria-components';
import styles from './ActiveSwitch.module.css';

/** An on/off switch (role="switch") whose change the caller confirms before applying. */
export function ActiveSwitch({
  label,
  isSelected,
  onRequestChange,
  isDisabled,
}: {
  label: string;
  isSelected: boolean;
  onRequestChange: (next: boolean) => void;
  isDisabled?: boolean;
}) {
  return (
    <Switch
      className={styles.switch}
      isSelected={isSelected}
      onChange={onRequestChange}
      isDisabled={isDisabled}
    >
      <span className={styles.track} aria-hidden="true">
        <span className={styles.thumb} />
      </span>
      <span>{label}</span>
    </Switch>
  );
}
