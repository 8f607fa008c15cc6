import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { CheckboxField } from '../../../components/CheckboxField';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField } from '../../../components/SelectField';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { calendarQuery, calendarUnitsQuery } from '../queries';
import { absenceList, buildCalendarGrid, shiftMonth } from '../components/calendar/grid';
import { currentMonth, formatMonth } from '../components/calendar/format';
import { CalendarLegend, MonthGrid } from '../components/calendar/MonthGrid';
import { AbsenceTable } from '../components/calendar/AbsenceTable';
import { IcsSubscribe } from '../components/calendar/IcsSubscribe';
import { useCalendarWatch } from '../components/calendar/useCalendarWatch';
import styles from '../components/calendar/calendar.module.css';
import manage from '../components/hr/manage.module.css';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Phones get the table first (a month grid does not fit 320 px). */
function defaultView(): 'grid' | 'table' {
  if (typeof window === 'undefined' || !window.matchMedia) return 'grid';
  return window.matchMedia('(max-width: 45rem)').matches ? 'table' : 'grid';
}

/** `/leave/calendar` "Teamkalender": month grid and table of a unit's absences, live. */
export function TeamCalendarPage() {
  const { t, i18n } = useTranslation('leaveManage');
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const monthParam = params.get('month');
  const month = monthParam && monthPattern.test(monthParam) ? monthParam : currentMonth();
  const unitParam = params.get('unit') ?? undefined;
  const subtree = params.get('subtree') === 'true';
  const view = (params.get('view') as 'grid' | 'table' | null) ?? defaultView();
  const monthHeading = useRef<HTMLHeadingElement>(null);

  const units = useQuery(calendarUnitsQuery());
  const unitChoice = units.data?.find((u) => u.id === unitParam);
  const calendar = useQuery({
    ...calendarQuery({
      month,
      unitId: unitParam,
      subtree: subtree && unitChoice?.subtree ? true : undefined,
    }),
    placeholderData: keepPreviousData,
  });
  const cal = calendar.data;
  useCalendarWatch(cal?.unit.id ?? unitParam ?? null);

  const grid = useMemo(() => (cal ? buildCalendarGrid(cal) : null), [cal]);
  const rows = useMemo(() => (cal ? absenceList(cal) : []), [cal]);

  const set = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const goMonth = (delta: number) => {
    const m = shiftMonth(month, delta);
    set({ month: m });
    announce(t('calendar.monthShown', { month: formatMonth(m, lang) }));
  };

  const selectedUnit = unitParam ?? cal?.unit.id ?? null;
  const canSubtree = (units.data?.find((u) => u.id === selectedUnit)?.subtree ?? false) === true;
  const caption = cal
    ? t('calendar.caption', { unit: cal.unit.name, month: formatMonth(month, lang) })
    : t('calendar.title');

  return (
    <Page title={t('calendar.title')} description={t('calendar.description')}>
      <div className={manage.stack}>
        <div className={`${manage.panel} ${styles.toolbar}`}>
          {units.data && units.data.length > 1 ? (
            <SelectField
              label={t('calendar.unit')}
              options={units.data.map((u) => ({ id: u.id, label: u.name }))}
              value={selectedUnit}
              onChange={(id) => set({ unit: id, subtree: null })}
            />
          ) : null}
          {canSubtree ? (
            <CheckboxField
              isSelected={subtree}
              onChange={(on) => set({ subtree: on ? 'true' : null, unit: selectedUnit })}
            >
              {t('calendar.subtree')}
            </CheckboxField>
          ) : null}
          <div className={styles.monthNav} role="group" aria-label={t('calendar.monthNav')}>
            <Button size="small" onPress={() => goMonth(-1)} aria-label={t('calendar.prevMonth')}>
              <span aria-hidden="true">‹</span>
            </Button>
            <h2 ref={monthHeading} className={styles.monthTitle} aria-live="off">
              {formatMonth(month, lang)}
            </h2>
            <Button size="small" onPress={() => goMonth(1)} aria-label={t('calendar.nextMonth')}>
              <span aria-hidden="true">›</span>
            </Button>
            {month !== currentMonth() ? (
              <Button size="small" variant="tertiary" onPress={() => set({ month: null })}>
                {t('calendar.today')}
              </Button>
            ) : null}
          </div>
          <div className={styles.viewSwitch} role="group" aria-label={t('calendar.view')}>
            <Button
              size="small"
              variant={view === 'grid' ? 'primary' : 'secondary'}
              aria-pressed={view === 'grid'}
              onPress={() => set({ view: 'grid' })}
            >
              {t('calendar.viewGrid')}
            </Button>
            <Button
              size="small"
              variant={view === 'table' ? 'primary' : 'secondary'}
              aria-pressed={view === 'table'}
              onPress={() => set({ view: 'table' })}
            >
              {t('calendar.viewTable')}
            </Button>
          </div>
        </div>

        {calendar.isError ? <ErrorMessage error={calendar.error} /> : null}
        {calendar.isPending ? <Spinner /> : null}
        {cal && grid ? (
          <div className={manage.stack} aria-busy={calendar.isFetching}>
            {view === 'grid' ? (
              <>
                <CalendarLegend />
                {grid.rows.length === 0 ? (
                  <EmptyState title={t('calendar.noPeople')} />
                ) : (
                  <MonthGrid grid={grid} caption={caption} />
                )}
              </>
            ) : rows.length === 0 ? (
              <EmptyState title={t('calendar.noAbsences', { month: formatMonth(month, lang) })} />
            ) : (
              <AbsenceTable rows={rows} caption={caption} />
            )}
          </div>
        ) : null}

        <IcsSubscribe />
      </div>
    </Page>
  );
}
