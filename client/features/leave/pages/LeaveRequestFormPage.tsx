import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { useMe } from '../../auth/queries';
import { useLeaveRequest, useLeaveTypes } from '../queries';
import { LeaveRequestForm } from '../components/LeaveRequestForm';

/** `/leave/new` and `/leave/requests/:id/edit` (pending requests only). */
export function LeaveRequestFormPage() {
  const { id } = useParams();
  return id ? <EditRequestPage id={id} /> : <NewRequestPage />;
}

function NewRequestPage() {
  const { t } = useTranslation('leave');
  const me = useMe();
  const types = useLeaveTypes();
  return (
    <Page title={t('form.newTitle')}>
      {types.isPending ? (
        <Spinner />
      ) : types.isError ? (
        <ErrorMessage error={types.error} />
      ) : (
        <LeaveRequestForm types={types.data} myId={me.id} />
      )}
    </Page>
  );
}

function EditRequestPage({ id }: { id: string }) {
  const { t } = useTranslation('leave');
  const me = useMe();
  const types = useLeaveTypes();
  const request = useLeaveRequest(id);
  const error = types.error ?? request.error;
  return (
    <Page title={t('form.editTitle')}>
      {error ? (
        <ErrorMessage error={error} />
      ) : !types.data || !request.data ? (
        <Spinner />
      ) : !request.data.abilities.edit ? (
        <EmptyState title={t('form.notEditable')} />
      ) : (
        <LeaveRequestForm
          key={request.data.id}
          types={types.data}
          myId={me.id}
          existing={request.data}
        />
      )}
    </Page>
  );
}
