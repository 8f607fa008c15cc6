import { useTranslation } from 'react-i18next';
import { Page } from '../../../../components/Page';

/** First version (placeholder while the full page is built). */
export function ManageCoursesPage() {
  const { t } = useTranslation('learningAuthor');
  return <Page title={t('manage.title')} />;
}
