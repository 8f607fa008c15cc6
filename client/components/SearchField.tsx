import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  Input,
  Label,
  SearchField as AriaSearchField,
  type SearchFieldProps as AriaSearchFieldProps,
} from 'react-aria-components';
import styles from './fields.module.css';

export interface SearchFieldProps extends Omit<AriaSearchFieldProps, 'className' | 'children'> {
  label: string;
  /** Hide the label visually (it stays the accessible name). */
  hideLabel?: boolean;
  placeholder?: string;
  className?: string;
}

/** Search input with a clear button; Enter calls `onSubmit`, Escape clears. */
export function SearchField({
  label,
  hideLabel,
  placeholder,
  className,
  ...props
}: SearchFieldProps) {
  const { t } = useTranslation('common');
  return (
    <AriaSearchField {...props} className={`${styles.field} ${className ?? ''}`}>
      <Label className={hideLabel ? 'visually-hidden' : styles.label}>{label}</Label>
      <div className={styles.searchGroup}>
        <Input className={styles.input} placeholder={placeholder} />
        <AriaButton className={styles.clear} aria-label={t('actions.clearSearch')}>
          <span aria-hidden="true">×</span>
        </AriaButton>
      </div>
    </AriaSearchField>
  );
}
