import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import styles from './fields.module.css';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children'> {
  label: string;
  description?: string;
  /** Error text; setting it marks the field invalid. */
  errorMessage?: string;
  placeholder?: string;
  className?: string;
}

/** Labelled text input with description and error (react-aria, KERN look). */
export function TextField({
  label,
  description,
  errorMessage,
  placeholder,
  className,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      isInvalid={props.isInvalid ?? (errorMessage ? true : undefined)}
      className={`${styles.field} ${className ?? ''}`}
    >
      <Label className={styles.label}>
        {label}
        {props.isRequired ? (
          <span className={styles.required} aria-hidden="true">
            *
          </span>
        ) : null}
      </Label>
      {description ? (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      ) : null}
      <Input className={styles.input} placeholder={placeholder} />
      <FieldError className={styles.error}>{errorMessage}</FieldError>
    </AriaTextField>
  );
}
