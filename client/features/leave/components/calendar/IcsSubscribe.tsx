import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { Spinner } from '../../../../components/Spinner';
import { announce } from '../../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../../admin/components/ConfirmDialog';
import { useIcsUrl, useRenewIcsUrl } from '../../hr-queries';
import styles from './calendar.module.css';
import manage from '../hr/manage.module.css';

/** "Kalender abonnieren": the own feed URL (approved leave) with a copy button and "new link". */
export function IcsSubscribe() {
  const { t } = useTranslation('leaveManage');
  const id = useId();
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const ics = useIcsUrl(open);
  const renew = useRenewIcsUrl();
  const url = ics.data?.url ? new URL(ics.data.url, window.location.origin).toString() : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      announce(t('ics.copied'));
    } catch {
      // Clipboard refused (permissions): select the text so Ctrl+C works.
      const input = document.getElementById(`${id}-url`) as HTMLInputElement | null;
      input?.select();
      announce(t('ics.copyManually'));
    }
  };

  return (
    <section className={manage.panel} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('ics.title')}</h2>
      <p className={manage.muted}>{t('ics.text')}</p>
      <div>
        <Button
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onPress={() => setOpen((o) => !o)}
        >
          {open ? t('ics.hide') : t('ics.show')}
        </Button>
      </div>
      <div id={`${id}-body`} hidden={!open} className={manage.stack}>
        {open && ics.isPending ? <Spinner /> : null}
        {ics.isError ? <ErrorMessage error={ics.error} /> : null}
        {url ? (
          <>
            <div className={manage.nativeField}>
              <label htmlFor={`${id}-url`}>{t('ics.urlLabel')}</label>
              <input
                id={`${id}-url`}
                className={styles.icsUrl}
                readOnly
                value={url}
                aria-describedby={`${id}-hint`}
                onFocus={(e) => e.currentTarget.select()}
              />
              <span id={`${id}-hint`} className={manage.sub}>
                {t('ics.hint')}
              </span>
            </div>
            <div className={manage.row}>
              <Button variant="primary" onPress={() => void copy()}>
                {t('ics.copy')}
              </Button>
              <Button onPress={() => setConfirm(true)}>{t('ics.renew')}</Button>
            </div>
          </>
        ) : null}
      </div>
      <ConfirmDialog
        title={t('ics.renewTitle')}
        isOpen={confirm}
        onOpenChange={(o) => {
          setConfirm(o);
          if (!o) renew.reset();
        }}
        confirmLabel={t('ics.renewConfirm')}
        isPending={renew.isPending}
        error={renew.error}
        onConfirm={() =>
          renew.mutate(undefined, {
            onSuccess: () => {
              setConfirm(false);
              announce(t('ics.renewed'));
              window.setTimeout(() => document.getElementById(`${id}-url`)?.focus(), 0);
            },
          })
        }
      >
        <p>{t('ics.renewText')}</p>
      </ConfirmDialog>
    </section>
  );
}
