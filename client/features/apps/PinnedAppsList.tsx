import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  DropIndicator,
  GridList,
  GridListItem,
  useDragAndDrop,
} from 'react-aria-components';
import type { AppDTO } from '@shared/apps/types';
import { Button } from '../../components/Button';
import { MenuIcon } from '../../components/icons';
import { AppIcon } from './AppIcon';
import { appDescription, appName } from './AppTile';
import styles from './apps.module.css';

export interface PinnedAppsListProps {
  apps: AppDTO[];
  /** The new order of the pinned apps' ids. */
  onChange: (ids: string[], announcement: string) => void;
  isDisabled?: boolean;
}

/** Reorders a list of ids: `moved` go before or after `target`. */
function reorder(ids: string[], moved: string[], target: string, where: 'before' | 'after') {
  const rest = ids.filter((id) => !moved.includes(id));
  const at = rest.indexOf(target);
  if (at < 0) return ids;
  const index = where === 'before' ? at : at + 1;
  return [...rest.slice(0, index), ...moved, ...rest.slice(index)];
}

/**
 * The pinned apps in order: drag (mouse, touch, or keyboard via the handle: Enter, arrows,
 * Enter) or the explicit "up" / "down" buttons; "unpin" removes one.
 */
export function PinnedAppsList({ apps, onChange, isDisabled }: PinnedAppsListProps) {
  const { t, i18n } = useTranslation('apps');
  const lang = i18n.resolvedLanguage;
  const ids = apps.map((a) => a.id);
  const nameOf = (id: string) => {
    const a = apps.find((x) => x.id === id);
    return a ? appName(a, lang) : '';
  };
  const move = (id: string, by: -1 | 1) => {
    const i = ids.indexOf(id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    const next = [...ids];
    [next[i], next[j]] = [next[j] as string, next[i] as string];
    onChange(next, t('announce.moved', { name: nameOf(id), position: j + 1, count: ids.length }));
  };
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => [...keys].map((key) => ({ 'text/plain': nameOf(String(key)) })),
    onReorder: (e) => {
      const moved = [...e.keys].map(String);
      const where = e.target.dropPosition === 'before' ? 'before' : 'after';
      const next = reorder(ids, moved, String(e.target.key), where);
      const first = moved[0] ?? '';
      onChange(
        next,
        t('announce.moved', {
          name: nameOf(first),
          position: next.indexOf(first) + 1,
          count: next.length,
        }),
      );
    },
    renderDropIndicator: (target) => (
      <DropIndicator target={target} className={styles.dropIndicator} />
    ),
    isDisabled,
  });

  return (
    <GridList
      aria-label={t('pinned.label')}
      items={apps}
      dragAndDropHooks={dragAndDropHooks}
      keyboardNavigationBehavior="tab"
      // Query data keeps unchanged objects (structural sharing): re-render rows on these too.
      dependencies={[ids.join(), isDisabled]}
      className={styles.list}
    >
      {(app) => {
        const name = appName(app, lang);
        const i = ids.indexOf(app.id);
        return (
          <GridListItem id={app.id} textValue={name} className={styles.row}>
            <AriaButton
              slot="drag"
              className={styles.handle}
              aria-label={t('pinned.drag', { name })}
            >
              <MenuIcon />
            </AriaButton>
            <span className={styles.rowIcon}>
              <AppIcon icon={app.icon} />
            </span>
            <span className={styles.rowText}>
              <span className={styles.rowName}>{name}</span>
              <span className={styles.muted}>{appDescription(app, lang)}</span>
            </span>
            <span className={styles.rowActions}>
              <Button
                size="small"
                isDisabled={isDisabled || i === 0}
                onPress={() => move(app.id, -1)}
                aria-label={t('pinned.up', { name })}
              >
                {t('pinned.upShort')}
              </Button>
              <Button
                size="small"
                isDisabled={isDisabled || i === ids.length - 1}
                onPress={() => move(app.id, 1)}
                aria-label={t('pinned.down', { name })}
              >
                {t('pinned.downShort')}
              </Button>
              <Button
                size="small"
                isDisabled={isDisabled}
                onPress={() =>
                  onChange(
                    ids.filter((x) => x !== app.id),
                    t('announce.unpinned', { name }),
                  )
                }
                aria-label={t('pinned.unpin', { name })}
              >
                {t('pinned.unpinShort')}
              </Button>
            </span>
          </GridListItem>
        );
      }}
    </GridList>
  );
}
