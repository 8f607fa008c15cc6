import type { AppDTO } from '../apps/types';
import type { ChatUnreadSummaryDTO } from '../chat/types';
import type { LeaveWidgetDTO } from '../leave/types';
import type { NewsSummaryDTO } from '../news/types';
import type { WikiWidgetDTO } from '../wiki/types';
import type { RoomsWidgetDTO } from '../rooms/types';
import type { DueTrainingsWidgetDTO, MyCoursesWidgetDTO } from '../learning/types';
import type { Audience } from '../org/audience';
import type { WidgetPlacement } from './widgets';

/** `GET /api/home`: the board and its widgets' data in one round trip. */
export interface HomeBoardDTO {
  layout: {
    widgets: WidgetPlacement[];
    /** 0 while the person uses a default layout. */
    rev: number;
    /** Where the layout comes from. */
    source: 'personal' | 'default' | 'built-in';
  };
  data: {
    /** "News for me": pinned first, then newest (up to 6). */
    news: NewsSummaryDTO[];
    /**
     * Mandatory articles the viewer has not yet acknowledged: the first few by earliest deadline,
     * and how many are open in all.
     */
    acknowledge: { items: NewsSummaryDTO[]; total: number };
    /** The viewer's pinned apps in their order. */
    apps: AppDTO[];
    /** "My chats": unread total and the newest conversations with unread messages. */
    chats: ChatUnreadSummaryDTO;
    /**
     * "My leave": this year's balance, the next approved leave, the deciders' inbox count (always
     * sent by the server; optional only so that boards built before the leave card still type-check).
     */
    leave?: LeaveWidgetDTO;
    /** "Wiki": recently changed watched and readable pages, and the review count (optional as `leave`). */
    wiki?: WikiWidgetDTO;
    /** "Meine Räume": my rooms with unread activity first, join requests waiting (optional as `leave`). */
    rooms?: RoomsWidgetDTO;
    /** "Meine Kurse": courses in progress and upcoming confirmed sessions (optional as `leave`). */
    'my-courses'?: MyCoursesWidgetDTO;
    /** "Fällige Schulungen": my open mandatory trainings by deadline (optional as `leave`). */
    'due-trainings'?: DueTrainingsWidgetDTO;
  };
  abilities: { manageDefaults: boolean; manageApps: boolean };
}

export interface DefaultLayoutDTO {
  id: string;
  name: string;
  audience: Audience;
  priority: number;
  widgets: WidgetPlacement[];
  abilities: { update: boolean; delete: boolean };
}
