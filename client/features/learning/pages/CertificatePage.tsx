import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { Button, LinkButton } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { ApiError } from '../../../lib/api';
import { formatDay } from '../model';
import { useCertificate } from '../queries';
import styles from '../learning.module.css';

/** `/learning/certificates/:code`: the printable certificate (only it goes on paper). */
export function CertificatePage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation('learning');
  const cert = useCertificate(code);
  if (cert.isPending)
    return (
      <Page title={t('certificate.title')}>
        <Spinner />
      </Page>
    );
  if (cert.isError) {
    const missing = cert.error instanceof ApiError && cert.error.status === 404;
    return (
      <Page title={missing ? t('certificate.notFound') : t('certificate.title')}>
        {missing ? (
          <p>{t('certificate.notFoundText', { code })}</p>
        ) : (
          <ErrorMessage error={cert.error} />
        )}
        <div>
          <LinkButton href="/learning/verify">{t('verify.title')}</LinkButton>
        </div>
      </Page>
    );
  }
  const c = cert.data;
  const verifyAt = `${window.location.origin}/learning/verify`;
  return (
    <Page
      title={t('certificate.title')}
      actions={
        <Button variant="primary" onPress={() => window.print()}>
          {t('certificate.print')}
        </Button>
      }
    >
      <div className={styles.printArea}>
        <section className={styles.certificate} aria-labelledby="certificate-heading">
          <p className={styles.muted}>{t('certificate.issuer')}</p>
          <h2 id="certificate-heading">{t('certificate.heading')}</h2>
          <p className={styles.certName}>{c.person.displayName}</p>
          <p>{t('certificate.hasCompleted')}</p>
          <p className={styles.certName}>{c.courseTitle}</p>
          <p>
            {t('certificate.on', { date: formatDay(c.completedAt, i18n.language) })}{' '}
            {t('certificate.version', { version: c.version })}
          </p>
          <p>
            {t('certificate.code')}: <span className={styles.code}>{c.code}</span>
          </p>
          <p className={styles.muted}>
            {t('certificate.verifyHint', { url: verifyAt, code: c.code })}
          </p>
        </section>
      </div>
    </Page>
  );
}
