import { useTranslation } from 'react-i18next';
import type { CourseDTO } from '@shared/learning/types';

/** First version (placeholder while the full panel is built). */
export default function SessionsPanel({ course }: { course: CourseDTO }) {
  const { t } = useTranslation('learningTrainings');
  return (
    <section aria-label={t('sessions.title')} data-course={course.id}>
      <p>{t('sessions.title')}</p>
    </section>
  );
}
