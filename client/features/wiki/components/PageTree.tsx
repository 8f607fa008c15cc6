import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Separator,
} from 'react-aria-components';
import type { SpaceTreeDTO, TreeNodeDTO } from '@shared/wiki/types';
import { ApiError } from '../../../lib/api';
import { announce } from '../../../components/LiveAnnouncer';
import { ChevronDownIcon, MoreIcon } from '../../../components/icons';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { wikiKeys } from '../keys';
import { useMovePage } from '../queries';
import {
  ancestorIds,
  applyMove,
  buildTree,
  childrenOf,
  moveTarget,
  typeAhead,
  visibleRows,
  type MoveKind,
} from '../tree-model';
import styles from './PageTree.module.css';

export type TreeAction = 'newChild' | 'moveTo' | 'copy' | 'archive';

export interface PageTreeProps {
  spaceId: string;
  nodes: TreeNodeDTO[];
  /** The open page: its ancestors start expanded and it is marked as current. */
  currentPageId?: string;
  /** Space ability `edit`: the actions menu and move shortcuts. */
  canOrganise: boolean;
  /** Dialog actions (new sub-page, move to, copy, archive) are handled by the parent. */
  onAction?: (action: TreeAction, node: TreeNodeDTO) => void;
  /** Enter / click: default navigates to the page. */
  onOpen?: (node: TreeNodeDTO) => void;
}

const moveKeys: Record<string, MoveKind> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowRight: 'indent',
  ArrowLeft: 'outdent',
};

/**
 * A space's page tree after the WAI-ARIA tree pattern: one tab stop, arrows move and expand,
 * Home/End, Enter opens, typing jumps to a title; Alt+Shift+arrows move the page (announced),
 * Shift+F10 opens its actions menu.
 */
export function PageTree({
  spaceId,
  nodes,
  currentPageId,
  canOrganise,
  onAction,
  onOpen,
}: PageTreeProps) {
  const { t } = useTranslation('wiki');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const move = useMovePage(spaceId);
  const model = useMemo(() => buildTree(nodes), [nodes]);
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(currentPageId ? ancestorIds(model, currentPageId) : []),
  );
  const [focusedId, setFocusedId] = useState<string | null>(currentPageId ?? null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<unknown>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const typed = useRef({ text: '', at: 0 });

  // Opening another page reveals it in the tree (adjusted while rendering, not in an effect).
  const [revealedFor, setRevealedFor] = useState(currentPageId);
  if (currentPageId !== revealedFor) {
    setRevealedFor(currentPageId);
    if (currentPageId) {
      const need = ancestorIds(model, currentPageId).filter((id) => !expanded.has(id));
      if (need.length) setExpanded(new Set([...expanded, ...need]));
    }
  }

  const rows = useMemo(() => visibleRows(model, expanded), [model, expanded]);
  const activeId =
    focusedId && rows.some((r) => r.node.id === focusedId) ? focusedId : (rows[0]?.node.id ?? null);

  const focusRow = (id: string) => {
    setFocusedId(id);
    // After the render that made it tabbable.
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus(),
    );
  };

  const open = (node: TreeNodeDTO) => (onOpen ? onOpen(node) : void navigate(`/wiki/p/${node.id}`));

  const toggle = (id: string, to?: boolean) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (to ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const doMove = (node: TreeNodeDTO, kind: MoveKind) => {
    const to = moveTarget(model, node.id, kind);
    if (!to) {
      announce(t('tree.cannotMove'));
      return;
    }
    setMoveError(null);
    const key = wikiKeys.tree(spaceId);
    qc.setQueryData<SpaceTreeDTO>(key, (old) =>
      old ? { ...old, nodes: applyMove(old.nodes, node.id, to) } : old,
    );
    if (to.parentId) toggle(to.parentId, true);
    const parentTitle = to.parentId ? model.byId.get(to.parentId)?.title : null;
    const siblings = childrenOf(model, to.parentId).filter((n) => n.id !== node.id).length + 1;
    move.mutate(
      { pageId: node.id, rev: node.rev, parentId: to.parentId, index: to.index },
      {
        onSuccess: () =>
          announce(
            parentTitle
              ? t('tree.movedUnder', {
                  title: node.title,
                  pos: to.index + 1,
                  count: siblings,
                  parent: parentTitle,
                })
              : t('tree.movedTop', { title: node.title, pos: to.index + 1, count: siblings }),
          ),
        onError: (err) => {
          setMoveError(err);
          announce(
            err instanceof ApiError && err.code === 'stale_copy'
              ? t('tree.moveStale')
              : t('tree.moveFailed'),
          );
        },
      },
    );
    focusRow(node.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in the actions menu (a portal) bubble here through React: not ours.
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'treeitem') return;
    const i = rows.findIndex((r) => r.node.id === activeId);
    const row = rows[i];
    if (!row) return;
    const { node } = row;
    if (e.altKey && e.shiftKey && moveKeys[e.key]) {
      e.preventDefault();
      if (canOrganise) doMove(node, moveKeys[e.key] as MoveKind);
      return;
    }
    if ((e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu') {
      if (canOrganise) {
        e.preventDefault();
        setMenuFor(node.id);
      }
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const hasKids = childrenOf(model, node.id).length > 0;
    const go = (j: number) => {
      const target = rows[j];
      if (target) {
        e.preventDefault();
        focusRow(target.node.id);
      }
    };
    switch (e.key) {
      case 'ArrowDown':
        return go(i + 1);
      case 'ArrowUp':
        return go(i - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(rows.length - 1);
      case 'ArrowRight':
        e.preventDefault();
        if (!hasKids) return;
        if (!expanded.has(node.id)) return toggle(node.id, true);
        return go(i + 1);
      case 'ArrowLeft':
        e.preventDefault();
        if (hasKids && expanded.has(node.id)) return toggle(node.id, false);
        if (node.parentId) focusRow(node.parentId);
        return;
      case 'Enter':
        e.preventDefault();
        return open(node);
      case '*': {
        e.preventDefault();
        const sibs = childrenOf(model, node.parentId).filter((s) => childrenOf(model, s.id).length);
        setExpanded((old) => new Set([...old, ...sibs.map((s) => s.id)]));
        return;
      }
      default:
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const now = e.timeStamp;
          typed.current =
            now - typed.current.at < 700
              ? { text: typed.current.text + e.key, at: now }
              : { text: e.key, at: now };
          const j = typeAhead(rows, typed.current.text.length > 1 ? i - 1 : i, typed.current.text);
          if (j !== null) go(j);
        }
    }
  };

  if (rows.length === 0) return <p className={styles.empty}>{t('tree.empty')}</p>;

  return (
    <div className={styles.wrap}>
      <p id={`tree-help-${spaceId}`} className={styles.help}>
        {canOrganise ? t('tree.helpOrganise') : t('tree.help')}
      </p>
      {moveError ? <ErrorMessage error={moveError} /> : null}
      {/* Roving tab stop: the items are focusable, the tree itself is not (WAI-ARIA tree pattern). */}
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus */}
      <div
        ref={listRef}
        role="tree"
        aria-label={t('tree.label')}
        aria-describedby={`tree-help-${spaceId}`}
        className={styles.tree}
        onKeyDown={onKeyDown}
      >
        {rows.map(({ node, level, setSize, pos }) => {
          const hasKids = childrenOf(model, node.id).length > 0;
          const isOpen = expanded.has(node.id);
          const labelId = `tree-${node.id}`;
          return (
            <div
              key={node.id}
              role="treeitem"
              data-id={node.id}
              aria-level={level}
              aria-setsize={setSize}
              aria-posinset={pos}
              aria-expanded={hasKids ? isOpen : undefined}
              aria-selected={node.id === currentPageId}
              aria-current={node.id === currentPageId ? 'page' : undefined}
              aria-labelledby={labelId}
              tabIndex={node.id === activeId ? 0 : -1}
              className={`${styles.item} ${node.id === currentPageId ? styles.current : ''}`}
              style={{ paddingInlineStart: `${(level - 1) * 1.1}rem` }}
              onFocus={(e) => {
                if (e.target === e.currentTarget) setFocusedId(node.id);
              }}
            >
              <span className={styles.row}>
                {/* Mouse help only: keyboard users expand with the arrow keys on the item. */}
                <span
                  className={`${styles.twisty} ${isOpen ? styles.open : ''}`}
                  aria-hidden="true"
                  onClick={() => hasKids && toggle(node.id)}
                >
                  {hasKids ? <ChevronDownIcon /> : null}
                </span>
                {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- Enter on the item opens it */}
                <span
                  id={labelId}
                  className={styles.title}
                  onClick={() => {
                    setFocusedId(node.id);
                    open(node);
                  }}
                >
                  {node.title}
                  {node.restricted ? (
                    <span className={styles.badge}> {t('tree.restricted')}</span>
                  ) : null}
                  {node.reviewPending ? (
                    <span className={styles.badge}> {t('tree.reviewPending')}</span>
                  ) : null}
                </span>
                {canOrganise ? (
                  <MenuTrigger
                    isOpen={menuFor === node.id}
                    onOpenChange={(o) => {
                      setMenuFor(o ? node.id : null);
                      if (!o) focusRow(node.id);
                    }}
                  >
                    <AriaButton
                      excludeFromTabOrder
                      className={styles.more}
                      aria-label={t('tree.actionsFor', { title: node.title })}
                    >
                      <MoreIcon />
                    </AriaButton>
                    <Popover className={styles.popover} placement="bottom end">
                      <Menu
                        className={styles.menu}
                        aria-label={t('tree.actionsFor', { title: node.title })}
                        disabledKeys={(['up', 'down', 'indent', 'outdent'] as MoveKind[]).filter(
                          (k) => !moveTarget(model, node.id, k),
                        )}
                        onAction={(key) => {
                          const k = String(key);
                          if (k in { up: 1, down: 1, indent: 1, outdent: 1 })
                            doMove(node, k as MoveKind);
                          else onAction?.(k as TreeAction, node);
                        }}
                      >
                        <MenuItem id="newChild" className={styles.menuItem}>
                          {t('tree.newChild')}
                        </MenuItem>
                        <Separator className={styles.sep} />
                        <MenuItem id="up" className={styles.menuItem}>
                          {t('tree.up')}
                        </MenuItem>
                        <MenuItem id="down" className={styles.menuItem}>
                          {t('tree.down')}
                        </MenuItem>
                        <MenuItem id="indent" className={styles.menuItem}>
                          {t('tree.indent')}
                        </MenuItem>
                        <MenuItem id="outdent" className={styles.menuItem}>
                          {t('tree.outdent')}
                        </MenuItem>
                        <MenuItem id="moveTo" className={styles.menuItem}>
                          {t('tree.moveTo')}
                        </MenuItem>
                        <Separator className={styles.sep} />
                        <MenuItem id="copy" className={styles.menuItem}>
                          {t('tree.copy')}
                        </MenuItem>
                        <MenuItem id="archive" className={styles.menuItem}>
                          {t('tree.archive')}
                        </MenuItem>
                      </Menu>
                    </Popover>
                  </MenuTrigger>
                ) : null}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
