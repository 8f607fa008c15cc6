import { useEffect, useRef, useState } from 'react';
import { Form, Label, TextArea, TextField } from 'react-aria-components';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import fields from '../../../components/fields.module.css';
import styles from './Comments.module.css';

export interface CommentFormProps {
  label: string;
  submitLabel: string;
  initial?: string;
  /** Resolves when stored; the form empties itself then. */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  cancelLabel?: string;
  /** Move focus into the field when it appears (reply and edit open on a button press). */
  focusOnMount?: boolean;
}

/** A plain-text comment field (never HTML) with send and optional cancel. */
export function CommentForm({
  label,
  submitLabel,
  initial = '',
  onSubmit,
  onCancel,
  cancelLabel,
  focusOnMount,
}: CommentFormProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusOnMount) area.current?.focus();
  }, [focusOnMount]);
  const [text, setText] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const empty = text.trim().length === 0;

  const submit = async () => {
    if (empty || pending) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit(text.trim());
      setText('');
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <Form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <TextField value={text} onChange={setText} className={fields.field} maxLength={4000}>
        <Label className={fields.label}>{label}</Label>
        <TextArea ref={area} className={`${fields.input} ${styles.textarea}`} rows={3} />
      </TextField>
      {error ? <ErrorMessage error={error} fieldLabels={{ body: label }} /> : null}
      <div className={styles.formActions}>
        <Button type="submit" variant="primary" size="small" isDisabled={empty || pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="tertiary" size="small" onPress={onCancel}>
            {cancelLabel}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
