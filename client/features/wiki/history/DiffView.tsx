import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffBlockDTO, DiffDTO } from '@shared/wiki/types';
import styles from './history.module.css';

type Row =
  | { kind: 'block'; block: DiffBlockDTO; key: number }
  | { kind: 'same'; count: number; key: number };

/** Unchanged blocks collapse into one line between the changes. */
function rowsOf(blocks: DiffBlockDTO[]): Row[] {
  const rows: Row[] = [];
  blocks.forEach((block, i) => {
    const last = rows[rows.length - 1];
    if (block.kind === 'same') {
      if (last?.kind === 'same') last.count += 1;
      else rows.push({ kind: 'same', count: 1, key: i });
    } else rows.push({ kind: 'block', block, key: i });
  });
  return rows;
}

/**
 * A readable diff: added text in `<ins>`, removed text in `<del>`, each with a visually hidden
 * "eingefügt:" / "entfernt:" so the change is never told by colour (or strike-through) alone.
 */
export function DiffView({ diff }: { diff: DiffDTO }) {
  const { t } = useTranslation('wikiEditor');
  const rows = rowsOf(diff.blocks);
  const changed = diff.blocks.some((b) => b.kind !== 'same');
  return (
    <div className={styles.diff}>
      {diff.titleChanged ? (
        <p className={styles.diffTitle}>
          <span>{t('diff.titleChanged')} </span>
          <del>
            <span className="visually-hidden"> {t('diff.removed')} </span>
            {diff.titleChanged.from}
          </del>{' '}
          →{' '}
          <ins>
            <span className="visually-hidden"> {t('diff.added')} </span>
            {diff.titleChanged.to}
          </ins>
        </p>
      ) : null}
      {!changed && !diff.titleChanged ? <p>{t('diff.noChanges')}</p> : null}
      {rows.map((row) =>
        row.kind === 'same' ? (
          <p key={row.key} className={styles.diffSame}>
            {t('diff.unchanged', { count: row.count })}
          </p>
        ) : (
          <div key={row.key} className={styles.diffBlock} data-kind={row.block.kind}>
            <p className={styles.diffBlockLabel}>
              {t(`diff.kinds.${row.block.kind}`)} ·{' '}
              {t(`diff.blocks.${row.block.block}`, {
                defaultValue: row.block.block,
              })}
            </p>
            <p className={styles.diffText}>
              {row.block.parts.map((part, i) => (
                <Fragment key={i}>
                  {part.op === 'same' ? (
                    part.text
                  ) : part.op === 'added' ? (
                    <ins>
                      <span className="visually-hidden"> {t('diff.added')} </span>
                      {part.text}
                    </ins>
                  ) : (
                    <del>
                      <span className="visually-hidden"> {t('diff.removed')} </span>
                      {part.text}
                    </del>
                  )}
                </Fragment>
              ))}
            </p>
          </div>
        ),
      )}
    </div>
  );
}
