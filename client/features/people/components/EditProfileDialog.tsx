import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TextArea,
  TextField as AriaTextField,
  Label,
  Text,
  FieldError,
} from 'react-aria-components';
import type { PersonDTO, PersonRef } from '@shared/people/types';
import { TextField } from '../../../components/TextField';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import fields from '../../../components/fields.module.css';
import { useUpdateOwnProfile } from '../queries';
import { allShownAtFields, fieldErrors } from '../form-errors';
import { FormDialog } from './FormDialog';
import { PersonPicker } from './PersonPicker';
import styles from './forms.module.css';

const splitList = (text: string, sep: RegExp) =>
  text
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);

/** "Edit my profile": own phone, languages, responsibilities and deputy. */
export function EditProfileDialog({
  person,
  isOpen,
  onOpenChange,
}: {
  person: PersonDTO;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation(['people', 'validation']);
  const save = useUpdateOwnProfile();
  const [phone, setPhone] = useState(person.phone ?? '');
  const [languages, setLanguages] = useState(person.languages.join(', '));
  const [responsibilities, setResponsibilities] = useState(person.responsibilities.join('\n'));
  const [deputy, setDeputy] = useState<PersonRef | null>(person.deputy);
  const errors = fieldErrors(save.error, t);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        phone: phone.trim(),
        languages: splitList(languages, /[,;]/),
        responsibilities: splitList(responsibilities, /\n/),
        deputyId: deputy?.id ?? null,
      },
      {
        onSuccess: () => {
          announce(t('profile.saved'));
          onOpenChange(false);
        },
      },
    );
  };

  return (
    <FormDialog title={t('profile.editTitle')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <p className={styles.intro}>{t('profile.editIntro')}</p>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        {save.isError &&
        !allShownAtFields(save.error, ['phone', 'languages', 'responsibilities', 'deputyId']) ? (
          <ErrorMessage error={save.error} />
        ) : null}
        <TextField
          label={t('profile.phoneLabel')}
          description={t('profile.phoneHint')}
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={setPhone}
          errorMessage={errors.phone}
        />
        <TextField
          label={t('profile.languagesLabel')}
          description={t('profile.languagesHint')}
          value={languages}
          onChange={setLanguages}
          errorMessage={errors.languages}
        />
        <AriaTextField
          className={fields.field}
          value={responsibilities}
          onChange={setResponsibilities}
          isInvalid={errors.responsibilities ? true : undefined}
        >
          <Label className={fields.label}>{t('profile.responsibilitiesLabel')}</Label>
          <Text slot="description" className={fields.description}>
            {t('profile.responsibilitiesHint')}
          </Text>
          <TextArea className={`${fields.input} ${styles.textarea}`} rows={4} />
          <FieldError className={fields.error}>{errors.responsibilities}</FieldError>
        </AriaTextField>
        <PersonPicker
          label={t('profile.deputyLabel')}
          value={deputy}
          onChange={setDeputy}
          excludeIds={[person.id]}
          errorMessage={errors.deputyId}
        />
        <div className={styles.buttons}>
          <Button type="submit" variant="primary" isDisabled={save.isPending}>
            {t('profile.save')}
          </Button>
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('profile.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
