import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '@shared/people/roles';
import type { CreatePersonInput } from '@shared/people/schemas';
import { TextField } from '../../../components/TextField';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { allShownAtFields, fieldErrors } from '../../people/form-errors';
import { useCreatePerson } from '../queries';
import type { CreatedPerson } from '../api';
import { RoleCheckboxes } from './RoleCheckboxes';
import { NO_LOCATION, PersonOrgFields } from './PersonOrgFields';
import forms from '../../people/components/forms.module.css';

const FIELDS = [
  'username',
  'givenName',
  'familyName',
  'email',
  'phone',
  'position',
  'unitId',
  'locationId',
  'roles',
  'password',
];

/**
 * Creates a person. Validation happens on the server (one source of truth: the shared schema);
 * its field issues are shown at the fields, in the reader's language.
 */
export function CreatePersonForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(['admin', 'validation']);
  const create = useCreatePerson();
  const [v, setV] = useState({
    username: '',
    givenName: '',
    familyName: '',
    email: '',
    phone: '',
    position: '',
    unitId: '',
    locationId: NO_LOCATION,
    password: '',
  });
  const [roles, setRoles] = useState<Role[]>(['employee']);
  const [created, setCreated] = useState<CreatedPerson | null>(null);
  const serverErrors = fieldErrors(create.error, t);
  // An empty required field reads better as "please fill in" than as "too short".
  const errors = Object.fromEntries(
    Object.entries(serverErrors).map(([k, msg]) => [
      k,
      k in v && v[k as keyof typeof v].trim() === '' ? t('validation:required') : msg,
    ]),
  );
  const set = (key: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [key]: value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input: Record<string, unknown> = {
      username: v.username,
      givenName: v.givenName,
      familyName: v.familyName,
      email: v.email,
      roles,
    };
    if (v.unitId) input.unitId = v.unitId;
    if (v.phone.trim()) input.phone = v.phone;
    if (v.position.trim()) input.position = v.position;
    if (v.locationId !== NO_LOCATION) input.locationId = v.locationId;
    if (v.password) input.password = v.password;
    // The server validates; the cast only types the request body.
    create.mutate(input as CreatePersonInput, {
      onSuccess: (res) => {
        setCreated(res);
        announce(t('person.created', { name: res.person.displayName }));
      },
    });
  };

  if (created) {
    return (
      <div className={forms.form}>
        <div className={forms.success} role="status">
          <p>
            <strong>{t('person.created', { name: created.person.displayName })}</strong>
          </p>
          {created.initialPassword ? (
            <>
              <p>{t('person.initialPassword')}</p>
              <p className={forms.secret}>{created.initialPassword}</p>
            </>
          ) : null}
        </div>
        <div className={forms.buttons}>
          <Link to={`/admin/people/${created.person.id}`}>{t('person.openProfile')}</Link>
          <Button variant="primary" onPress={onDone}>
            {t('person.close')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      className={forms.form}
      onSubmit={onSubmit}
      noValidate
      aria-label={t('person.createTitle')}
    >
      {create.isError && !allShownAtFields(create.error, FIELDS) ? (
        <ErrorMessage error={create.error} />
      ) : null}
      <div className={forms.grid}>
        <TextField
          label={t('person.givenName')}
          isRequired
          value={v.givenName}
          onChange={set('givenName')}
          errorMessage={errors.givenName}
          autoComplete="off"
        />
        <TextField
          label={t('person.familyName')}
          isRequired
          value={v.familyName}
          onChange={set('familyName')}
          errorMessage={errors.familyName}
          autoComplete="off"
        />
        <TextField
          label={t('person.username')}
          description={t('person.usernameHint')}
          isRequired
          value={v.username}
          onChange={set('username')}
          errorMessage={errors.username}
          autoComplete="off"
        />
        <TextField
          label={t('person.email')}
          type="email"
          isRequired
          value={v.email}
          onChange={set('email')}
          errorMessage={errors.email}
          autoComplete="off"
        />
        <TextField
          label={t('person.phone')}
          type="tel"
          value={v.phone}
          onChange={set('phone')}
          errorMessage={errors.phone}
        />
        <TextField
          label={t('person.position')}
          value={v.position}
          onChange={set('position')}
          errorMessage={errors.position}
        />
        <PersonOrgFields
          unitId={v.unitId}
          locationId={v.locationId}
          onUnitChange={set('unitId')}
          onLocationChange={set('locationId')}
          errors={errors}
        />
      </div>
      <RoleCheckboxes
        legend={t('person.roles')}
        value={roles}
        onChange={setRoles}
        errorMessage={errors.roles}
      />
      <TextField
        label={t('person.password')}
        description={t('person.passwordHint')}
        type="password"
        autoComplete="new-password"
        value={v.password}
        onChange={set('password')}
        errorMessage={errors.password}
      />
      <div className={forms.buttons}>
        <Button type="submit" variant="primary" isDisabled={create.isPending}>
          {t('person.createSubmit')}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          {t('person.cancel')}
        </Button>
      </div>
    </form>
  );
}
