import type { ComponentType } from 'react';
import type { WidgetId, WidgetSize } from '@shared/home/widgets';
import { NewsWidget } from './widgets/NewsWidget';
import { AcknowledgeWidget } from './widgets/AcknowledgeWidget';
import { AppsWidget } from './widgets/AppsWidget';
import { NotificationsWidget } from './widgets/NotificationsWidget';
import { ChatsWidget } from './widgets/ChatsWidget';
import { QuickLinksWidget } from './widgets/QuickLinksWidget';
import { ProfileWidget } from './widgets/ProfileWidget';
import { LeaveWidget } from '../leave/LeaveWidget';
import { WikiWidget } from '../wiki/WikiWidget';
import { RoomsBoardWidget } from '../rooms/RoomsWidget';
import { DueTrainingsBoardWidget, MyCoursesBoardWidget } from './widgets/LearningWidgets';

export type { WidgetSize };

export interface HomeWidget {
  /** i18n key of the card heading (namespace `home`). */
  titleKey: string;
  /** i18n key of a one-line description (customise mode's catalogue). */
  descriptionKey: string;
  /** Renders the card body; the board draws the card and its heading. */
  component: ComponentType<{ size: WidgetSize }>;
  /**
   * Minimum body height in rem, for the card and its skeleton alike: the first paint reserves the
   * space, so nothing jumps when the data arrives.
   */
  minHeight: number;
}

/**
 * The client side of the widget registry: TypeScript demands one entry per id in
 * `shared/home/widgets.ts`. A feature adds its widget there, here, and (if it brings data into
 * the board's single round trip) in `server/modules/home/widget-data.ts`.
 */
export const homeWidgets: Record<WidgetId, HomeWidget> = {
  news: {
    titleKey: 'widgets.news.title',
    descriptionKey: 'widgets.news.description',
    component: NewsWidget,
    minHeight: 18,
  },
  acknowledge: {
    titleKey: 'widgets.acknowledge.title',
    descriptionKey: 'widgets.acknowledge.description',
    component: AcknowledgeWidget,
    minHeight: 8,
  },
  apps: {
    titleKey: 'widgets.apps.title',
    descriptionKey: 'widgets.apps.description',
    component: AppsWidget,
    minHeight: 8,
  },
  notifications: {
    titleKey: 'widgets.notifications.title',
    descriptionKey: 'widgets.notifications.description',
    component: NotificationsWidget,
    minHeight: 14,
  },
  chats: {
    titleKey: 'widgets.chats.title',
    descriptionKey: 'widgets.chats.description',
    component: ChatsWidget,
    minHeight: 8,
  },
  leave: {
    titleKey: 'widgets.leave.title',
    descriptionKey: 'widgets.leave.description',
    component: LeaveWidget,
    minHeight: 8,
  },
  wiki: {
    titleKey: 'widgets.wiki.title',
    descriptionKey: 'widgets.wiki.description',
    component: WikiWidget,
    minHeight: 8,
  },
  rooms: {
    titleKey: 'widgets.rooms.title',
    descriptionKey: 'widgets.rooms.description',
    component: RoomsBoardWidget,
    minHeight: 8,
  },
  'my-courses': {
    titleKey: 'widgets.myCourses.title',
    descriptionKey: 'widgets.myCourses.description',
    component: MyCoursesBoardWidget,
    minHeight: 8,
  },
  'due-trainings': {
    titleKey: 'widgets.dueTrainings.title',
    descriptionKey: 'widgets.dueTrainings.description',
    component: DueTrainingsBoardWidget,
    minHeight: 8,
  },
  'quick-links': {
    titleKey: 'widgets.quickLinks.title',
    descriptionKey: 'widgets.quickLinks.description',
    component: QuickLinksWidget,
    minHeight: 10,
  },
  profile: {
    titleKey: 'widgets.profile.title',
    descriptionKey: 'widgets.profile.description',
    component: ProfileWidget,
    minHeight: 6,
  },
};
