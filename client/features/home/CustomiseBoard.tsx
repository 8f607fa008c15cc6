import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  GridList,
  GridListItem,
  ToggleButton,
  useDragAndDrop,
} from 'react-aria-components';
import { widgetSizes, type WidgetId, type WidgetPlacement } from '@shared/home/widgets';
import { buttonClassName, Button } from '../../components/Button';
import { MenuIcon } from '../../components/icons';
import { announce } from '../../components/LiveAnnouncer';
import { homeWidgets } from './widgets';
import { moveToIndex, moveWidget, removeWidget, resizeWidget } from './layout-edit';
import { useFocusRequest } from './focus-request';
import styles from './HomePage.module.css';

const WIDGET_TYPE = 'application/x-portal-widget';
type Control = 'up' | 'down' | 'remove' | 'drag';

export const controlId = (id: WidgetId, control: Control) => `home-edit-${id}-${control}`;

/** Focuses the first enabled control of the given ones once React has rendered. */
export interface CustomiseBoardProps {
  draft: WidgetPlacement[];
  onChange: (next: WidgetPlacement[]) => void;
  /** Where focus goes when nothing is left to focus in the list. */
  fallbackFocusId: string;
}

/**
 * The board in customise mode: a grid list of the widgets, each with a drag handle (mouse,
 * touch; keyboard: Enter on the handle, arrows to the target, Enter), "earlier" / "later",
 * three widths and "remove". Every change is announced.
 */
export function CustomiseBoard({ draft, onChange, fallbackFocusId }: CustomiseBoardProps) {
  const { t } = useTranslation('home');
  const focus = useFocusRequest();
  const title = (id: WidgetId) => t(homeWidgets[id].titleKey);
  // Drops resolve asynchronously: read the latest draft, not the one of the drag's start.
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);

  const move = (id: WidgetId, by: -1 | 1) => {
    const next = moveWidget(draft, id, by);
    if (next === draft) return;
    onChange(next);
    const position = next.findIndex((w) => w.id === id) + 1;
    announce(t('customise.moved', { name: title(id), position, count: next.length }));
    const prefer: Control[] = by < 0 ? ['up', 'down'] : ['down', 'up'];
    focus(prefer.map((c) => controlId(id, c)));
  };

  const remove = (id: WidgetId) => {
    const i = draft.findIndex((w) => w.id === id);
    const next = removeWidget(draft, id);
    onChange(next);
    announce(t('customise.removed', { name: title(id) }));
    const neighbour = next[i] ?? next[i - 1];
    focus(neighbour ? [controlId(neighbour.id, 'remove')] : [fallbackFocusId]);
  };

  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) =>
      [...keys].map((key) => ({
        [WIDGET_TYPE]: String(key),
        'text/plain': title(String(key) as WidgetId),
      })),
    acceptedDragTypes: [WIDGET_TYPE],
    // Dropping on a card puts the dragged one in its place (a grid has no gaps to drop into).
    onItemDrop: async (e) => {
      if (e.target.dropPosition !== 'on') return;
      const item = e.items[0];
      if (!item || item.kind !== 'text') return;
      const moved = (await item.getText(WIDGET_TYPE)) as WidgetId;
      const current = draftRef.current;
      const to = current.findIndex((w) => w.id === e.target.key);
      const next = moveToIndex(current, moved, to);
      if (next === current) return;
      onChange(next);
      announce(t('customise.moved', { name: title(moved), position: to + 1, count: next.length }));
    },
    shouldAcceptItemDrop: (target) => target.dropPosition === 'on',
  });

  return (
    <div className={styles.wrap}>
      <GridList
        aria-label={t('customise.listLabel')}
        items={draft}
        dragAndDropHooks={dragAndDropHooks}
        keyboardNavigationBehavior="tab"
        layout="grid"
        // Rows render from `draft`; their buttons also depend on neighbours (first / last).
        dependencies={[draft]}
        className={styles.editGrid}
        renderEmptyState={() => <p className={styles.editMuted}>{t('customise.empty')}</p>}
      >
        {(w) => {
          const name = title(w.id);
          const i = draft.findIndex((x) => x.id === w.id);
          return (
            <GridListItem
              id={w.id}
              textValue={name}
              className={({ isDropTarget }) =>
                `${styles.editItem} ${styles[w.size]} ${isDropTarget ? styles.dropIndicator : ''}`
              }
            >
              <div className={styles.editHeader}>
                <AriaButton
                  slot="drag"
                  id={controlId(w.id, 'drag')}
                  className={styles.handle}
                  aria-label={t('customise.drag', { name })}
                >
                  <MenuIcon />
                </AriaButton>
                <h3 className={styles.editTitle}>{name}</h3>
              </div>
              <p className={styles.editMuted}>{t(homeWidgets[w.id].descriptionKey)}</p>
              <div
                role="group"
                aria-label={t('customise.sizeOf', { name })}
                className={styles.sizeGroup}
              >
                {widgetSizes.map((size) => (
                  <ToggleButton
                    key={size}
                    isSelected={w.size === size}
                    onChange={() => {
                      if (w.size === size) return;
                      onChange(resizeWidget(draft, w.id, size));
                      announce(t('customise.resized', { name, size: t(`size.${size}`) }));
                    }}
                    className={`${buttonClassName({ size: 'small' })} ${styles.sizeButton}`}
                  >
                    {t(`size.${size}`)}
                  </ToggleButton>
                ))}
              </div>
              <div className={styles.controls}>
                <Button
                  size="small"
                  id={controlId(w.id, 'up')}
                  isDisabled={i === 0}
                  onPress={() => move(w.id, -1)}
                  aria-label={t('customise.up', { name })}
                >
                  {t('customise.upShort')}
                </Button>
                <Button
                  size="small"
                  id={controlId(w.id, 'down')}
                  isDisabled={i === draft.length - 1}
                  onPress={() => move(w.id, 1)}
                  aria-label={t('customise.down', { name })}
                >
                  {t('customise.downShort')}
                </Button>
                <Button
                  size="small"
                  variant="danger"
                  id={controlId(w.id, 'remove')}
                  onPress={() => remove(w.id)}
                  aria-label={t('customise.remove', { name })}
                >
                  {t('customise.removeShort')}
                </Button>
              </div>
            </GridListItem>
          );
        }}
      </GridList>
    </div>
  );
}
