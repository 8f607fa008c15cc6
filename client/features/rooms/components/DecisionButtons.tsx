import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { FormDialog } from '../../people/components/FormDialog';
import { TextAreaField } from '../../wiki/components/TextAreaField';
import type { Decision } from '../api';
import styles from '../rooms.module.css';

/**
 * "Annehmen" at once, "Ablehnen" with an optional reason in a dialog. `name` makes the buttons'
 * accessible names unique in a list ("Anfrage von Anna Muster annehmen").
 */
export function DecisionButtons({
  approveLabel,
  rejectLabel,
  rejectTitle,
  onDecide,
  isPending,
  error,
}: {
  approveLabel: string;
  rejectLabel: string;
  rejectTitle: string;
  onDecide: (d: Decision, done: () => void) => void;
  isPending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation('rooms');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    setRejecting(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onDecide({ decision: 'reject', reason }, close);
  };
  return (
    <>
      <Button
        size="small"
        variant="primary"
        aria-label={approveLabel}
        isDisabled={isPending}
        onPress={() => onDecide({ decision: 'approve' }, () => undefined)}
      >
        {t('actions.approve')}
      </Button>
      <Button size="small" aria-label={rejectLabel} onPress={() => setRejecting(true)}>
        {t('actions.reject')}
      </Button>
      {error && !rejecting ? <ErrorMessage error={error} /> : null}
      <FormDialog title={rejectTitle} isOpen={rejecting} onOpenChange={(o) => !o && close()}>
        <form className={styles.form} onSubmit={submit}>
          <TextAreaField
            label={t('members.rejectReason')}
            value={reason}
            onChange={setReason}
            maxLength={500}
          />
          {rejecting ? <ErrorMessage error={error} /> : null}
          <div className={styles.actions}>
            <Button type="submit" variant="danger" isDisabled={isPending}>
              {t('actions.reject')}
            </Button>
            <Button variant="tertiary" onPress={close}>
              {t('actions.cancel')}
            </Button>
          </div>
        </form>
      </FormDialog>
    </>
  );
}
