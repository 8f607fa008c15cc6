import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../lib/api';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import styles from '../trainings.module.css';

export type Decision = 'approve' | 'reject';

/** The reason rule (also the server's): rejecting needs a reason, approving does not. */
export function reasonMissing(decision: Decision, reason: string): boolean {
  return decision === 'reject' && reason.trim().length === 0;
}

/** The server's field issue for the reason, if the error carries one. */
function serverReasonCode(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  return error.details.find((d) => d.path === 'reason')?.code ?? null;
}

export interface DecisionFormProps {
  decision: Decision;
  /** What is decided, e.g. "Anna Muster – Erste Hilfe, 03.02.2026". */
  subject: string;
  onSubmit: (reason: string) => void;
  onClose: () => void;
  isPending: boolean;
  error: unknown;
}

/**
 * Approve (optional comment) or reject (reason required: checked here first, and the server's
 * `validation.reason_required` is shown on the same field).
 */
export function DecisionForm({
  decision,
  subject,
  onSubmit,
  onClose,
  isPending,
  error,
}: DecisionFormProps) {
  const { t } = useTranslation(['learningTrainings', 'validation']);
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reject = decision === 'reject';
  const serverCode = serverReasonCode(error);
  const fieldError = missing
    ? t('validation:reason_required')
    : serverCode
      ? t(`validation:${serverCode}`, { defaultValue: t('validation:invalid') })
      : null;
  return (
    <form
      className={styles.stack}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (reasonMissing(decision, reason)) {
          setMissing(true);
          document.getElementById(`${id}-reason`)?.focus();
          return;
        }
        onSubmit(reason.trim());
      }}
    >
      <p className={styles.muted}>{subject}</p>
      <div className={styles.field}>
        <label htmlFor={`${id}-reason`}>
          {reject ? t('decide.reason') : t('decide.comment')}
          {reject ? <span aria-hidden="true"> *</span> : null}
        </label>
        <textarea
          id={`${id}-reason`}
          className={styles.textarea}
          value={reason}
          maxLength={1000}
          aria-required={reject}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : `${id}-hint`}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
        />
        {fieldError ? (
          <span id={`${id}-error`} className={styles.error}>
            {fieldError}
          </span>
        ) : (
          <span id={`${id}-hint`} className={styles.sub}>
            {reject ? t('decide.reasonHint') : t('decide.commentHint')}
          </span>
        )}
      </div>
      {error && !serverCode ? <ErrorMessage error={error} /> : null}
      <div className={styles.row}>
        <Button type="submit" variant={reject ? 'danger' : 'primary'} isDisabled={isPending}>
          {reject ? t('decide.reject') : t('decide.approve')}
        </Button>
        <Button variant="secondary" onPress={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
