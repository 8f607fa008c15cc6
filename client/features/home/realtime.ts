import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { HomeBoardDTO } from '@shared/home/types';
import type { ServerToClientEvents } from '@shared/realtime/events';
import type { PortalSocket } from '../../lib/socket';
import { listenToServer } from '../../lib/socket-events';
import { appsKeys } from '../apps/queries';
import { removeNewsFromBoard, upsertNewsInBoard, type BoardPatch } from './board-cache';
import { homeKeys } from './queries';

type LayoutPayload = Parameters<ServerToClientEvents['home:layout']>[0];
type UpsertPayload = Parameters<ServerToClientEvents['news:upsert']>[0];
type RemovedPayload = Parameters<ServerToClientEvents['news:removed']>[0];

function patchBoard(qc: QueryClient, patch: (b: HomeBoardDTO) => BoardPatch): void {
  const board = qc.getQueryData<HomeBoardDTO>(homeKeys.board());
  if (!board) return;
  const next = patch(board);
  qc.setQueryData(homeKeys.board(), next.board);
  if (next.refetch) void qc.invalidateQueries({ queryKey: homeKeys.board() });
}

/** `home:layout` from another tab or device: take it unless this tab already has it. */
export function onHomeLayout(qc: QueryClient, { layout }: LayoutPayload): void {
  qc.setQueryData<HomeBoardDTO>(homeKeys.board(), (old) =>
    old && (old.layout.rev !== layout.rev || layout.rev === 0) ? { ...old, layout } : old,
  );
}

export const onBoardNewsUpsert = (qc: QueryClient, { article }: UpsertPayload) =>
  patchBoard(qc, (b) => upsertNewsInBoard(b, article));

export const onBoardNewsRemoved = (qc: QueryClient, { id }: RemovedPayload) =>
  patchBoard(qc, (b) => removeNewsFromBoard(b, id));

/** The start page's live updates (the news feature patches its own lists in `news/realtime.ts`). */
export function useHomeRealtime(socket: PortalSocket | null): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    return listenToServer(
      socket,
      {
        'home:layout': (p: LayoutPayload) => onHomeLayout(qc, p),
        'news:upsert': (p: UpsertPayload) => onBoardNewsUpsert(qc, p),
        'news:removed': (p: RemovedPayload) => onBoardNewsRemoved(qc, p),
        'apps:changed': () => {
          void qc.invalidateQueries({ queryKey: appsKeys.all });
          void qc.invalidateQueries({ queryKey: homeKeys.board() });
        },
      },
      () => {
        void qc.invalidateQueries({ queryKey: homeKeys.all });
        void qc.invalidateQueries({ queryKey: appsKeys.all });
      },
    );
  }, [socket, qc]);
}
