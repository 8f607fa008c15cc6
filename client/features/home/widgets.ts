import type { ComponentType } from 'react';
import { NotificationsWidget } from './widgets/NotificationsWidget';
import { QuickLinksWidget } from './widgets/QuickLinksWidget';
import { ProfileWidget } from './widgets/ProfileWidget';

export type WidgetSize = 'small' | 'medium' | 'large';

export interface HomeWidget {
  id: string;
  /** i18n key of the card heading (namespace `home`). */
  titleKey: string;
  /** Renders the card body; the start page draws the card and its heading. */
  component: ComponentType;
  /** Width on wide screens: small = 1 column, medium = 2, large = full row. */
  defaultSize: WidgetSize;
}

/** The start page's cards, in order. A feature adds its widget with one entry here. */
export const homeWidgets: HomeWidget[] = [
  {
    id: 'notifications',
    titleKey: 'widgets.notifications.title',
    component: NotificationsWidget,
    defaultSize: 'medium',
  },
  {
    id: 'quick-links',
    titleKey: 'widgets.quickLinks.title',
    component: QuickLinksWidget,
    defaultSize: 'small',
  },
  {
    id: 'profile',
    titleKey: 'widgets.profile.title',
    component: ProfileWidget,
    defaultSize: 'small',
  },
];
