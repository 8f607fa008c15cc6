import {
  Button as AriaButton,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  type Key,
} from 'react-aria-components';
import styles from './fields.module.css';

export interface SelectOption {
  id: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  options: SelectOption[];
  value: string | null;
  onChange: (value: string) => void;
  description?: string;
  errorMessage?: string;
  placeholder?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  name?: string;
  className?: string;
  /** Label for screen readers only (e.g. in a table row whose column header already says it). */
  hideLabel?: boolean;
}

/** Single choice from a list (react-aria Select: keyboard, typeahead, screen reader support). */
export function SelectField({
  label,
  options,
  value,
  onChange,
  description,
  errorMessage,
  placeholder,
  isRequired,
  isDisabled,
  name,
  className,
  hideLabel,
}: SelectFieldProps) {
  return (
    <Select
      selectedKey={value}
      onSelectionChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={errorMessage ? true : undefined}
      name={name}
      placeholder={placeholder}
      className={`${styles.field} ${className ?? ''}`}
    >
      <Label className={hideLabel ? 'visually-hidden' : styles.label}>{label}</Label>
      {description ? (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      ) : null}
      <AriaButton className={styles.selectButton}>
        <SelectValue />
        <span className={styles.chevron} aria-hidden="true" />
      </AriaButton>
      <FieldError className={styles.error}>{errorMessage}</FieldError>
      <Popover className={styles.popover}>
        <ListBox className={styles.listBox} items={options}>
          {(item) => (
            <ListBoxItem id={item.id} className={styles.option} textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
