import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveBalanceDTO } from '@shared/leave/types';
import type { EntitlementInput } from '@shared/leave/schemas';
import { ApiError } from '../../../../lib/api';
import { Button } from '../../../../components/Button';
import { CheckboxField } from '../../../../components/CheckboxField';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { announce } from '../../../../components/LiveAnnouncer';
import { useSaveEntitlement } from '../../hr-queries';
import { formatDays } from '../calendar/format';
import styles from './manage.module.css';

interface Line {
  key: number;
  label: string;
  days: string;
}

/** The form state from a balance (its additional lines are the `additional` kind). */
export function entitlementDraft(b: LeaveBalanceDTO) {
  return {
    baseDays: String(b.baseDays),
    workdays: [...b.workdays].sort(),
    employedFrom: b.employedFrom ?? '',
    employedTo: b.employedTo ?? '',
    additional: b.lines
      .filter((l) => l.kind === 'additional')
      .map((l, i): Line => ({ key: i, label: l.label, days: String(l.days) })),
  };
}

const parseDays = (s: string) => Number(s.replace(',', '.'));

/** HR edits one person's entitlement for one year; a stale copy (409 conflict) offers a reload. */
export function EntitlementForm({
  balance,
  personName,
  onSaved,
  onReload,
  onCancel,
}: {
  balance: LeaveBalanceDTO;
  personName: string;
  onSaved: (b: LeaveBalanceDTO) => void;
  onCancel: () => void;
  /** Fetch the person's current balance and start again from it. */
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation('leaveManage');
  const id = useId();
  const [draft, setDraft] = useState(() => entitlementDraft(balance));
  const [nextKey, setNextKey] = useState(100);
  const save = useSaveEntitlement();
  const stale =
    save.error instanceof ApiError && save.error.status === 409 && save.error.code === 'conflict';

  const toggleDay = (d: number, on: boolean) =>
    setDraft((s) => ({
      ...s,
      workdays: on ? [...new Set([...s.workdays, d])].sort() : s.workdays.filter((x) => x !== d),
    }));

  const submit = () => {
    const input: EntitlementInput = {
      baseDays: parseDays(draft.baseDays),
      workdays: draft.workdays,
      employedFrom: draft.employedFrom || null,
      employedTo: draft.employedTo || null,
      additional: draft.additional.map((l) => ({ label: l.label.trim(), days: parseDays(l.days) })),
      rev: balance.rev,
    };
    save.mutate(
      { personId: balance.personId, year: balance.year, input },
      {
        onSuccess: (b) => {
          announce(
            t('hr.entitlement.saved', {
              name: personName,
              days: formatDays(b.entitlement, i18n.language),
            }),
          );
          onSaved(b);
        },
      },
    );
  };

  return (
    <form
      className={styles.stack}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className={styles.status}>
        {t('hr.entitlement.computed', { days: formatDays(balance.entitlement, i18n.language) })}
      </p>
      <div className={styles.fields}>
        <div className={styles.nativeField}>
          <label htmlFor={`${id}-base`}>{t('hr.entitlement.baseDays')}</label>
          <input
            id={`${id}-base`}
            className={styles.nativeInput}
            inputMode="decimal"
            required
            value={draft.baseDays}
            aria-describedby={`${id}-base-hint`}
            onChange={(e) => setDraft((s) => ({ ...s, baseDays: e.target.value }))}
          />
          <span id={`${id}-base-hint`} className={styles.sub}>
            {t('hr.entitlement.baseHint')}
          </span>
        </div>
        <div className={styles.nativeField}>
          <label htmlFor={`${id}-from`}>{t('hr.entitlement.employedFrom')}</label>
          <input
            id={`${id}-from`}
            type="date"
            className={styles.nativeInput}
            value={draft.employedFrom}
            onChange={(e) => setDraft((s) => ({ ...s, employedFrom: e.target.value }))}
          />
        </div>
        <div className={styles.nativeField}>
          <label htmlFor={`${id}-to`}>{t('hr.entitlement.employedTo')}</label>
          <input
            id={`${id}-to`}
            type="date"
            className={styles.nativeInput}
            value={draft.employedTo}
            onChange={(e) => setDraft((s) => ({ ...s, employedTo: e.target.value }))}
          />
        </div>
      </div>
      <fieldset className={styles.fieldset}>
        <legend>{t('hr.entitlement.workdays')}</legend>
        <div className={styles.checks}>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <CheckboxField
              key={d}
              isSelected={draft.workdays.includes(d)}
              onChange={(on) => toggleDay(d, on)}
            >
              {t(`weekday.${d}`)}
            </CheckboxField>
          ))}
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('hr.entitlement.additional')}</legend>
        <div className={styles.stack}>
          {draft.additional.map((l, i) => (
            <div key={l.key} className={styles.row}>
              <div className={styles.nativeField}>
                <label htmlFor={`${id}-l${l.key}`}>
                  {t('hr.entitlement.lineLabel', { n: i + 1 })}
                </label>
                <input
                  id={`${id}-l${l.key}`}
                  className={styles.nativeInput}
                  required
                  maxLength={80}
                  value={l.label}
                  onChange={(e) =>
                    setDraft((s) => ({
                      ...s,
                      additional: s.additional.map((x) =>
                        x.key === l.key ? { ...x, label: e.target.value } : x,
                      ),
                    }))
                  }
                />
              </div>
              <div className={styles.nativeField}>
                <label htmlFor={`${id}-d${l.key}`}>
                  {t('hr.entitlement.lineDays', { n: i + 1 })}
                </label>
                <input
                  id={`${id}-d${l.key}`}
                  className={styles.nativeInput}
                  inputMode="decimal"
                  required
                  size={5}
                  value={l.days}
                  onChange={(e) =>
                    setDraft((s) => ({
                      ...s,
                      additional: s.additional.map((x) =>
                        x.key === l.key ? { ...x, days: e.target.value } : x,
                      ),
                    }))
                  }
                />
              </div>
              <Button
                size="small"
                aria-label={t('hr.entitlement.removeLine', { n: i + 1 })}
                onPress={() =>
                  setDraft((s) => ({
                    ...s,
                    additional: s.additional.filter((x) => x.key !== l.key),
                  }))
                }
              >
                {t('hr.entitlement.remove')}
              </Button>
            </div>
          ))}
          <div>
            <Button
              size="small"
              isDisabled={draft.additional.length >= 10}
              onPress={() => {
                setDraft((s) => ({
                  ...s,
                  additional: [...s.additional, { key: nextKey, label: '', days: '' }],
                }));
                setNextKey((k) => k + 1);
                window.setTimeout(() => document.getElementById(`${id}-l${nextKey}`)?.focus(), 0);
              }}
            >
              {t('hr.entitlement.addLine')}
            </Button>
          </div>
        </div>
      </fieldset>
      {save.isError ? (
        <ErrorMessage error={save.error}>
          {stale ? (
            <div className={styles.row}>
              <p className={styles.muted}>{t('hr.entitlement.stale')}</p>
              <Button
                size="small"
                onPress={() => {
                  save.reset();
                  onReload();
                }}
              >
                {t('hr.entitlement.reload')}
              </Button>
            </div>
          ) : null}
        </ErrorMessage>
      ) : null}
      <div className={styles.row}>
        <Button
          type="submit"
          variant="primary"
          isDisabled={save.isPending || draft.workdays.length === 0}
        >
          {t('hr.entitlement.save')}
        </Button>
        <Button onPress={onCancel}>{t('common:actions.cancel')}</Button>
      </div>
    </form>
  );
}
