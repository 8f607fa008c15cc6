import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../people/components/FormDialog';
import { Button } from '../../../components/Button';
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
}: {
  title: string;
  children: ReactNode;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  confirmLabel?: string;
  isPending?: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation('admin');
  return (
    <FormDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} role="alertdialog">
      <div>{children}</div>
      <div className={styles.buttons}>
        <Button variant={danger ? 'danger' : 'primary'} isDisabled={isPending} onPress={onConfirm}>
          {confirmLabel ?? t('person.confirm')}
        </Button>
        <Button variant="secondary" onPress={() => onOpenChange(false)}>
          {t('person.cancel')}
        </Button>
      </div>
    </FormDialog>
  );
}
