import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsSummaryDTO } from '@shared/news/types';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { CheckIcon } from '../../../components/icons';
import { announce } from '../../../components/LiveAnnouncer';
import { useAcknowledge } from '../queries';
import { formatDateTime } from '../format';
import styles from './AcknowledgeBox.module.css';

/** "Kenntnisnahme": deadline and confirm button, or the confirmed state with its time. */
export function AcknowledgeBox({ article }: { article: NewsSummaryDTO }) {
  const { t, i18n } = useTranslation('news');
  const lang = i18n.resolvedLanguage;
  const ack = useAcknowledge(article.id);
  const [now] = useState(() => Date.now());
  if (!article.mandatory) return null;
  const { deadline, round } = article.mandatory;
  const at = article.viewer.acknowledgedAt;
  const overdue = Date.parse(deadline) < now;

  return (
    <section className={`${styles.box} ${at ? styles.done : ''}`} aria-labelledby="ack-title">
      <h2 id="ack-title" className={styles.title}>
        {at ? t('ack.confirmed') : t('ack.title')}
      </h2>
      {at ? (
        <p className={`${styles.text} ${styles.doneText}`}>
          <CheckIcon className={styles.check} />
          <span>{t('ack.done', { date: formatDateTime(at, lang) })}</span>
        </p>
      ) : (
        <>
          {round > 1 ? <p className={styles.text}>{t('ack.again')}</p> : null}
          <p className={styles.text}>
            {t(overdue ? 'ack.overdue' : 'ack.deadline', {
              date: formatDateTime(deadline, lang),
            })}
          </p>
          {article.abilities.acknowledge ? (
            <Button
              variant="primary"
              isDisabled={ack.isPending}
              onPress={() =>
                ack.mutate(undefined, { onSuccess: () => announce(t('ack.confirmed')) })
              }
            >
              {t('ack.confirm')}
            </Button>
          ) : (
            <p className={styles.text}>{t('ack.notAllowed')}</p>
          )}
          {ack.isError ? <ErrorMessage error={ack.error} /> : null}
        </>
      )}
    </section>
  );
}
