import { useTranslation } from 'react-i18next';
import { Page } from '../../../../components/Page';

/** First version (placeholder while the full page is built). */
export function CompliancePage() {
  const { t } = useTranslation('learningTrainings');
  return <Page title={t('compliance.title')} />;
}
