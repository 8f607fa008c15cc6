import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';

export function CertificatePage() {
  const { t } = useTranslation('learning');
  return <Page title={t('title')} />;
}
