import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { useDelegation, useSetDelegation } from '../hr-queries';
import { formatDate, todayIso } from '../components/calendar/format';
import styles from '../components/hr/manage.module.css';

/** A manager hands their approvals to their deputy until a date ("Vertretung übernimmt bis …"). */
export function ApprovalsDelegation() {
  const { t, i18n } = useTranslation('leaveManage');
  const id = useId();
  const current = useDelegation(true);
  const save = useSetDelegation();
  const active = current.data?.until ?? null;
  // The field starts from the server's value and follows it when that changes (key below).
  const [edited, setEdited] = useState<{ base: string | null; value: string } | null>(null);
  const until = edited && edited.base === active ? edited.value : (active ?? '');
  const setUntil = (value: string) => setEdited({ base: active, value });

  const submit = (value: string | null) =>
    save.mutate(value, {
      onSuccess: (d) =>
        announce(
          d.until
            ? t('delegation.savedUntil', { date: formatDate(d.until, i18n.language) })
            : t('delegation.stopped'),
        ),
    });

  // Not a leader (the server says so, or refuses): nothing to offer.
  const may = (current.data as { abilities?: { delegate?: boolean } } | undefined)?.abilities;
  if (current.isError || may?.delegate === false) return null;
  const deputy = current.data?.deputy?.displayName ?? null;
  return (
    <section className={styles.panel} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('delegation.title')}</h2>
      <p className={styles.muted}>
        {active
          ? t('delegation.activeUntil', {
              date: formatDate(active, i18n.language),
              deputy: deputy ?? t('delegation.yourDeputy'),
            })
          : t('delegation.inactive', { deputy: deputy ?? t('delegation.yourDeputy') })}
      </p>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          if (until) submit(until);
        }}
      >
        <div className={styles.nativeField}>
          <label htmlFor={`${id}-until`}>{t('delegation.until')}</label>
          <input
            id={`${id}-until`}
            type="date"
            className={styles.nativeInput}
            value={until}
            min={todayIso()}
            required
            onChange={(e) => setUntil(e.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" isDisabled={save.isPending || !until}>
          {t('delegation.save')}
        </Button>
        {active ? (
          <Button isDisabled={save.isPending} onPress={() => submit(null)}>
            {t('delegation.stop')}
          </Button>
        ) : null}
      </form>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
    </section>
  );
}
