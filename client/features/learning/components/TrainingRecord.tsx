import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api';
import { formatDay } from '../model';
import { useTrainingRecord } from '../queries';
import { ProgressBar } from './ProgressBar';
import styles from '../learning.module.css';

/**
 * "Fortbildungen" of a person (profile page, my learning): completed courses and attended
 * trainings with certificates, and for myself the courses in progress. Shown only when the API
 * answers; people who may not see the record (403/404) see nothing at all. `showInProgress`
 * is off on "Meine Kurse", whose cards above already show the courses in progress.
 */
const kindLabel = {
  course: 'record.onlineCourse',
  training: 'record.training',
  self_assessment: 'record.selfAssessment',
} as const;

export function TrainingRecord({
  personId,
  headingLevel = 2,
  showInProgress = true,
}: {
  personId: string;
  headingLevel?: 2 | 3;
  showInProgress?: boolean;
}) {
  const { t, i18n } = useTranslation('learning');
  const record = useTrainingRecord(personId);
  if (record.isError) {
    const hidden = record.error instanceof ApiError && [403, 404].includes(record.error.status);
    return hidden ? null : (
      <Card title={t('record.title')} headingLevel={headingLevel}>
        <ErrorMessage error={record.error} />
      </Card>
    );
  }
  if (record.isPending) return <Spinner />;
  const { entries, inProgress } = record.data;
  const lang = i18n.language;
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <Card title={t('record.title')} headingLevel={headingLevel}>
      <div className={styles.stack}>
        {entries.length === 0 ? (
          <p className={styles.muted}>{t('record.empty')}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption className="visually-hidden">{t('record.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('record.course')}</th>
                  <th scope="col">{t('record.date')}</th>
                  <th scope="col">{t('record.certificate')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={`${e.kind}-${e.courseId}-${e.date}`}>
                    <th scope="row">
                      <Link to={`/learning/courses/${e.courseId}`}>{e.title}</Link>{' '}
                      <span className={styles.muted}>
                        ({t(kindLabel[e.kind])}
                        {e.mandatory ? `, ${t('record.mandatory')}` : ''})
                      </span>
                    </th>
                    <td>{formatDay(e.date, lang)}</td>
                    <td>
                      {e.certificateCode ? (
                        <Link to={`/learning/certificates/${e.certificateCode}`}>
                          {t('record.show')}
                          <span className="visually-hidden">: {e.title}</span>
                        </Link>
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {showInProgress && inProgress.length > 0 ? (
          <>
            <SubHeading className={styles.cardTitle}>{t('record.inProgress')}</SubHeading>
            <ul className={styles.widgetList}>
              {inProgress.map((c) => (
                <li key={c.courseId}>
                  <Link to={`/learning/courses/${c.courseId}`}>{c.title}</Link>
                  <ProgressBar
                    percent={c.percent}
                    label={t('progress.label', { title: c.title })}
                    text={t('progress.percent', { percent: c.percent })}
                  />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Card>
  );
}
