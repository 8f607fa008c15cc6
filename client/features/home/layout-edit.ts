import {
  widgetIds,
  type WidgetId,
  type WidgetPlacement,
  type WidgetSize,
} from '@shared/home/widgets';

/** Pure edits of a draft layout in customise mode (buttons and drag and drop share them). */

export function moveWidget(l: WidgetPlacement[], id: WidgetId, by: -1 | 1): WidgetPlacement[] {
  const i = l.findIndex((w) => w.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= l.length) return l;
  const next = [...l];
  [next[i], next[j]] = [next[j] as WidgetPlacement, next[i] as WidgetPlacement];
  return next;
}

export const resizeWidget = (l: WidgetPlacement[], id: WidgetId, size: WidgetSize) =>
  l.map((w) => (w.id === id ? { ...w, size } : w));

export const removeWidget = (l: WidgetPlacement[], id: WidgetId) => l.filter((w) => w.id !== id);

export const addWidget = (l: WidgetPlacement[], id: WidgetId, size: WidgetSize) =>
  l.some((w) => w.id === id) ? l : [...l, { id, size }];

/** Widgets from the catalogue that are not on the board. */
export const missingWidgets = (l: WidgetPlacement[]): WidgetId[] =>
  widgetIds.filter((id) => !l.some((w) => w.id === id));

export const sameLayout = (a: WidgetPlacement[], b: WidgetPlacement[]) =>
  a.length === b.length && a.every((w, i) => w.id === b[i]?.id && w.size === b[i]?.size);

/** Puts a widget at an index (drag and drop onto another card). */
export function moveToIndex(l: WidgetPlacement[], id: WidgetId, to: number): WidgetPlacement[] {
  const from = l.findIndex((w) => w.id === id);
  if (from < 0 || to < 0 || to >= l.length || from === to) return l;
  const next = [...l];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as WidgetPlacement);
  return next;
}
