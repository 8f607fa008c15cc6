import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@shared/people/types';
import type { RegistrationDTO, SessionDTO } from '@shared/learning/types';
import { FormDialog } from '../../../people/components/FormDialog';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { daysText, placeText } from '../format';
import styles from '../trainings.module.css';

export interface RegisterDialogProps {
  session: SessionDTO | null;
  /** My manager (the leave approver); null: none; undefined: not known to the client. */
  approver: PersonRef | null | undefined;
  onClose: () => void;
  onSubmit: (input: { clientId: string; note: string }) => Promise<RegistrationDTO>;
  onRegistered?: (r: RegistrationDTO) => void;
}

/** Who decides after me, in one sentence (manager, then HR when the session needs it). */
export function approvalChainText(
  needsHr: boolean,
  approver: PersonRef | null | undefined,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  if (approver === null) return needsHr ? t('register.chainHrOnly') : t('register.chainDirect');
  const name = approver?.displayName;
  if (needsHr)
    return name ? t('register.chainManagerHr', { name }) : t('register.chainSomeManagerHr');
  return name ? t('register.chainManager', { name }) : t('register.chainSomeManager');
}

/** "Anmelden": a note for the decider and the approval chain explained before sending. */
export function RegisterDialog(props: RegisterDialogProps) {
  const { t } = useTranslation('learningTrainings');
  return (
    <FormDialog
      title={t('register.title')}
      isOpen={props.session !== null}
      onOpenChange={(open) => (open ? undefined : props.onClose())}
    >
      {props.session ? <RegisterForm {...props} session={props.session} /> : null}
    </FormDialog>
  );
}

function RegisterForm({
  session,
  approver,
  onClose,
  onSubmit,
  onRegistered,
}: RegisterDialogProps & { session: SessionDTO }) {
  const { t, i18n } = useTranslation('learningTrainings');
  const id = useId();
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One client id per opening: a repeated click after a lost answer is the same registration.
  const [clientId] = useState(() => crypto.randomUUID());
  return (
    <form
      className={styles.stack}
      onSubmit={(e) => {
        e.preventDefault();
        setPending(true);
        setError(null);
        onSubmit({ clientId, note: note.trim() })
          .then((r) => {
            onRegistered?.(r);
            onClose();
          })
          .catch((err: unknown) => setError(err))
          .finally(() => setPending(false));
      }}
    >
      <p className={styles.muted}>
        {session.courseTitle}: {daysText(session.days, i18n.language, t)} · {placeText(session, t)}
      </p>
      <p id={`${id}-chain`}>{approvalChainText(session.needsHr, approver, t)}</p>
      <div className={styles.field}>
        <label htmlFor={`${id}-note`}>{t('register.note')}</label>
        <textarea
          id={`${id}-note`}
          className={styles.textarea}
          value={note}
          maxLength={1000}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setNote(e.target.value)}
        />
        <span id={`${id}-hint`} className={styles.sub}>
          {t('register.noteHint')}
        </span>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className={styles.row}>
        <Button type="submit" variant="primary" isDisabled={pending}>
          {t('register.submit')}
        </Button>
        <Button variant="secondary" onPress={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
