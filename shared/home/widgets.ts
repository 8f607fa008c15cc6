/**
 * The start page's widget catalogue: the one list of widget ids. A feature adds its widget here
 * and then TypeScript asks for its entry in the client registry (`client/features/home/widgets.ts`)
 * and, if it brings data into the board's single round trip, in the server's
 * (`server/modules/home/widget-data.ts`).
 */
export const widgetIds = [
  'news',
  'acknowledge',
  'apps',
  'notifications',
  'chats',
  'leave',
  'wiki',
  'rooms',
  'my-courses',
  'due-trainings',
  'quick-links',
  'profile',
] as const;
export type WidgetId = (typeof widgetIds)[number];

/** Widths: small = one column, medium = two, large = the full row (phones: always one). */
export const widgetSizes = ['small', 'medium', 'large'] as const;
export type WidgetSize = (typeof widgetSizes)[number];

export interface WidgetPlacement {
  id: WidgetId;
  size: WidgetSize;
}

/** The built-in default when no admin-defined layout matches the person. */
export const builtInLayout: WidgetPlacement[] = [
  { id: 'news', size: 'large' },
  { id: 'acknowledge', size: 'medium' },
  { id: 'apps', size: 'small' },
  { id: 'notifications', size: 'medium' },
  { id: 'chats', size: 'small' },
  { id: 'leave', size: 'small' },
  { id: 'wiki', size: 'small' },
  { id: 'rooms', size: 'small' },
  { id: 'due-trainings', size: 'small' },
  { id: 'my-courses', size: 'small' },
  { id: 'quick-links', size: 'small' },
  { id: 'profile', size: 'small' },
];
