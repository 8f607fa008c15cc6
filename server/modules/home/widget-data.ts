import type { HomeBoardDTO } from '@shared/home/types';
import type { WidgetId } from '@shared/home/widgets';
import type { CurrentUser } from '../auth/current-user';
import { pinnedApps, type SubjectSource } from '../apps/apps.service';
import { newsForHome, openAcknowledgements } from '../news/news.feed';
import type { NewsViewer } from '../news/news.policy';
import { chatUnreadSummary } from '../chat/summary.service';
import { leaveWidget } from '../leave/leave.widget';
import { wikiWidget } from '../wiki/wiki.widget';
import { roomsWidget } from '../rooms/rooms.widget';
import { myCoursesWidget } from '../learning/progress/widget';
import { dueTrainingsWidget } from '../learning/mandatory/widget';

type BoardData = HomeBoardDTO['data'];

export interface WidgetDataContext {
  user: CurrentUser;
  /** The person's audience subject, computed at most once per board. */
  subject: SubjectSource;
  /** The person as the news policy sees them, computed at most once per board. */
  newsViewer: () => Promise<NewsViewer>;
}

type Loader<T> = (ctx: WidgetDataContext) => Promise<T>;

/**
 * The server side of the widget registry: for every widget id, how its data joins the board's
 * single round trip (`null`: the widget loads nothing here, e.g. it reads the signed-in person or
 * has its own live query). TypeScript demands an entry for every id in `shared/home/widgets.ts`,
 * and a loader exactly for the ids that have a slot in `HomeBoardDTO['data']`.
 */
export type WidgetDataRegistry = {
  [K in WidgetId]: K extends keyof BoardData ? Loader<BoardData[K]> : null;
};

export const HOME_NEWS_LIMIT = 6;
/** "To acknowledge" shows this many and the total. */
export const HOME_ACK_LIMIT = 5;

export const widgetData: WidgetDataRegistry = {
  news: async ({ user, newsViewer }) => newsForHome(user, HOME_NEWS_LIMIT, await newsViewer()),
  acknowledge: async ({ user, newsViewer }) =>
    openAcknowledgements(user, HOME_ACK_LIMIT, await newsViewer()),
  apps: ({ user, subject }) => pinnedApps(user, subject),
  notifications: null,
  chats: ({ user }) => chatUnreadSummary(user),
  leave: ({ user }) => leaveWidget(user),
  wiki: ({ user }) => wikiWidget(user),
  rooms: ({ user }) => roomsWidget(user),
  'my-courses': ({ user }) => myCoursesWidget(user),
  'due-trainings': ({ user }) => dueTrainingsWidget(user),
  'quick-links': null,
  profile: null,
};

/** Runs every loader in parallel (a widget added in customise mode then already has its data). */
export async function loadBoardData(ctx: WidgetDataContext): Promise<BoardData> {
  const entries = await Promise.all(
    (Object.entries(widgetData) as [WidgetId, Loader<unknown> | null][]).map(
      async ([id, load]) => [id, load ? await load(ctx) : undefined] as const,
    ),
  );
  const data: Partial<Record<WidgetId, unknown>> = {};
  for (const [id, value] of entries) if (value !== undefined) data[id] = value;
  return data as BoardData;
}
