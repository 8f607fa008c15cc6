import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { taskStatuses, type TaskStatus } from '@shared/rooms/schemas';
import type { RoomDTO, TaskBoardDTO, TaskDTO } from '@shared/rooms/types';
import { findTask, keyboardMove, type TaskMove } from '@shared/rooms/task-board';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { roomKeys } from '../keys';
import { TaskCard, type CardMove } from './TaskCard';
import { TaskFormDialog } from './TaskFormDialog';
import { useDeleteTask, useMoveTask, useTaskBoard } from './queries';
import styles from './tasks.module.css';

type Dialog =
  { kind: 'create' } | { kind: 'edit'; task: TaskDTO } | { kind: 'delete'; task: TaskDTO } | null;

/** Where a card move goes: keyboard/menu directions as on the board, a column from the menu at its top. */
export function targetOf(board: TaskBoardDTO, task: TaskDTO, move: CardMove): TaskMove | null {
  if (typeof move === 'string') return keyboardMove(board.columns, task.id, move);
  return move.to === task.status ? null : { taskId: task.id, status: move.to, index: 0 };
}

/**
 * The room's task board: three columns with counts; cards move by keyboard (Alt+Arrow), by the
 * "Verschieben" menu, optimistically (a refusal rolls back with a message). Each move is
 * announced ("„X“ nach In Arbeit verschoben, Position 2 von 5") and focus stays on the card.
 */
export default function TasksTab({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('roomsTasks');
  const qc = useQueryClient();
  const { data, error, isPending } = useTaskBoard(room.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const [refusal, setRefusal] = useState<{ err: unknown; title: string } | null>(null);
  const headingId = useId();
  const hintId = useId();

  const titles = useRef(new Map<string, string>());
  const { move } = useMoveTask(room.id, (err, taskId) => {
    const title = titles.current.get(taskId) ?? '';
    setRefusal({ err, title });
    announce(t('move.failed', { title }));
  });

  const onMove = useCallback(
    (task: TaskDTO, m: CardMove) => {
      // The cache, not the render's copy: quick key presses build on the previous optimistic move.
      const board = qc.getQueryData<TaskBoardDTO>(roomKeys.tasks(room.id));
      const current = board ? findTask(board.columns, task.id)?.task : null;
      if (!board || !current) return;
      const target = targetOf(board, current, m);
      const next = target ? move(target) : null;
      const at = next ? findTask(next.columns, task.id) : null;
      if (!next || !at) {
        announce(t('move.edge', { title: task.title }));
        return;
      }
      titles.current.set(task.id, task.title);
      setRefusal(null);
      announce(
        t('move.moved', {
          title: task.title,
          column: t(`columns.${at.status}`),
          position: at.index + 1,
          count: next.columns[at.status].length,
        }),
      );
      setFocus((f) => ({ id: task.id, n: (f?.n ?? 0) + 1 }));
    },
    [qc, room.id, move, t],
  );
  const onEdit = useCallback((task: TaskDTO) => setDialog({ kind: 'edit', task }), []);
  const onDelete = useCallback((task: TaskDTO) => setDialog({ kind: 'delete', task }), []);
  const close = () => setDialog(null);
  const canWrite = room.abilities.contribute;

  return (
    <section className={styles.tab} aria-labelledby={headingId}>
      <div className={styles.toolbar}>
        <h2 id={headingId} className={styles.h2}>
          {t('title')}
        </h2>
        {canWrite ? (
          <Button variant="primary" onPress={() => setDialog({ kind: 'create' })}>
            {t('create')}
          </Button>
        ) : null}
      </div>
      {canWrite ? (
        <p id={hintId} className={styles.muted}>
          {t('keyboardHint')}
        </p>
      ) : (
        <p className={styles.muted}>{t('readOnly')}</p>
      )}
      {isPending ? <Spinner label={t('loading')} /> : null}
      <ErrorMessage error={error} />
      {refusal ? (
        <ErrorMessage error={refusal.err}>
          <p>{t('move.failed', { title: refusal.title })}</p>
        </ErrorMessage>
      ) : null}
      {data ? (
        <div className={styles.board}>
          {taskStatuses.map((status) => (
            <Column
              key={status}
              status={status}
              tasks={data.columns[status]}
              hintId={hintId}
              focus={focus}
              onMove={onMove}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          ))}
        </div>
      ) : null}

      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <TaskFormDialog
          key={dialog.kind === 'edit' ? dialog.task.id : 'new'}
          roomId={room.id}
          task={dialog.kind === 'edit' ? dialog.task : null}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDialog roomId={room.id} task={dialog.task} onClose={close} />
      ) : null}
    </section>
  );
}

function Column({
  status,
  tasks,
  hintId,
  focus,
  onMove,
  onEdit,
  onDelete,
}: {
  status: TaskStatus;
  tasks: TaskDTO[];
  hintId: string;
  focus: { id: string; n: number } | null;
  onMove: (task: TaskDTO, move: CardMove) => void;
  onEdit: (task: TaskDTO) => void;
  onDelete: (task: TaskDTO) => void;
}) {
  const { t } = useTranslation('roomsTasks');
  const id = useId();
  return (
    <section className={styles.column} aria-labelledby={id}>
      <h3 id={id} className={styles.columnTitle}>
        {t(`columns.${status}`)}{' '}
        <span className={styles.count} aria-hidden="true">
          {tasks.length}
        </span>
        <span className="visually-hidden">({t('count', { count: tasks.length })})</span>
      </h3>
      {tasks.length === 0 ? (
        <p className={styles.muted}>{t('emptyColumn')}</p>
      ) : (
        <ol className={styles.list}>
          {tasks.map((task, index) => (
            <li key={task.id}>
              <TaskCard
                task={task}
                index={index}
                columnSize={tasks.length}
                hintId={hintId}
                focusSignal={focus?.id === task.id ? focus.n : null}
                onMove={onMove}
                onEdit={onEdit}
                onDelete={onDelete}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function DeleteDialog({
  roomId,
  task,
  onClose,
}: {
  roomId: string;
  task: TaskDTO;
  onClose: () => void;
}) {
  const { t } = useTranslation('roomsTasks');
  const remove = useDeleteTask(roomId);
  return (
    <ConfirmDialog
      title={t('delete.title')}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      confirmLabel={t('delete.confirm')}
      danger
      focusCancel
      isPending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(
          { id: task.id },
          {
            onSuccess: () => {
              announce(t('delete.done', { title: task.title }));
              onClose();
            },
          },
        )
      }
    >
      <p>{t('delete.text', { title: task.title })}</p>
    </ConfirmDialog>
  );
}
