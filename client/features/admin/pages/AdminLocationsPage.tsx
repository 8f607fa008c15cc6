import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationDTO } from '@shared/org/types';
import type { CreateLocationInput } from '@shared/org/schemas';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { announce } from '../../../components/LiveAnnouncer';
import { useLocations } from '../../people/queries';
import { FormDialog } from '../../people/components/FormDialog';
import { allShownAtFields, fieldErrors } from '../../people/form-errors';
import { useCreateLocation, useUpdateLocation } from '../queries';
import { AdminBreadcrumb, AdminGuard } from '../components/AdminGuard';
import forms from '../../people/components/forms.module.css';
import styles from '../admin.module.css';

const FIELDS = ['name', 'street', 'postalCode', 'city'];

function LocationForm({ location, onDone }: { location?: LocationDTO; onDone: () => void }) {
  const { t } = useTranslation(['admin', 'validation']);
  const create = useCreateLocation();
  const update = useUpdateLocation();
  const mutation = location ? update : create;
  const [v, setV] = useState({
    name: location?.name ?? '',
    street: location?.street ?? '',
    postalCode: location?.postalCode ?? '',
    city: location?.city ?? 'Stuttgart',
  });
  const errors = fieldErrors(mutation.error, t);
  const set = (key: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [key]: value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input: CreateLocationInput = { name: v.name };
    if (v.street.trim()) input.street = v.street;
    if (v.postalCode.trim()) input.postalCode = v.postalCode;
    if (v.city.trim()) input.city = v.city;
    const done = () => {
      announce(t('locations.saved'));
      onDone();
    };
    if (location) update.mutate({ id: location.id, input }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <form className={forms.form} onSubmit={onSubmit} noValidate>
      {mutation.isError && !allShownAtFields(mutation.error, FIELDS) ? (
        <ErrorMessage error={mutation.error} />
      ) : null}
      <TextField
        label={t('locations.name')}
        isRequired
        value={v.name}
        onChange={set('name')}
        errorMessage={errors.name}
      />
      <TextField
        label={t('locations.street')}
        autoComplete="street-address"
        value={v.street}
        onChange={set('street')}
        errorMessage={errors.street}
      />
      <div className={forms.grid}>
        <TextField
          label={t('locations.postalCode')}
          autoComplete="postal-code"
          inputMode="numeric"
          value={v.postalCode}
          onChange={set('postalCode')}
          errorMessage={errors.postalCode}
        />
        <TextField
          label={t('locations.city')}
          autoComplete="address-level2"
          value={v.city}
          onChange={set('city')}
          errorMessage={errors.city}
        />
      </div>
      <div className={forms.buttons}>
        <Button type="submit" variant="primary" isDisabled={mutation.isPending}>
          {t('locations.save')}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          {t('locations.cancel')}
        </Button>
      </div>
    </form>
  );
}

function LocationsAdmin() {
  const { t } = useTranslation('admin');
  const locations = useLocations();
  const [editing, setEditing] = useState<LocationDTO | 'new' | null>(null);
  const rows = locations.data ?? [];
  return (
    <Page
      title={t('locations.title')}
      actions={
        <Button variant="primary" onPress={() => setEditing('new')}>
          {t('locations.create')}
        </Button>
      }
    >
      <AdminBreadcrumb current={t('locations.title')} />
      {locations.isPending ? <Spinner /> : null}
      {locations.isError ? <ErrorMessage error={locations.error} /> : null}
      {locations.isSuccess && rows.length === 0 ? <EmptyState title={t('locations.none')} /> : null}
      {rows.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('locations.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('locations.colName')}</th>
                <th scope="col">{t('locations.colAddress')}</th>
                <th scope="col">{t('locations.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id}>
                  <td data-label={t('locations.colName')}>{l.name}</td>
                  <td data-label={t('locations.colAddress')}>
                    {[l.street, [l.postalCode, l.city].filter(Boolean).join(' ')]
                      .filter(Boolean)
                      .join(', ') || '–'}
                  </td>
                  <td data-label={t('locations.colActions')}>
                    {l.abilities.update ? (
                      <Button
                        size="small"
                        onPress={() => setEditing(l)}
                        aria-label={t('locations.editLocation', { name: l.name })}
                      >
                        {t('locations.edit')}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <FormDialog
        title={
          editing && editing !== 'new'
            ? t('locations.editTitle', { name: editing.name })
            : t('locations.createTitle')
        }
        isOpen={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      >
        {editing ? (
          <LocationForm
            location={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </FormDialog>
    </Page>
  );
}

export function AdminLocationsPage() {
  return (
    <AdminGuard>
      <LocationsAdmin />
    </AdminGuard>
  );
}
