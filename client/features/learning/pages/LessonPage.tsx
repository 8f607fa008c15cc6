import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';

export function LessonPage() {
  const { t } = useTranslation('learning');
  return <Page title={t('title')} />;
}
