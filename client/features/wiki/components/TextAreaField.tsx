import { Label, TextArea, TextField as AriaTextField, Text } from 'react-aria-components';
import fields from '../../../components/fields.module.css';
import styles from './Comments.module.css';

/** A labelled multi-line text field in the KERN look (plain text). */
export function TextAreaField({
  label,
  value,
  onChange,
  maxLength,
  description,
  rows = 3,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  maxLength?: number;
  description?: string;
  rows?: number;
}) {
  return (
    <AriaTextField value={value} onChange={onChange} maxLength={maxLength} className={fields.field}>
      <Label className={fields.label}>{label}</Label>
      {description ? (
        <Text slot="description" className={fields.description}>
          {description}
        </Text>
      ) : null}
      <TextArea className={`${fields.input} ${styles.textarea}`} rows={rows} />
    </AriaTextField>
  );
}
