import { memo, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { taskStatuses, type TaskStatus } from '@shared/rooms/schemas';
import type { TaskDTO } from '@shared/rooms/types';
import type { KeyboardDirection } from '@shared/rooms/task-board';
import { ActionMenu, type ActionMenuItem } from '../../../components/ActionMenu';
import { Avatar } from '../../../components/Avatar';
import { Button } from '../../../components/Button';
import styles from './tasks.module.css';

export type CardMove = KeyboardDirection | { to: TaskStatus };

const arrows: Record<string, KeyboardDirection> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** Warning triangle: overdue is said in text too, never by colour alone. */
const AlertIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    aria-hidden="true"
    focusable="false"
  >
    <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
    <path d="M12 9v4M12 17h.01" />
  </svg>
);

export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * One task card: focusable (Alt+Arrow moves it), with a "Verschieben" menu for pointer and
 * screen-reader users, and edit/delete where allowed. `focusSignal` asks the card to take focus
 * (after a move it may be a new element in another column).
 */
export const TaskCard = memo(function TaskCard({
  task,
  index,
  columnSize,
  hintId,
  focusSignal,
  onMove,
  onEdit,
  onDelete,
}: {
  task: TaskDTO;
  index: number;
  columnSize: number;
  hintId: string;
  focusSignal: number | null;
  onMove: (task: TaskDTO, move: CardMove) => void;
  onEdit: (task: TaskDTO) => void;
  onDelete: (task: TaskDTO) => void;
}) {
  const { t, i18n } = useTranslation('roomsTasks');
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  const locale = i18n.resolvedLanguage ?? 'de';

  useEffect(() => {
    if (focusSignal === null) return;
    // After the menu closed (it puts focus back on its button), or once the card is mounted.
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusSignal]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const dir = arrows[e.key];
    if (!e.altKey || !dir || e.target !== e.currentTarget || !task.abilities.move) return;
    e.preventDefault();
    onMove(task, dir);
  };

  const moveItems: ActionMenuItem<'up' | 'down' | TaskStatus>[] = [
    { id: 'up', label: t('move.up'), disabled: index === 0 },
    { id: 'down', label: t('move.down'), disabled: index >= columnSize - 1 },
    ...taskStatuses
      .filter((s) => s !== task.status)
      .map((s) => ({ id: s, label: t('move.to', { column: t(`columns.${s}`) }), disabled: false })),
  ];

  return (
    // The card itself takes focus: Alt+Arrow moves it (the menu offers the same without keys).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <article
      ref={ref}
      className={styles.card}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above
      tabIndex={0}
      aria-labelledby={titleId}
      aria-describedby={task.abilities.move ? hintId : undefined}
      aria-keyshortcuts={
        task.abilities.move ? 'Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown' : undefined
      }
      data-task-id={task.id}
      onKeyDown={onKeyDown}
    >
      <h4 id={titleId} className={styles.cardTitle}>
        {task.title}
      </h4>
      {task.description ? <p className={styles.description}>{task.description}</p> : null}
      {task.due ? (
        task.overdue ? (
          <p className={styles.overdue}>
            <AlertIcon /> <strong>{t('card.overdue')}</strong>
            {', '}
            <time dateTime={task.due}>
              {t('card.overdueDue', { date: formatDay(task.due, locale) })}
            </time>
          </p>
        ) : (
          <p className={styles.muted}>
            <time dateTime={task.due}>{t('card.due', { date: formatDay(task.due, locale) })}</time>
          </p>
        )
      ) : null}
      {task.assignees.length ? (
        <ul className={styles.assignees} aria-label={t('card.assignees')}>
          {task.assignees.map((p) => (
            <li key={p.id}>
              <Avatar
                initials={p.initials}
                photoUrl={p.photoUrl}
                size="small"
                label={p.displayName}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {task.abilities.move || task.abilities.edit || task.abilities.delete ? (
        <div className={styles.cardActions}>
          {task.abilities.move ? (
            <ActionMenu
              label={t('move.menuNamed', { title: task.title })}
              items={moveItems}
              placement="bottom start"
              onAction={(k) => onMove(task, k === 'up' || k === 'down' ? k : { to: k })}
            >
              {t('move.menu')}
            </ActionMenu>
          ) : null}
          {task.abilities.edit ? (
            <Button
              variant="tertiary"
              size="small"
              aria-label={t('actions.editNamed', { title: task.title })}
              onPress={() => onEdit(task)}
            >
              {t('actions.edit')}
            </Button>
          ) : null}
          {task.abilities.delete ? (
            <Button
              variant="tertiary"
              size="small"
              aria-label={t('actions.deleteNamed', { title: task.title })}
              onPress={() => onDelete(task)}
            >
              {t('actions.delete')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
});
