import { useTranslation } from 'react-i18next';

/** First version (placeholder while the full list is built). */
export function MyRegistrations() {
  const { t } = useTranslation('learningTrainings');
  return <p>{t('mine.title')}</p>;
}
