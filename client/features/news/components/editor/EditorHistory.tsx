import { useTranslation } from 'react-i18next';
import type { NewsHistoryEntryDTO } from '@shared/news/types';
import { Card } from '../../../../components/Card';
import { formatDateTime } from '../../format';
import styles from './editor.module.css';

/** The article's edit history, newest first (who did what when). */
export function EditorHistory({ history }: { history: NewsHistoryEntryDTO[] }) {
  const { t, i18n } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const entries = [...history].sort((a, b) => b.rev - a.rev).slice(0, 20);
  return (
    <Card title={t('editor.sections.history')}>
      <ol className={styles.history}>
        {entries.map((h) => (
          <li key={`${h.rev}-${h.action}-${h.at}`}>
            <span className={styles.historyAction}>
              {t(`editor.history.${h.action}`, { defaultValue: h.action })}
              {h.material ? ` · ${t('editor.history.material')}` : ''}
            </span>{' '}
            <span className={styles.fileMeta}>
              {formatDateTime(h.at, i18n.language)}
              {h.by ? ` · ${h.by.displayName}` : ''}
            </span>
            {h.note ? <p className={styles.hint}>{h.note}</p> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
