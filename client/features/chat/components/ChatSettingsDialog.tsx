import { useTranslation } from 'react-i18next';
import type { PresenceChoice } from '@shared/chat/schemas';
import { presenceChoices } from '@shared/chat/schemas';
import { FormDialog } from '../../people/components/FormDialog';
import { Button } from '../../../components/Button';
import { CheckboxField } from '../../../components/CheckboxField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { useChatSettings, useUpdateChatSettings } from '../queries';
import styles from './chat.module.css';

/** Read receipts on/off and the presence I show (saved at once). */
export function ChatSettingsDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('chat');
  const settings = useChatSettings();
  const update = useUpdateChatSettings();
  const save = (input: { readReceipts?: boolean; presence?: PresenceChoice }) =>
    update.mutate(input, { onSuccess: () => announce(t('settings.saved')) });
  return (
    <FormDialog title={t('settings.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <div className={styles.form}>
        {settings.isPending ? <Spinner /> : null}
        {settings.error ? <ErrorMessage error={settings.error} /> : null}
        {settings.data ? (
          <>
            <div>
              <CheckboxField
                isSelected={settings.data.readReceipts}
                onChange={(readReceipts) => save({ readReceipts })}
                aria-describedby="chat-receipts-hint"
              >
                {t('settings.readReceipts')}
              </CheckboxField>
              <p id="chat-receipts-hint" className={styles.status}>
                {t('settings.readReceiptsHint')}
              </p>
            </div>
            <fieldset className={styles.radioGroup}>
              <legend>{t('settings.presence')}</legend>
              {presenceChoices.map((p) => (
                <label key={p} className={styles.radio}>
                  <input
                    type="radio"
                    name="presence"
                    value={p}
                    checked={settings.data.presence === p}
                    onChange={() => save({ presence: p })}
                  />
                  {t(`settings.${p}`)}
                </label>
              ))}
            </fieldset>
          </>
        ) : null}
        {update.error ? <ErrorMessage error={update.error} /> : null}
        <div className={styles.buttons}>
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('settings.close')}
          </Button>
        </div>
      </div>
    </FormDialog>
  );
}
