import {
  FieldError,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
} from 'react-aria-components';
import fields from '../../../../components/fields.module.css';
import styles from '../authoring.module.css';

/** A labelled multi-line plain-text field with an id (focus target) and an error text. */
export function AreaField({
  id,
  label,
  value,
  onChange,
  errorMessage,
  description,
  maxLength,
  rows = 3,
  isRequired,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  errorMessage?: string;
  description?: string;
  maxLength?: number;
  rows?: number;
  isRequired?: boolean;
}) {
  return (
    <AriaTextField
      id={id}
      value={value}
      onChange={onChange}
      maxLength={maxLength}
      isRequired={isRequired}
      isInvalid={errorMessage ? true : undefined}
      className={fields.field}
    >
      <Label className={fields.label}>{label}</Label>
      {description ? (
        <Text slot="description" className={fields.description}>
          {description}
        </Text>
      ) : null}
      <TextArea className={`${fields.input} ${styles.textarea}`} rows={rows} />
      <FieldError className={fields.error}>{errorMessage}</FieldError>
    </AriaTextField>
  );
}

/** An error text under a group of controls (react-aria's FieldError only works inside a field). */
export function GroupError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className={styles.fieldError}>
      {message}
    </p>
  );
}
