import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { ApiError } from '../../../lib/api';
import { formatDay } from '../model';
import { useCertificate } from '../queries';
import styles from '../learning.module.css';

/** Codes are printed in groups and read aloud: spaces, dashes and case do not matter. */
export const normaliseCode = (raw: string) => raw.replace(/[\s-]/g, '').toUpperCase();

/** `/learning/verify`: enter a certificate code, see whether it is genuine and for whom. */
export function VerifyPage() {
  const { t, i18n } = useTranslation('learning');
  const [params, setParams] = useSearchParams();
  const code = params.get('code');
  const [input, setInput] = useState(code ?? '');
  const cert = useCertificate(code);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = normaliseCode(input);
    if (next) setParams({ code: next }, { replace: true });
  };
  return (
    <Page title={t('verify.title')} description={t('verify.intro')}>
      <form className={styles.row} onSubmit={onSubmit}>
        <TextField label={t('verify.code')} value={input} onChange={setInput} isRequired />
        <div>
          <Button type="submit" variant="primary">
            {t('verify.check')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {!code ? null : cert.isPending ? (
          <Spinner />
        ) : cert.isError ? (
          cert.error instanceof ApiError && cert.error.status === 404 ? (
            <p className={`${styles.failed}`}>{t('verify.invalid', { code })}</p>
          ) : (
            <ErrorMessage error={cert.error} />
          )
        ) : (
          <div className={styles.passed}>
            <p className={styles.right}>{t('verify.valid')}</p>
            <p>
              {t('verify.details', {
                person: cert.data.person.displayName,
                course: cert.data.courseTitle,
                date: formatDay(cert.data.completedAt, i18n.language),
              })}
            </p>
            <Link to={`/learning/certificates/${cert.data.code}`}>{t('verify.open')}</Link>
          </div>
        )}
      </div>
    </Page>
  );
}
