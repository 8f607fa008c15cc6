import { useId, useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TextArea, TextField as AriaTextField, Label, Text } from 'react-aria-components';
import type { PersonRef } from '@shared/people/types';
import type { LeaveRequestDetailDTO, LeaveTypeDTO } from '@shared/leave/types';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/SelectField';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { PersonPicker } from '../../people/components/PersonPicker';
import { useDebouncedValue } from '../../people/useDebouncedValue';
import { fieldErrors } from '../../people/form-errors';
import { useCreateRequest, usePreview, useUpdateRequest } from '../queries';
import type { LeavePreviewParams, LeaveRequestFields } from '../api';
import { typeName } from '../format';
import { PreviewPanel } from './PreviewPanel';
import fields from '../../../components/fields.module.css';
import styles from '../leave.module.css';

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The preview's parameters, or null while the form cannot be previewed yet. */
export function previewParams(
  f: Pick<LeaveRequestFields, 'typeId' | 'from' | 'to' | 'halfStart' | 'halfEnd'>,
  excludeId?: string,
): LeavePreviewParams | null {
  if (!f.typeId || !isDay(f.from) || !isDay(f.to) || f.from > f.to) return null;
  const sameDay = f.from === f.to;
  return {
    typeId: f.typeId,
    from: f.from,
    to: f.to,
    halfStart: f.halfStart,
    // One day: one half at most (the first-day option wins).
    halfEnd: sameDay && f.halfStart ? false : f.halfEnd,
    ...(excludeId ? { excludeId } : {}),
  };
}

export interface LeaveRequestFormProps {
  types: LeaveTypeDTO[];
  myId: string;
  /** Edit a pending request; without it a new one is made. */
  existing?: LeaveRequestDetailDTO;
  /** For tests: the client id of a new request. */
  newId?: string;
}

/**
 * The request form with its live preview. A new request gets its id once per form: a retry after
 * a lost answer sends the same id, and the server answers with the stored request.
 */
export function LeaveRequestForm({ types, myId, existing, newId }: LeaveRequestFormProps) {
  const { t, i18n } = useTranslation(['leave', 'validation']);
  const lang = i18n.resolvedLanguage ?? 'de';
  const navigate = useNavigate();
  const uid = useId();
  const [clientId] = useState(() => newId ?? crypto.randomUUID());
  // The revision the form started from: a change made elsewhere meanwhile answers 409.
  const [rev] = useState(existing?.rev ?? 0);
  const active = types.filter((ty) => ty.active || ty.id === existing?.type?.id);
  const [typeId, setTypeId] = useState(
    existing?.type?.id ?? active.find((ty) => ty.counts)?.id ?? active[0]?.id ?? '',
  );
  const [from, setFrom] = useState(existing?.from ?? '');
  const [to, setTo] = useState(existing?.to ?? '');
  const [halfStart, setHalfStart] = useState(existing?.halfStart ?? false);
  const [halfEnd, setHalfEnd] = useState(existing?.halfEnd ?? false);
  const [deputy, setDeputy] = useState<PersonRef | null>(existing?.deputy ?? null);
  const [comment, setComment] = useState(existing?.comment ?? '');
  const [localError, setLocalError] = useState<Record<string, string>>({});

  const sameDay = from !== '' && from === to;
  const params = useMemo(
    () => previewParams({ typeId, from, to, halfStart, halfEnd }, existing?.id),
    [typeId, from, to, halfStart, halfEnd, existing?.id],
  );
  const debounced = useDebouncedValue(params, 300);
  const preview = usePreview(debounced);
  const create = useCreateRequest();
  const update = useUpdateRequest(existing?.id ?? '');
  const save = existing ? update : create;
  const apiErrors = fieldErrors(save.error, t);
  const errors = { ...apiErrors, ...localError };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!typeId) local.typeId = t('validation:required');
    if (!isDay(from)) local.from = t('validation:required');
    if (!isDay(to)) local.to = t('validation:required');
    else if (isDay(from) && from > to) local.to = t('validation:from_after_to');
    setLocalError(local);
    if (Object.keys(local).length > 0 || save.isPending) {
      announce(t('leave:form.fixErrors'));
      return;
    }
    const body: LeaveRequestFields = {
      typeId,
      from,
      to,
      halfStart,
      halfEnd: sameDay && halfStart ? false : halfEnd,
      comment: comment.trim(),
      deputyId: deputy?.id ?? null,
    };
    const done = (r: LeaveRequestDetailDTO) => {
      announce(t(existing ? 'leave:form.saved' : 'leave:form.submitted'));
      void navigate(`/leave/requests/${r.id}`);
    };
    if (existing) update.mutate({ ...body, rev }, { onSuccess: done });
    else create.mutate({ ...body, id: clientId }, { onSuccess: done });
  };

  const hint = (name: string) => `${uid}-${name}-hint`;
  const err = (name: string) => `${uid}-${name}-error`;
  const describedBy = (name: string, withHint = false) =>
    [withHint ? hint(name) : '', errors[name] ? err(name) : ''].filter(Boolean).join(' ') ||
    undefined;

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <SelectField
        label={t('leave:form.type')}
        options={active.map((ty) => ({
          id: ty.id,
          label: `${typeName(ty, lang)}${ty.counts ? '' : ` (${t('leave:form.notCounting')})`}`,
        }))}
        value={typeId || null}
        onChange={setTypeId}
        isRequired
        errorMessage={errors.typeId}
      />
      <div className={styles.dates}>
        {(['from', 'to'] as const).map((name) => (
          <div key={name} className={styles.dateField}>
            <label htmlFor={`${uid}-${name}`} className={fields.label}>
              {t(`leave:form.${name}`)}
            </label>
            <input
              id={`${uid}-${name}`}
              type="date"
              required
              className={`${fields.input} ${styles.input}`}
              value={name === 'from' ? from : to}
              min={name === 'to' && from ? from : undefined}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={describedBy(name)}
              onChange={(e) => {
                const v = e.target.value;
                if (name === 'from') {
                  setFrom(v);
                  // A new first day after the last one moves the last one along.
                  if (v && (!to || to < v)) setTo(v);
                } else setTo(v);
              }}
            />
            {errors[name] ? (
              <span id={err(name)} className={fields.error}>
                {errors[name]}
              </span>
            ) : null}
          </div>
        ))}
      </div>
      <fieldset className={styles.fieldset} aria-describedby={hint('half')}>
        <legend className={fields.label}>{t('leave:form.halfDays')}</legend>
        <span id={hint('half')} className={fields.description}>
          {t('leave:form.halfHint')}
        </span>
        <CheckboxField isSelected={halfStart} onChange={setHalfStart}>
          {t(sameDay ? 'leave:form.halfOnlyAfternoon' : 'leave:form.halfStart')}
        </CheckboxField>
        <CheckboxField
          isSelected={halfEnd && !(sameDay && halfStart)}
          onChange={setHalfEnd}
          isDisabled={sameDay && halfStart}
        >
          {t(sameDay ? 'leave:form.halfOnlyMorning' : 'leave:form.halfEnd')}
        </CheckboxField>
        {errors.halfEnd ? <span className={fields.error}>{errors.halfEnd}</span> : null}
      </fieldset>
      <PersonPicker
        label={t('leave:form.deputy')}
        description={t('leave:form.deputyHint')}
        value={deputy}
        onChange={setDeputy}
        excludeIds={[myId]}
        errorMessage={errors.deputyId}
      />
      <AriaTextField
        className={fields.field}
        value={comment}
        onChange={setComment}
        maxLength={500}
        isInvalid={errors.comment ? true : undefined}
      >
        <Label className={fields.label}>{t('leave:form.comment')}</Label>
        <Text slot="description" className={fields.description}>
          {t('leave:form.commentHint')}
        </Text>
        <TextArea className={fields.input} rows={3} />
        {errors.comment ? <span className={fields.error}>{errors.comment}</span> : null}
      </AriaTextField>
      <PreviewPanel
        preview={preview.data}
        error={preview.error}
        isFetching={preview.isFetching || params !== debounced}
        incomplete={params === null}
      />
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <div className={styles.buttons}>
        <Button type="submit" variant="primary" isDisabled={save.isPending}>
          {save.isPending
            ? t('leave:form.sending')
            : t(existing ? 'leave:form.save' : 'leave:form.submit')}
        </Button>
        <Button
          variant="secondary"
          onPress={() => void navigate(existing ? `/leave/requests/${existing.id}` : '/leave')}
        >
          {t('leave:form.cancel')}
        </Button>
      </div>
    </form>
  );
}
