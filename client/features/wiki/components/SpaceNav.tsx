import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronDownIcon } from '../../../components/icons';
import type { TreeNodeDTO } from '@shared/wiki/types';
import { useTree } from '../queries';
import { ancestorIds, buildTree, childrenOf, type TreeModel } from '../tree-model';
import styles from '../wiki.module.css';

/** More pages than this on one level are left to the space page ("Alle Seiten"). */
export const NAV_LEVEL_MAX = 30;

/** Open on wide screens (beside the text), closed on phones (below it). */
const wide = () =>
  typeof window !== 'undefined' && !!window.matchMedia?.('(min-width: 64rem)').matches;

function Level({
  model,
  parent,
  open,
  currentId,
}: {
  model: TreeModel;
  parent: string | null;
  /** The current page and its ancestors: their children are shown. */
  open: ReadonlySet<string>;
  currentId: string;
}) {
  // Templates only when the way to this page leads through one (reading a template).
  const all = childrenOf(model, parent).filter((n) => !n.isTemplate || open.has(n.id));
  if (all.length === 0) return null;
  // Keep the way to the current page even when a level is cut short.
  const shown: TreeNodeDTO[] = all.slice(0, NAV_LEVEL_MAX);
  const onPath = all.find((n) => open.has(n.id));
  if (onPath && !shown.includes(onPath)) shown.push(onPath);
  return (
    <ul className={styles.navList}>
      {shown.map((n) => (
        <li key={n.id}>
          {n.id === currentId ? (
            <span aria-current="page" className={styles.navCurrent}>
              {n.title}
            </span>
          ) : (
            <Link to={`/wiki/p/${n.id}`}>{n.title}</Link>
          )}
          {open.has(n.id) ? (
            <Level model={model} parent={n.id} open={open} currentId={currentId} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Seiten in diesem Bereich": the space's top pages, the way down to this page with the siblings
 * on each level, and this page's sub-pages. Built from the same tree query as the space page, so
 * the live tree updates reach it too.
 */
export function SpaceNav({
  spaceId,
  spaceName,
  pageId,
}: {
  spaceId: string;
  spaceName: string;
  pageId: string;
}) {
  const { t } = useTranslation('wiki');
  const id = useId();
  const tree = useTree(spaceId);
  const [open, setOpen] = useState(wide);
  if (!tree.data) return null;
  const model = buildTree(tree.data.nodes);
  if (!model.byId.has(pageId)) return null;
  const path = new Set([...ancestorIds(model, pageId), pageId]);
  return (
    <nav aria-labelledby={`${id}-h`} className={`${styles.spaceNav} wiki-noprint`}>
      <h2 id={`${id}-h`} className={styles.tocTitle}>
        <button
          type="button"
          className={styles.navToggle}
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen((o) => !o)}
        >
          <ChevronDownIcon aria-hidden="true" />
          {t('page.spaceNav')}
        </button>
      </h2>
      <div id={`${id}-body`} className={styles.navBody} hidden={!open}>
        <Level model={model} parent={null} open={path} currentId={pageId} />
        <p className={styles.navAll}>
          <Link to={`/wiki/spaces/${spaceId}`}>{t('page.allPages', { space: spaceName })}</Link>
        </p>
      </div>
    </nav>
  );
}
