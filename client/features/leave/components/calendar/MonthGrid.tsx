import { useTranslation } from 'react-i18next';
import type { CalendarGrid, CalendarTraining, CellEntry, GridCell } from './grid';
import { formatLongDate, formatWeekdayShort } from './format';
import styles from './calendar.module.css';

/** What one cell says to a screen reader (and the tooltip): status, part of day, type if known. */
function entryText(
  e: CellEntry,
  lang: string,
  t: (k: string, o?: Record<string, unknown>) => string,
) {
  const parts = [t(`calendar.mark.${e.mark}`)];
  if (e.status === 'cancel_requested') parts.push(t('calendar.cancelRequested'));
  if (e.part !== 'full') parts.push(t(`calendar.part.${e.part}`));
  if (e.type) parts.push(lang === 'en' ? e.type.name.en : e.type.name.de);
  return parts.join(', ');
}

/** "Fortbildung: Erste Hilfe, 09:00–16:00 Uhr" (the title only when the viewer may see it). */
export function trainingText(
  x: CalendarTraining,
  t: (k: string, o?: Record<string, unknown>) => string,
) {
  const what = x.title
    ? t('calendarTraining.withTitle', { title: x.title })
    : t('calendarTraining.mark');
  return `${what}, ${t('calendarTraining.time', { start: x.start, end: x.end })}`;
}

function Cell({ cell, lang }: { cell: GridCell; lang: string }) {
  const { t } = useTranslation('leaveManage');
  const trainings = cell.trainings ?? [];
  if (trainings.length > 0) return <TrainingCell cell={cell} lang={lang} trainings={trainings} />;
  const shade =
    cell.kind === 'weekend' || cell.kind === 'holiday'
      ? styles.off
      : cell.kind === 'half'
        ? styles.halfDay
        : '';
  if (cell.entries.length === 0)
    return (
      <td className={`${styles.cell} ${shade}`}>
        {cell.kind === 'weekend' || cell.kind === 'holiday' ? (
          <span className={styles.srOnly}>{t(`calendar.kind.${cell.kind}`)}</span>
        ) : null}
      </td>
    );
  const text = cell.entries.map((e) => entryText(e, lang, t)).join('; ');
  return (
    <td className={`${styles.cell} ${shade}`} title={text}>
      <span className={styles.marks} aria-hidden="true">
        {cell.entries.map((e) => (
          <span
            key={`${e.id}-${e.part}`}
            className={`${styles.mark} ${styles[e.mark]} ${styles[e.part]} ${e.type ? styles[e.type.color] : ''}`}
          >
            {e.mark === 'pending' ? '?' : ''}
          </span>
        ))}
      </span>
      <span className={styles.srOnly}>{text}</span>
    </td>
  );
}

/** A day with training(s), maybe also an absence: the training is a hatched band at the bottom. */
function TrainingCell({
  cell,
  lang,
  trainings,
}: {
  cell: GridCell;
  lang: string;
  trainings: CalendarTraining[];
}) {
  const { t } = useTranslation('leaveManage');
  const { t: tl } = useTranslation('leave');
  const shade =
    cell.kind === 'weekend' || cell.kind === 'holiday'
      ? styles.off
      : cell.kind === 'half'
        ? styles.halfDay
        : '';
  const text = [
    ...cell.entries.map((e) => entryText(e, lang, t)),
    ...trainings.map((x) => trainingText(x, tl)),
  ].join('; ');
  const withLeave = cell.entries.length > 0;
  return (
    <td className={`${styles.cell} ${shade}`} title={text}>
      <span className={styles.marks} aria-hidden="true">
        {cell.entries.map((e) => (
          <span
            key={`${e.id}-${e.part}`}
            className={`${styles.mark} ${styles[e.mark]} ${styles[e.part]} ${styles.withTraining} ${e.type ? styles[e.type.color] : ''}`}
          >
            {e.mark === 'pending' ? '?' : ''}
          </span>
        ))}
        <span
          className={`${styles.mark} ${styles.training} ${withLeave ? styles.trainingBand : styles.full}`}
          data-training="true"
        />
      </span>
      <span className={styles.srOnly}>{text}</span>
    </td>
  );
}

/**
 * The month as a real table: people are row headers, days column headers, so screen readers
 * announce "person, day" for every cell. Approved and pending differ by pattern and a "?" glyph
 * as well as colour; half days fill half the cell.
 */
export function MonthGrid({ grid, caption }: { grid: CalendarGrid; caption: string }) {
  const { t, i18n } = useTranslation('leaveManage');
  const lang = i18n.language;
  return (
    // A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={caption}>
      <table className={styles.grid}>
        <caption className={styles.srOnly}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              {t('calendar.person')}
            </th>
            {grid.days.map((d) => (
              <th
                key={d.date}
                scope="col"
                className={`${styles.dayHead} ${d.kind === 'weekend' || d.kind === 'holiday' ? styles.off : d.kind === 'half' ? styles.halfDay : ''}`}
                title={d.name ?? undefined}
              >
                <abbr
                  title={`${formatLongDate(d.date, lang)}${d.name ? ` – ${d.name}` : ''}`}
                  className={styles.abbr}
                >
                  <span className={styles.wd}>{formatWeekdayShort(d.date, lang).slice(0, 2)}</span>
                  <span>{d.day}</span>
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.person.id}>
              <th scope="row" className={styles.personHead}>
                {row.person.displayName}
              </th>
              {row.cells.map((c) => (
                <Cell key={c.date} cell={c} lang={lang} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Explains the marks: each one with its pattern and its words. */
export function CalendarLegend() {
  const { t } = useTranslation('leaveManage');
  const { t: tl } = useTranslation('leave');
  return (
    <ul className={styles.legend} aria-label={t('calendar.legend')}>
      <li>
        <span
          className={`${styles.mark} ${styles.approved} ${styles.full} ${styles.legendMark}`}
          aria-hidden="true"
        />
        {t('calendar.mark.approved')}
      </li>
      <li>
        <span
          className={`${styles.mark} ${styles.pending} ${styles.full} ${styles.legendMark}`}
          aria-hidden="true"
        >
          ?
        </span>
        {t('calendar.mark.pending')}
      </li>
      <li>
        <span
          className={`${styles.mark} ${styles.approved} ${styles.am} ${styles.legendMark}`}
          aria-hidden="true"
        />
        {t('calendar.part.am')}
      </li>
      <li>
        <span
          className={`${styles.mark} ${styles.approved} ${styles.pm} ${styles.legendMark}`}
          aria-hidden="true"
        />
        {t('calendar.part.pm')}
      </li>
      <li>
        <span
          className={`${styles.mark} ${styles.training} ${styles.full} ${styles.legendMark}`}
          aria-hidden="true"
        />
        {tl('calendarTraining.mark')}
      </li>
      <li>
        <span className={`${styles.legendBox} ${styles.off}`} aria-hidden="true" />
        {t('calendar.kind.off')}
      </li>
    </ul>
  );
}
