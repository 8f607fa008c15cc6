import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefaultLayoutDTO } from '@shared/home/types';
import type { DefaultLayoutInput } from '@shared/home/schemas';
import { widgetIds, widgetSizes, type WidgetId, type WidgetSize } from '@shared/home/widgets';
import { everyone, type Audience } from '@shared/org/audience';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { SelectField } from '../../../components/SelectField';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { AudiencePicker } from '../../../components/AudiencePicker';
import { announce } from '../../../components/LiveAnnouncer';
import { fieldErrors } from '../../people/form-errors';
import { useCreateDefault, useUpdateDefault } from '../queries';
import { homeWidgets } from '../widgets';
import forms from '../../people/components/forms.module.css';
import styles from './DefaultLayouts.module.css';

interface Row {
  id: WidgetId;
  size: WidgetSize;
  on: boolean;
}

/** All widgets: the layout's first (checked, in order), then the others (unchecked). */
function initialRows(d?: DefaultLayoutDTO): Row[] {
  const chosen = d?.widgets ?? [];
  return [
    ...chosen.map((w) => ({ ...w, on: true })),
    ...widgetIds
      .filter((id) => !chosen.some((w) => w.id === id))
      .map((id) => ({ id, size: 'medium' as WidgetSize, on: !d })),
  ];
}

export function DefaultLayoutForm({
  layout,
  onDone,
}: {
  layout?: DefaultLayoutDTO;
  onDone: () => void;
}) {
  const { t } = useTranslation(['home', 'validation']);
  const create = useCreateDefault();
  const update = useUpdateDefault();
  const mutation = layout ? update : create;
  const [name, setName] = useState(layout?.name ?? '');
  const [priority, setPriority] = useState(String(layout?.priority ?? 100));
  const [audience, setAudience] = useState<Audience>(layout?.audience ?? everyone);
  const [rows, setRows] = useState<Row[]>(() => initialRows(layout));
  const errors = fieldErrors(mutation.error, t);
  const title = (id: WidgetId) => t(homeWidgets[id].titleKey);

  const patchRow = (id: WidgetId, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) =>
    setRows((rs) => {
      const j = i + by;
      if (j < 0 || j >= rs.length) return rs;
      const next = [...rs];
      [next[i], next[j]] = [next[j] as Row, next[i] as Row];
      return next;
    });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input: DefaultLayoutInput & { audience: Audience; priority: number } = {
      name,
      audience,
      priority: Number.parseInt(priority, 10),
      widgets: rows.filter((r) => r.on).map((r) => ({ id: r.id, size: r.size })),
    };
    const done = () => {
      announce(t('defaults.saved'));
      onDone();
    };
    if (layout) update.mutate({ id: layout.id, patch: input }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <form className={forms.form} onSubmit={onSubmit} noValidate>
      {mutation.isError ? <ErrorMessage error={mutation.error} /> : null}
      <TextField
        label={t('defaults.name')}
        isRequired
        value={name}
        onChange={setName}
        errorMessage={errors.name}
      />
      <TextField
        label={t('defaults.priority')}
        description={t('defaults.priorityHint')}
        inputMode="numeric"
        value={priority}
        onChange={setPriority}
        errorMessage={errors.priority}
      />
      <AudiencePicker
        label={t('defaults.audience')}
        description={t('defaults.audienceHint')}
        value={audience}
        onChange={setAudience}
      />
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('defaults.widgets')}</legend>
        <p className={styles.hint}>{t('defaults.widgetsHint')}</p>
        <ol className={styles.rows}>
          {rows.map((r, i) => (
            <li key={r.id} className={styles.row}>
              <CheckboxField isSelected={r.on} onChange={(on) => patchRow(r.id, { on })}>
                {t('defaults.include', { name: title(r.id) })}
              </CheckboxField>
              <SelectField
                label={t('customise.sizeOf', { name: title(r.id) })}
                options={widgetSizes.map((s) => ({ id: s, label: t(`size.${s}`) }))}
                value={r.size}
                onChange={(s) => patchRow(r.id, { size: s as WidgetSize })}
                isDisabled={!r.on}
              />
              <span className={styles.buttons}>
                <Button
                  size="small"
                  isDisabled={i === 0}
                  onPress={() => move(i, -1)}
                  aria-label={t('customise.up', { name: title(r.id) })}
                >
                  {t('customise.upShort')}
                </Button>
                <Button
                  size="small"
                  isDisabled={i === rows.length - 1}
                  onPress={() => move(i, 1)}
                  aria-label={t('customise.down', { name: title(r.id) })}
                >
                  {t('customise.downShort')}
                </Button>
              </span>
            </li>
          ))}
        </ol>
      </fieldset>
      <div className={forms.buttons}>
        <Button type="submit" variant="primary" isDisabled={mutation.isPending}>
          {t('defaults.save')}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          {t('defaults.cancel')}
        </Button>
      </div>
    </form>
  );
}
