import { describe, expect, it } from 'vitest';
import type { WidgetPlacement } from '@shared/home/widgets';
import {
  addWidget,
  missingWidgets,
  moveToIndex,
  moveWidget,
  removeWidget,
  resizeWidget,
  sameLayout,
} from './layout-edit';

const l: WidgetPlacement[] = [
  { id: 'news', size: 'large' },
  { id: 'apps', size: 'small' },
  { id: 'profile', size: 'medium' },
];
const ids = (x: WidgetPlacement[]) => x.map((w) => w.id);

describe('layout edits', () => {
  it('moves one step and not past the ends', () => {
    expect(ids(moveWidget(l, 'apps', -1))).toEqual(['apps', 'news', 'profile']);
    expect(ids(moveWidget(l, 'apps', 1))).toEqual(['news', 'profile', 'apps']);
    expect(moveWidget(l, 'news', -1)).toBe(l);
    expect(moveWidget(l, 'profile', 1)).toBe(l);
  });

  it('drops a widget at another one’s place', () => {
    expect(ids(moveToIndex(l, 'profile', 0))).toEqual(['profile', 'news', 'apps']);
    expect(ids(moveToIndex(l, 'news', 2))).toEqual(['apps', 'profile', 'news']);
    expect(moveToIndex(l, 'news', 0)).toBe(l);
    expect(moveToIndex(l, 'acknowledge', 1)).toBe(l);
  });

  it('resizes, removes and adds once', () => {
    expect(resizeWidget(l, 'apps', 'large')[1]).toEqual({ id: 'apps', size: 'large' });
    expect(ids(removeWidget(l, 'news'))).toEqual(['apps', 'profile']);
    expect(ids(addWidget(l, 'acknowledge', 'medium'))).toEqual([
      'news',
      'apps',
      'profile',
      'acknowledge',
    ]);
    expect(addWidget(l, 'news', 'small')).toBe(l);
  });

  it('lists the catalogue’s widgets that are not on the board', () => {
    expect(missingWidgets(l)).toEqual([
      'acknowledge',
      'notifications',
      'chats',
      'leave',
      'wiki',
      'rooms',
      'my-courses',
      'due-trainings',
      'quick-links',
    ]);
  });

  it('compares layouts by order and size', () => {
    expect(
      sameLayout(
        l,
        l.map((w) => ({ ...w })),
      ),
    ).toBe(true);
    expect(sameLayout(l, resizeWidget(l, 'news', 'small'))).toBe(false);
    expect(sameLayout(l, moveWidget(l, 'apps', 1))).toBe(false);
  });
});
