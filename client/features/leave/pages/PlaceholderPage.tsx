import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { EmptyState } from '../../../components/EmptyState';

/** Stand-in for pages not built yet (the decider and HR pages replace it in `routes.tsx`). */
export function PlaceholderPage() {
  const { t } = useTranslation('leave');
  return (
    <Page title={t('title')}>
      <EmptyState title={t('placeholder')} />
    </Page>
  );
}
