import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveTypeDTO } from '@shared/leave/types';
import type { LeaveTypeInput } from '@shared/leave/schemas';
import { Button } from '../../../../components/Button';
import { CheckboxField } from '../../../../components/CheckboxField';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { SelectField } from '../../../../components/SelectField';
import { Spinner } from '../../../../components/Spinner';
import { TextField } from '../../../../components/TextField';
import { announce } from '../../../../components/LiveAnnouncer';
import { FormDialog } from '../../../people/components/FormDialog';
import { useLeaveTypes } from '../../queries';
import { useCreateLeaveType, useUpdateLeaveType } from '../../hr-queries';
import styles from './manage.module.css';

const colors: LeaveTypeDTO['color'][] = ['blue', 'green', 'orange', 'purple', 'teal', 'grey'];

function TypeForm({
  type,
  onDone,
  onCancel,
}: {
  type: LeaveTypeDTO | null;
  onDone: (t: LeaveTypeDTO) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('leaveManage');
  const [v, setV] = useState<LeaveTypeInput>(
    type
      ? {
          key: type.key,
          name: { ...type.name },
          counts: type.counts,
          color: type.color,
          active: type.active,
        }
      : { key: '', name: { de: '', en: '' }, counts: false, color: 'blue', active: true },
  );
  const create = useCreateLeaveType();
  const update = useUpdateLeaveType();
  const m = type ? update : create;
  const labels = {
    key: t('hr.types.key'),
    'name.de': t('hr.types.nameDe'),
    'name.en': t('hr.types.nameEn'),
  };
  return (
    <form
      className={styles.stack}
      onSubmit={(e) => {
        e.preventDefault();
        const done = (saved: LeaveTypeDTO) => {
          announce(t('hr.types.saved', { name: saved.name.de }));
          onDone(saved);
        };
        if (type) {
          // The key identifies the type in imports and the seed; it is not changed.
          const { key: _key, ...rest } = v;
          update.mutate({ id: type.id, input: rest }, { onSuccess: done });
        } else create.mutate(v, { onSuccess: done });
      }}
    >
      {type ? null : (
        <TextField
          label={labels.key}
          description={t('hr.types.keyHint')}
          value={v.key}
          isRequired
          onChange={(key) => setV((s) => ({ ...s, key }))}
        />
      )}
      <TextField
        label={labels['name.de']}
        value={v.name.de}
        isRequired
        maxLength={60}
        onChange={(de) => setV((s) => ({ ...s, name: { ...s.name, de } }))}
      />
      <TextField
        label={labels['name.en']}
        value={v.name.en}
        isRequired
        maxLength={60}
        onChange={(en) => setV((s) => ({ ...s, name: { ...s.name, en } }))}
      />
      <SelectField
        label={t('hr.types.color')}
        options={colors.map((c) => ({ id: c, label: t(`color.${c}`) }))}
        value={v.color}
        onChange={(c) => setV((s) => ({ ...s, color: c as LeaveTypeDTO['color'] }))}
      />
      <CheckboxField isSelected={v.counts} onChange={(counts) => setV((s) => ({ ...s, counts }))}>
        {t('hr.types.counts')}
      </CheckboxField>
      <CheckboxField isSelected={v.active} onChange={(active) => setV((s) => ({ ...s, active }))}>
        {t('hr.types.active')}
      </CheckboxField>
      {m.isError ? <ErrorMessage error={m.error} fieldLabels={labels} /> : null}
      <div className={styles.row}>
        <Button type="submit" variant="primary" isDisabled={m.isPending}>
          {t('hr.types.save')}
        </Button>
        <Button onPress={onCancel}>{t('common:actions.cancel')}</Button>
      </div>
    </form>
  );
}

/** HR: the leave types (names de/en, counting or not, colour, active). */
export function TypesPanel() {
  const { t, i18n } = useTranslation('leaveManage');
  const types = useLeaveTypes();
  const [editing, setEditing] = useState<LeaveTypeDTO | 'new' | null>(null);
  return (
    <div className={styles.stack}>
      <div>
        <Button variant="primary" onPress={() => setEditing('new')}>
          {t('hr.types.create')}
        </Button>
      </div>
      {types.isError ? <ErrorMessage error={types.error} /> : null}
      {types.isPending ? <Spinner /> : null}
      {types.data ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption>{t('hr.types.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.types.name')}</th>
                <th scope="col">{t('hr.types.key')}</th>
                <th scope="col">{t('hr.types.countsCol')}</th>
                <th scope="col">{t('hr.types.color')}</th>
                <th scope="col">{t('hr.types.status')}</th>
                <th scope="col">{t('hr.types.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {types.data.map((lt) => (
                <tr key={lt.id}>
                  <th scope="row" data-label={t('hr.types.name')}>
                    {i18n.language === 'en' ? lt.name.en : lt.name.de}
                    <span className={styles.sub} lang={i18n.language === 'en' ? 'de' : 'en'}>
                      {i18n.language === 'en' ? lt.name.de : lt.name.en}
                    </span>
                  </th>
                  <td data-label={t('hr.types.key')}>{lt.key}</td>
                  <td data-label={t('hr.types.countsCol')}>
                    {lt.counts ? t('hr.yes') : t('hr.no')}
                  </td>
                  <td data-label={t('hr.types.color')}>
                    <span className={`${styles.swatch} ${styles[lt.color]}`} aria-hidden="true" />
                    {t(`color.${lt.color}`)}
                  </td>
                  <td data-label={t('hr.types.status')}>
                    <span className={`${styles.pill} ${lt.active ? styles.ok : styles.neutral}`}>
                      {lt.active ? t('hr.types.activeYes') : t('hr.types.activeNo')}
                    </span>
                  </td>
                  <td data-label={t('hr.types.actions')}>
                    <Button
                      size="small"
                      onPress={() => setEditing(lt)}
                      aria-label={t('hr.types.editFor', { name: lt.name.de })}
                    >
                      {t('hr.types.edit')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <FormDialog
        title={editing === 'new' ? t('hr.types.createTitle') : t('hr.types.editTitle')}
        isOpen={editing !== null}
        onOpenChange={(o) => (o ? undefined : setEditing(null))}
      >
        {editing ? (
          <TypeForm
            key={editing === 'new' ? 'new' : editing.id}
            type={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </FormDialog>
    </div>
  );
}
