import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { appIcons, type AppInput } from '@shared/apps/schemas';
import type { AppDTO } from '@shared/apps/types';
import { everyone, type Audience } from '@shared/org/audience';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { SelectField } from '../../../components/SelectField';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { AudiencePicker } from '../../../components/AudiencePicker';
import { announce } from '../../../components/LiveAnnouncer';
import { ApiError } from '../../../lib/api';
import { useCreateApp, useUpdateApp } from '../queries';
import { AppIcon } from '../AppIcon';
import forms from '../../people/components/forms.module.css';

const FIELDS = ['name.de', 'name.en', 'description.de', 'description.en', 'url', 'icon'];

/** Messages per full field path (`name.de`), in the reader's language. */
function issuesByPath(error: unknown, t: TFunction) {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const i of error.details) {
    out[i.path] = t(`validation:${i.code}`, { defaultValue: t('validation:invalid') });
  }
  return out;
}

/** Create or edit a catalogue entry (admins). */
export function AppForm({ app, onDone }: { app?: AppDTO; onDone: () => void }) {
  const { t } = useTranslation(['apps', 'validation']);
  const create = useCreateApp();
  const update = useUpdateApp();
  const mutation = app ? update : create;
  const [v, setV] = useState({
    nameDe: app?.name.de ?? '',
    nameEn: app?.name.en ?? '',
    descriptionDe: app?.description.de ?? '',
    descriptionEn: app?.description.en ?? '',
    url: app?.url ?? 'https://',
    icon: app?.icon ?? 'app',
    suggested: app?.suggested ?? false,
  });
  const [audience, setAudience] = useState<Audience>(app?.audience ?? everyone);
  const errors = issuesByPath(mutation.error, t);
  const set = (key: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [key]: value }));
  const unshown =
    mutation.error instanceof ApiError &&
    (mutation.error.details.length === 0 ||
      mutation.error.details.some((d) => !FIELDS.includes(d.path)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input: AppInput & { audience: Audience; suggested: boolean } = {
      name: { de: v.nameDe, en: v.nameEn },
      description: { de: v.descriptionDe, en: v.descriptionEn },
      url: v.url,
      icon: v.icon as AppInput['icon'],
      audience,
      suggested: v.suggested,
    };
    const done = () => {
      announce(t('admin.saved'));
      onDone();
    };
    if (app) update.mutate({ id: app.id, patch: input }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <form className={forms.form} onSubmit={onSubmit} noValidate>
      {mutation.isError && (unshown || !(mutation.error instanceof ApiError)) ? (
        <ErrorMessage error={mutation.error} />
      ) : null}
      <div className={forms.grid}>
        <TextField
          label={t('admin.nameDe')}
          isRequired
          value={v.nameDe}
          onChange={set('nameDe')}
          errorMessage={errors['name.de']}
        />
        <TextField
          label={t('admin.nameEn')}
          isRequired
          value={v.nameEn}
          onChange={set('nameEn')}
          errorMessage={errors['name.en']}
        />
        <TextField
          label={t('admin.descriptionDe')}
          value={v.descriptionDe}
          onChange={set('descriptionDe')}
          errorMessage={errors['description.de']}
        />
        <TextField
          label={t('admin.descriptionEn')}
          value={v.descriptionEn}
          onChange={set('descriptionEn')}
          errorMessage={errors['description.en']}
        />
      </div>
      <TextField
        label={t('admin.url')}
        type="url"
        isRequired
        value={v.url}
        onChange={set('url')}
        errorMessage={errors.url}
      />
      <div style={{ display: 'flex', alignItems: 'flex-end', gap: '0.75rem' }}>
        <SelectField
          label={t('admin.icon')}
          options={appIcons.map((id) => ({ id, label: t(`admin.icons.${id}`) }))}
          value={v.icon}
          onChange={set('icon')}
          errorMessage={errors.icon}
        />
        <span style={{ fontSize: '2rem', display: 'inline-flex', paddingBottom: '0.5rem' }}>
          <AppIcon icon={v.icon as AppDTO['icon']} />
        </span>
      </div>
      <AudiencePicker
        label={t('admin.audience')}
        description={t('admin.audienceHint')}
        value={audience}
        onChange={setAudience}
      />
      <CheckboxField
        isSelected={v.suggested}
        onChange={(suggested) => setV((o) => ({ ...o, suggested }))}
      >
        {t('admin.suggested')}
      </CheckboxField>
      <div className={forms.buttons}>
        <Button type="submit" variant="primary" isDisabled={mutation.isPending}>
          {t('admin.save')}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          {t('admin.cancel')}
        </Button>
      </div>
    </form>
  );
}
