import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../people/components/FormDialog';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import styles from '../../people/components/forms.module.css';

/**
 * Asks before a consequential action; the confirm button is disabled while it runs. (Not
 * react-aria's `isPending`: its announcement would point at a button that unmounts with the dialog.)
 */
export function ConfirmDialog({
  title,
  children,
  isOpen,
  onOpenChange,
  onConfirm,
  confirmLabel,
  isPending,
  danger,
  error,
  focusCancel,
}: {
  title: string;
  children: ReactNode;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  confirmLabel?: string;
  isPending?: boolean;
  danger?: boolean;
  /** The failed attempt's error, shown in the dialog (in the user's language). */
  error?: unknown;
  /** Start on "Cancel" (a destructive confirmation starts on the safe answer). */
  focusCancel?: boolean;
}) {
  // Common texts: features that are not the admin area use this dialog too.
  const { t } = useTranslation('common');
  return (
    <FormDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} role="alertdialog">
      <div>{children}</div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className={styles.buttons}>
        <Button variant={danger ? 'danger' : 'primary'} isDisabled={isPending} onPress={onConfirm}>
          {confirmLabel ?? t('actions.confirm')}
        </Button>
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- only when asked: the safe answer first */}
        <Button variant="secondary" onPress={() => onOpenChange(false)} autoFocus={focusCancel}>
          {t('actions.cancel')}
        </Button>
      </div>
    </FormDialog>
  );
}
