import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';

export function CoursePage() {
  const { t } = useTranslation('learning');
  return <Page title={t('title')} />;
}
