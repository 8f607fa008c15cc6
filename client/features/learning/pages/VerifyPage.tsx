import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';

export function VerifyPage() {
  const { t } = useTranslation('learning');
  return <Page title={t('title')} />;
}
