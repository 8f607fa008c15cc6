import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eveRules, type LeaveSettings } from '@shared/leave/schemas';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { SelectField } from '../../../../components/SelectField';
import { Spinner } from '../../../../components/Spinner';
import { announce } from '../../../../components/LiveAnnouncer';
import { useHrSettings, useSaveSettings } from '../../hr-queries';
import styles from './manage.module.css';

/** HR: 24.12./31.12. rule, carry-over expiry (`MM-DD`), escalation days. */
export function SettingsPanel() {
  const settings = useHrSettings();
  if (settings.isError) return <ErrorMessage error={settings.error} />;
  if (!settings.data) return <Spinner />;
  const { dec24, dec31, carryExpiry, escalationDays, abilities } = settings.data;
  return (
    <SettingsForm
      // Same values after a save: the form stays mounted (and keeps focus); others: start anew.
      key={JSON.stringify([dec24, dec31, carryExpiry, escalationDays])}
      initial={{ dec24, dec31, carryExpiry, escalationDays }}
      editable={abilities.edit}
    />
  );
}

function SettingsForm({ initial, editable }: { initial: LeaveSettings; editable: boolean }) {
  const { t } = useTranslation('leaveManage');
  const id = useId();
  const save = useSaveSettings();
  const [v, setV] = useState<LeaveSettings>(initial);
  const [mm, dd] = v.carryExpiry.split('-');
  const rules = eveRules.map((r) => ({ id: r, label: t(`hr.settings.rule.${r}`) }));
  return (
    <form
      className={styles.panel}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(v, { onSuccess: () => announce(t('hr.settings.saved')) });
      }}
    >
      <h2>{t('hr.settings.title')}</h2>
      <div className={styles.fields}>
        <SelectField
          label={t('hr.settings.dec24')}
          options={rules}
          value={v.dec24}
          isDisabled={!editable}
          onChange={(r) => setV({ ...v, dec24: r as LeaveSettings['dec24'] })}
        />
        <SelectField
          label={t('hr.settings.dec31')}
          options={rules}
          value={v.dec31}
          isDisabled={!editable}
          onChange={(r) => setV({ ...v, dec31: r as LeaveSettings['dec31'] })}
        />
      </div>
      <fieldset className={styles.fieldset}>
        <legend>{t('hr.settings.carryExpiry')}</legend>
        <p className={styles.sub} id={`${id}-expiry-hint`}>
          {t('hr.settings.carryExpiryHint')}
        </p>
        <div className={styles.row}>
          <div className={styles.nativeField}>
            <label htmlFor={`${id}-dd`}>{t('hr.settings.day')}</label>
            <input
              id={`${id}-dd`}
              type="number"
              min={1}
              max={31}
              className={styles.nativeInput}
              disabled={!editable}
              aria-describedby={`${id}-expiry-hint`}
              value={Number(dd)}
              onChange={(e) =>
                setV({ ...v, carryExpiry: `${mm}-${String(e.target.value).padStart(2, '0')}` })
              }
            />
          </div>
          <div className={styles.nativeField}>
            <label htmlFor={`${id}-mm`}>{t('hr.settings.month')}</label>
            <input
              id={`${id}-mm`}
              type="number"
              min={1}
              max={12}
              className={styles.nativeInput}
              disabled={!editable}
              value={Number(mm)}
              onChange={(e) =>
                setV({ ...v, carryExpiry: `${String(e.target.value).padStart(2, '0')}-${dd}` })
              }
            />
          </div>
        </div>
      </fieldset>
      <div className={styles.nativeField}>
        <label htmlFor={`${id}-esc`}>{t('hr.settings.escalationDays')}</label>
        <input
          id={`${id}-esc`}
          type="number"
          min={1}
          max={60}
          className={styles.nativeInput}
          disabled={!editable}
          aria-describedby={`${id}-esc-hint`}
          value={v.escalationDays}
          onChange={(e) => setV({ ...v, escalationDays: Number(e.target.value) })}
        />
        <span id={`${id}-esc-hint`} className={styles.sub}>
          {t('hr.settings.escalationHint')}
        </span>
      </div>
      {save.isError ? (
        <ErrorMessage
          error={save.error}
          fieldLabels={{
            dec24: t('hr.settings.dec24'),
            dec31: t('hr.settings.dec31'),
            carryExpiry: t('hr.settings.carryExpiry'),
            escalationDays: t('hr.settings.escalationDays'),
          }}
        />
      ) : null}
      {editable ? (
        <div className={styles.row}>
          <Button type="submit" variant="primary" isDisabled={save.isPending}>
            {t('hr.settings.save')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
