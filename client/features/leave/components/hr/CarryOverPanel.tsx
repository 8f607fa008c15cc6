import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarryOverRunDTO } from '@shared/leave/types';
import { Button } from '../../../../components/Button';
import { announce } from '../../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../../admin/components/ConfirmDialog';
import { useCarryOver } from '../../hr-queries';
import { formatDays } from '../calendar/format';
import { YearField } from './YearField';
import styles from './manage.module.css';

/** HR: the year-end carry-over run (idempotent on the server: it sets, never adds). */
export function CarryOverPanel() {
  const { t, i18n } = useTranslation('leaveManage');
  const [fromYear, setFromYear] = useState(() => new Date().getFullYear() - 1);
  const [confirm, setConfirm] = useState(false);
  const [result, setResult] = useState<CarryOverRunDTO | null>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);
  const run = useCarryOver();
  return (
    <section className={styles.panel} aria-labelledby="leave-carry-h">
      <h2 id="leave-carry-h">{t('hr.carry.title')}</h2>
      <p className={styles.muted}>{t('hr.carry.text')}</p>
      <div className={styles.row}>
        <YearField value={fromYear} onChange={setFromYear} label={t('hr.carry.fromYear')} />
        <Button variant="primary" onPress={() => setConfirm(true)}>
          {t('hr.carry.run')}
        </Button>
      </div>
      {result ? (
        <p ref={resultRef} tabIndex={-1} className={styles.status}>
          {t('hr.carry.result', {
            people: result.people,
            days: formatDays(result.days, i18n.language),
            from: result.fromYear,
            to: result.fromYear + 1,
          })}
        </p>
      ) : null}
      <ConfirmDialog
        title={t('hr.carry.confirmTitle', { from: fromYear, to: fromYear + 1 })}
        isOpen={confirm}
        onOpenChange={(o) => {
          setConfirm(o);
          if (!o) run.reset();
        }}
        confirmLabel={t('hr.carry.run')}
        isPending={run.isPending}
        error={run.error}
        onConfirm={() =>
          run.mutate(fromYear, {
            onSuccess: (r) => {
              setConfirm(false);
              setResult(r);
              announce(
                t('hr.carry.result', {
                  people: r.people,
                  days: formatDays(r.days, i18n.language),
                  from: r.fromYear,
                  to: r.fromYear + 1,
                }),
              );
              window.setTimeout(() => resultRef.current?.focus(), 0);
            },
          })
        }
      >
        <p>{t('hr.carry.confirmText', { from: fromYear, to: fromYear + 1 })}</p>
      </ConfirmDialog>
    </section>
  );
}
