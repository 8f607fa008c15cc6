import { useTranslation } from 'react-i18next';

/** First version (placeholder while the full list is built). */
export function DueList() {
  const { t } = useTranslation('learningTrainings');
  return <p>{t('due.title')}</p>;
}
