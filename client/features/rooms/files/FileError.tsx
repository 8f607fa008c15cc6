import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { fileErrorKey } from './errors';
import styles from './files.module.css';

/** An API error in the reader's language: this tab's own wording where it has one. */
export function FileError({ error, version }: { error: unknown; version?: boolean }) {
  const { t } = useTranslation('roomsFiles');
  if (!error) return null;
  const key = fileErrorKey(error, { version });
  if (!key) return <ErrorMessage error={error} />;
  return (
    <p role="alert" className={styles.error}>
      {t(key)}
    </p>
  );
}
