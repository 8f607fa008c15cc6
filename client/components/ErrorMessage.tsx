import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api';
import styles from './feedback.module.css';

export interface ErrorMessageProps {
  error: unknown;
  /** Visible names of form fields by path, used to label field issues. */
  fieldLabels?: Record<string, string>;
  /** Extra content, e.g. a retry button. */
  children?: ReactNode;
  className?: string;
}

/** Translation key of an error: `errors:<code>` for API errors, else the generic one. */
export function errorKey(error: unknown): string {
  if (error instanceof ApiError) return `errors:${error.code}`;
  if (error instanceof TypeError) return 'errors:network';
  return 'errors:internal';
}

/**
 * Shows an error in the reader's language: the API error code's text plus each field issue
 * (`validation:<code>`), and the correlation id that support can look up.
 */
export function ErrorMessage({ error, fieldLabels, children, className }: ErrorMessageProps) {
  const { t } = useTranslation(['errors', 'validation']);
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  return (
    <div role="alert" className={`${styles.alert} ${styles.danger} ${className ?? ''}`}>
      <p className={styles.title}>{t(errorKey(error), { defaultValue: t('errors:internal') })}</p>
      {api && api.details.length > 0 ? (
        <ul className={styles.issues}>
          {api.details.map((issue, i) => {
            const label = fieldLabels?.[issue.path] ?? issue.path;
            const text = t(`validation:${issue.code}`, {
              defaultValue: t('validation:invalid'),
            });
            return <li key={`${issue.path}-${i}`}>{label ? `${label}: ${text}` : text}</li>;
          })}
        </ul>
      ) : null}
      {api?.correlationId ? (
        <p className={styles.meta}>{t('errors:correlation', { id: api.correlationId })}</p>
      ) : null}
      {children}
    </div>
  );
}
