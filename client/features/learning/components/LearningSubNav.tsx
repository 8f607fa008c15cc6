import { useTranslation } from 'react-i18next';

export function LearningSubNav() {
  const { t } = useTranslation('learning');
  return <nav aria-label={t('subnav.label')} />;
}
