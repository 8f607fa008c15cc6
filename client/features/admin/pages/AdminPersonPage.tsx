import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonDTO, PersonRef } from '@shared/people/types';
import type { Role } from '@shared/people/roles';
import type { UpdatePersonInput } from '@shared/people/schemas';
import { Page } from '../../../components/Page';
import { Card } from '../../../components/Card';
import { Button, LinkButton } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { usePerson } from '../../people/queries';
import { NO_LOCATION, PersonOrgFields } from '../components/PersonOrgFields';
import { allShownAtFields, fieldErrors } from '../../people/form-errors';
import { PersonPicker } from '../../people/components/PersonPicker';
import { useResetPassword, useUpdatePerson } from '../queries';
import { AdminBreadcrumb, AdminGuard } from '../components/AdminGuard';
import { RoleCheckboxes } from '../components/RoleCheckboxes';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ActiveSwitch } from '../components/ActiveSwitch';
import forms from '../../people/components/forms.module.css';
import styles from '../admin.module.css';

const FIELDS = [
  'givenName',
  'familyName',
  'email',
  'phone',
  'position',
  'unitId',
  'locationId',
  'roles',
  'deputyId',
];

function EditForm({ person }: { person: PersonDTO }) {
  const { t } = useTranslation(['admin', 'validation']);
  const update = useUpdatePerson(person.id);
  const [v, setV] = useState({
    givenName: person.givenName,
    familyName: person.familyName,
    email: person.email,
    phone: person.phone ?? '',
    position: person.position ?? '',
    unitId: person.unit?.id ?? '',
    locationId: person.location?.id ?? NO_LOCATION,
  });
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const [deputy, setDeputy] = useState<PersonRef | null>(person.deputy);
  const errors = fieldErrors(update.error, t);
  const set = (key: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [key]: value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Only what changed: the audit log then records exactly the admin's intent.
    const input: UpdatePersonInput = {};
    if (v.givenName !== person.givenName) input.givenName = v.givenName;
    if (v.familyName !== person.familyName) input.familyName = v.familyName;
    if (v.email !== person.email) input.email = v.email;
    if (v.phone !== (person.phone ?? '')) input.phone = v.phone;
    if (v.position !== (person.position ?? '')) input.position = v.position;
    if (v.unitId && v.unitId !== person.unit?.id) input.unitId = v.unitId;
    const loc = v.locationId === NO_LOCATION ? null : v.locationId;
    if (loc !== (person.location?.id ?? null)) input.locationId = loc;
    if ([...roles].sort().join() !== [...person.roles].sort().join()) input.roles = roles;
    if ((deputy?.id ?? null) !== (person.deputy?.id ?? null)) input.deputyId = deputy?.id ?? null;
    if (Object.keys(input).length === 0) {
      announce(t('person.saved'));
      return;
    }
    update.mutate(input, { onSuccess: () => announce(t('person.saved')) });
  };

  return (
    <form className={forms.form} onSubmit={onSubmit} noValidate aria-labelledby="person-master">
      {update.isError && !allShownAtFields(update.error, FIELDS) ? (
        <ErrorMessage error={update.error} />
      ) : null}
      {update.isSuccess ? <p className={forms.success}>{t('person.saved')}</p> : null}
      <Card title={<span id="person-master">{t('person.master')}</span>}>
        <div className={forms.grid}>
          <TextField
            label={t('person.givenName')}
            isRequired
            value={v.givenName}
            onChange={set('givenName')}
            errorMessage={errors.givenName}
          />
          <TextField
            label={t('person.familyName')}
            isRequired
            value={v.familyName}
            onChange={set('familyName')}
            errorMessage={errors.familyName}
          />
          <TextField
            label={t('person.email')}
            type="email"
            isRequired
            value={v.email}
            onChange={set('email')}
            errorMessage={errors.email}
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
        </div>
      </Card>
      <Card title={t('person.organisation')}>
        <div className={forms.form}>
          <div className={forms.grid}>
            <PersonOrgFields
              unitId={v.unitId}
              locationId={v.locationId}
              onUnitChange={set('unitId')}
              onLocationChange={set('locationId')}
              errors={errors}
            />
          </div>
          <PersonPicker
            label={t('person.deputy')}
            value={deputy}
            onChange={setDeputy}
            excludeIds={[person.id]}
            errorMessage={errors.deputyId}
          />
          <RoleCheckboxes
            legend={t('person.roles')}
            value={roles}
            onChange={setRoles}
            errorMessage={errors.roles}
          />
        </div>
      </Card>
      <div className={forms.buttons}>
        <Button type="submit" variant="primary" isDisabled={update.isPending}>
          {t('person.save')}
        </Button>
      </div>
    </form>
  );
}

function AccountCard({ person }: { person: PersonDTO }) {
  const { t } = useTranslation('admin');
  const update = useUpdatePerson(person.id);
  const reset = useResetPassword(person.id);
  const [target, setTarget] = useState<boolean | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const name = person.displayName;

  return (
    <Card title={t('person.account')}>
      <div className={styles.section}>
        <div className={styles.switchRow}>
          <ActiveSwitch
            label={t('person.active')}
            isSelected={person.active}
            isDisabled={!person.abilities.deactivate}
            onRequestChange={(next) => setTarget(next)}
          />
          <p className={styles.sub}>{t('person.activeText')}</p>
        </div>
        {update.isError ? <ErrorMessage error={update.error} /> : null}
        {person.abilities.resetPassword ? (
          <div>
            <Button onPress={() => setConfirmReset(true)}>{t('person.resetPassword')}</Button>
          </div>
        ) : null}
        {reset.isError ? <ErrorMessage error={reset.error} /> : null}
        {reset.isSuccess ? (
          <div className={forms.success} role="status">
            <p>{t('person.passwordReset')}</p>
            {reset.data ? (
              <>
                <p>{t('person.newPassword')}</p>
                <p className={forms.secret}>{reset.data}</p>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      <ConfirmDialog
        title={target ? t('person.confirmReactivateTitle') : t('person.confirmDeactivateTitle')}
        isOpen={target !== null}
        onOpenChange={(open) => !open && setTarget(null)}
        danger={target === false}
        confirmLabel={target ? t('person.reactivate') : t('person.deactivate')}
        isPending={update.isPending}
        onConfirm={() =>
          update.mutate({ active: Boolean(target) }, { onSettled: () => setTarget(null) })
        }
      >
        <p>
          {target
            ? t('person.confirmReactivate', { name })
            : t('person.confirmDeactivate', { name })}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        title={t('person.confirmResetTitle')}
        isOpen={confirmReset}
        onOpenChange={setConfirmReset}
        danger
        confirmLabel={t('person.resetPassword')}
        isPending={reset.isPending}
        onConfirm={() => reset.mutate(undefined, { onSettled: () => setConfirmReset(false) })}
      >
        <p>{t('person.confirmReset', { name })}</p>
      </ConfirmDialog>
    </Card>
  );
}

function PersonAdmin() {
  const { id } = useParams();
  const { t } = useTranslation(['admin', 'people']);
  const person = usePerson(id);
  if (person.isPending) {
    return (
      <Page title={t('people:profile.loading')}>
        <Spinner />
      </Page>
    );
  }
  if (person.isError) {
    return (
      <Page title={t('person.notFound')}>
        <AdminBreadcrumb current={t('people.title')} />
        <ErrorMessage error={person.error} />
      </Page>
    );
  }
  const p = person.data;
  return (
    <Page
      title={t('person.editTitle', { name: p.displayName })}
      actions={
        <LinkButton href={`/people/${p.id}`} variant="secondary">
          {t('person.openProfile')}
        </LinkButton>
      }
    >
      <AdminBreadcrumb
        current={p.displayName}
        parent={{ href: '/admin/people', label: t('people.title') }}
      />
      {/* Re-mount the form when another person is opened or the server sends a new version. */}
      <EditForm key={`${p.id}`} person={p} />
      <AccountCard person={p} />
    </Page>
  );
}

export function AdminPersonPage() {
  return (
    <AdminGuard>
      <PersonAdmin />
    </AdminGuard>
  );
}
