import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitlementImportResultDTO } from '@shared/leave/types';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { announce } from '../../../../components/LiveAnnouncer';
import { useImportEntitlements } from '../../hr-queries';
import { YearField } from './YearField';
import styles from './manage.module.css';

/** HR: entitlements from CSV (pasted or read from a file), with the errors per line. */
export function ImportPanel() {
  const { t } = useTranslation(['leaveManage', 'errors', 'validation']);
  const id = useId();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<EntitlementImportResultDTO | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const run = useImportEntitlements();

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    announce(t('hr.import.fileRead', { name: file.name }));
  };

  return (
    <div className={styles.stack}>
      <form
        className={styles.panel}
        onSubmit={(e) => {
          e.preventDefault();
          if (!csv.trim()) return;
          run.mutate(
            { year, csv },
            {
              onSuccess: (r) => {
                setResult(r);
                announce(t('hr.import.done', { imported: r.imported, errors: r.errors.length }));
                window.setTimeout(() => resultRef.current?.focus(), 0);
              },
            },
          );
        }}
      >
        <h2>{t('hr.import.title')}</h2>
        <p className={styles.muted} id={`${id}-format`}>
          {t('hr.import.format')}
        </p>
        <code className={styles.sub}>
          username;baseDays;workdays;employedFrom;employedTo;additionalLabel;additionalDays
        </code>
        <YearField value={year} onChange={setYear} />
        <div className={styles.nativeField}>
          <label htmlFor={`${id}-file`}>{t('hr.import.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </div>
        <div className={styles.nativeField}>
          <label htmlFor={`${id}-csv`}>{t('hr.import.csv')}</label>
          <textarea
            id={`${id}-csv`}
            className={styles.textarea}
            value={csv}
            aria-describedby={`${id}-format`}
            spellCheck={false}
            onChange={(e) => setCsv(e.target.value)}
          />
        </div>
        {run.isError ? <ErrorMessage error={run.error} /> : null}
        <div className={styles.row}>
          <Button type="submit" variant="primary" isDisabled={run.isPending || !csv.trim()}>
            {t('hr.import.run')}
          </Button>
        </div>
      </form>
      {result ? (
        <div
          ref={resultRef}
          tabIndex={-1}
          className={styles.panel}
          role="region"
          aria-labelledby={`${id}-rh`}
        >
          <h2 id={`${id}-rh`}>{t('hr.import.resultTitle')}</h2>
          <p className={styles.status}>
            {t('hr.import.done', { imported: result.imported, errors: result.errors.length })}
          </p>
          {result.errors.length ? (
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption>{t('hr.import.errorsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('hr.import.line')}</th>
                    <th scope="col">{t('hr.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((e) => (
                    <tr key={`${e.line}-${e.code}`}>
                      <th scope="row" data-label={t('hr.import.line')}>
                        {e.line}
                      </th>
                      <td data-label={t('hr.import.problem')}>
                        {t(`leaveManage:hr.import.codes.${e.code}`, {
                          defaultValue: t(`errors:${e.code}`, {
                            defaultValue: t(`validation:${e.code}`, { defaultValue: e.code }),
                          }),
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
