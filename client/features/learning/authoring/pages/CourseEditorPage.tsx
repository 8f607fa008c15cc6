import { useTranslation } from 'react-i18next';
import { Page } from '../../../../components/Page';

/** First version (placeholder while the full page is built). */
export function CourseEditorPage() {
  const { t } = useTranslation('learningAuthor');
  return <Page title={t('editor.title')} />;
}
