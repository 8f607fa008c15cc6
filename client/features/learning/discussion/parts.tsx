import { FieldError, Label, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@shared/people/types';
import { Avatar } from '../../../components/Avatar';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import fields from '../../../components/fields.module.css';
import styles from './discussion.module.css';

/** A labelled multi-line plain-text field (KERN look) with an error text. */
export function TextAreaField({
  label,
  value,
  onChange,
  maxLength,
  errorMessage,
  rows = 3,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  maxLength?: number;
  errorMessage?: string;
  rows?: number;
  autoFocus?: boolean;
}) {
  return (
    <AriaTextField
      value={value}
      onChange={onChange}
      maxLength={maxLength}
      isInvalid={errorMessage ? true : undefined}
      className={fields.field}
      // eslint-disable-next-line jsx-a11y/no-autofocus -- only the reply form the user just opened
      autoFocus={autoFocus}
    >
      <Label className={fields.label}>{label}</Label>
      <TextArea className={`${fields.input} ${styles.textarea}`} rows={rows} />
      <FieldError className={fields.error}>{errorMessage}</FieldError>
    </AriaTextField>
  );
}

/** "12. Mai 2026, 09:30" in the reader's language. */
export function DateTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const text = new Date(iso).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return <time dateTime={iso}>{text}</time>;
}

/** Author, trainer badge and time of a post (the text is plain, never HTML). */
export function PostMeta({
  author,
  byTrainer,
  createdAt,
  pending,
}: {
  author: PersonRef | null;
  byTrainer: boolean;
  createdAt: string;
  pending?: boolean;
}) {
  const { t } = useTranslation('learningDiscussion');
  return (
    <div className={styles.meta}>
      <Avatar initials={author?.initials ?? '?'} photoUrl={author?.photoUrl} size="small" />
      <span className={styles.author}>{author?.displayName ?? t('discussion.unknownAuthor')}</span>
      {byTrainer ? <span className={styles.badge}>{t('discussion.trainer')}</span> : null}
      <DateTime iso={createdAt} />
      {pending ? <span className={styles.pending}>{t('discussion.sending')}</span> : null}
    </div>
  );
}

/** Title and text of a new post (question or announcement) with the API's error below. */
export function TitleBodyFields({
  title,
  body,
  onTitle,
  onBody,
  issues,
  labels,
  error,
}: {
  title: string;
  body: string;
  onTitle: (v: string) => void;
  onBody: (v: string) => void;
  issues: { title?: string; body?: string };
  labels: { title: string; body: string };
  /** The failed request's error (null while pending or after success). */
  error: unknown;
}) {
  return (
    <>
      <TextField
        label={labels.title}
        value={title}
        onChange={onTitle}
        maxLength={160}
        isRequired
        errorMessage={issues.title}
      />
      <TextAreaField
        label={labels.body}
        value={body}
        onChange={onBody}
        maxLength={5000}
        rows={4}
        errorMessage={issues.body}
      />
      {error ? <ErrorMessage error={error} fieldLabels={labels} /> : null}
    </>
  );
}
