import { widgetIds, widgetSizes, type WidgetPlacement } from '@shared/home/widgets';

const key = (userId: string) => `portal.home-layout.${userId}`;

/**
 * The last layout this browser showed the person, so the first paint's skeletons already have
 * the right sizes and order (no layout shift when the board arrives). Only a hint: never trusted.
 */
export function rememberedLayout(userId: string): WidgetPlacement[] | null {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(key(userId)) ?? 'null');
    if (!Array.isArray(raw)) return null;
    return raw.filter(
      (w): w is WidgetPlacement =>
        typeof w === 'object' &&
        w !== null &&
        (widgetIds as readonly unknown[]).includes((w as WidgetPlacement).id) &&
        (widgetSizes as readonly unknown[]).includes((w as WidgetPlacement).size),
    );
  } catch {
    return null;
  }
}

export function rememberLayout(userId: string, widgets: WidgetPlacement[]): void {
  try {
    window.localStorage.setItem(
      key(userId),
      JSON.stringify(widgets.map((w) => ({ id: w.id, size: w.size }))),
    );
  } catch {
    // Storage full or disabled: the hint is optional.
  }
}
