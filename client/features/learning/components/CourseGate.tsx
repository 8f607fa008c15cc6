import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDTO } from '@shared/learning/types';
import { Page } from '../../../components/Page';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LinkButton } from '../../../components/Button';
import { ApiError } from '../../../lib/api';
import { useCourse } from '../queries';
import styles from '../learning.module.css';

/** Loads a course (or its preview) and renders `children` with it; 404/403 as a page. */
export function CourseGate({
  courseId,
  preview,
  children,
}: {
  courseId: string;
  preview: boolean;
  children: (course: CourseDTO) => ReactNode;
}) {
  const { t } = useTranslation('learning');
  const course = useCourse(courseId, preview);
  if (course.isPending)
    return (
      <Page title={t('course.loading')}>
        <Spinner />
      </Page>
    );
  if (course.isError) {
    const missing = course.error instanceof ApiError && [403, 404].includes(course.error.status);
    return (
      <Page title={missing ? t('course.notFound') : t('title')}>
        <ErrorMessage error={course.error} />
        <div>
          <LinkButton href="/learning">{t('course.backToCatalogue')}</LinkButton>
        </div>
      </Page>
    );
  }
  return <>{children(course.data)}</>;
}

/** "Vorschau: So sehen Lernende den Entwurf" above previews (nothing is saved there). */
export function PreviewBanner() {
  const { t } = useTranslation('learning');
  return (
    <p className={styles.banner} role="note">
      <strong>{t('preview.banner')}</strong> {t('preview.nothingSaved')}
    </p>
  );
}
