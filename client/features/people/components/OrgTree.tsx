import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDTO } from '@shared/org/types';
import { buildTree, visibleNodes, type UnitNode } from '../tree';
import styles from './OrgTree.module.css';

export interface OrgTreeProps {
  units: UnitDTO[];
  /** Opens a unit (Enter or click). */
  onOpen: (unitId: string) => void;
  expanded: ReadonlySet<string>;
  onExpandedChange: (next: Set<string>) => void;
  labelledBy: string;
  describedBy?: string;
}

/**
 * The organisation as a WAI-ARIA tree (single tab stop, roving tabindex): arrows move, Right
 * and Left expand and collapse or go to the child and parent, Home and End jump, Enter opens.
 */
export function OrgTree({
  units,
  onOpen,
  expanded,
  onExpandedChange,
  labelledBy,
  describedBy,
}: OrgTreeProps) {
  const { t } = useTranslation('people');
  const roots = useMemo(() => buildTree(units), [units]);
  const rows = useMemo(() => visibleNodes(roots, expanded), [roots, expanded]);
  const parentOf = useMemo(() => new Map(units.map((u) => [u.id, u.parentId])), [units]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = rows.some((r) => r.unit.id === activeId) ? activeId : (rows[0]?.unit.id ?? null);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const moved = useRef(false);

  useEffect(() => {
    if (moved.current && active) refs.current.get(active)?.focus();
    moved.current = false;
  }, [active]);

  const focus = (id: string | null | undefined) => {
    if (!id) return;
    moved.current = true;
    setActiveId(id);
    if (id === active) refs.current.get(id)?.focus();
  };
  const toggle = (node: UnitNode, open: boolean) => {
    const next = new Set(expanded);
    if (open) next.add(node.unit.id);
    else next.delete(node.unit.id);
    onExpandedChange(next);
  };

  const onKeyDown = (e: KeyboardEvent, node: UnitNode, index: number) => {
    const isOpen = expanded.has(node.unit.id);
    const hasChildren = node.children.length > 0;
    switch (e.key) {
      case 'ArrowDown':
        focus(rows[index + 1]?.unit.id);
        break;
      case 'ArrowUp':
        focus(rows[index - 1]?.unit.id);
        break;
      case 'Home':
        focus(rows[0]?.unit.id);
        break;
      case 'End':
        focus(rows[rows.length - 1]?.unit.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !isOpen) toggle(node, true);
        else if (hasChildren) focus(node.children[0]?.unit.id);
        break;
      case 'ArrowLeft':
        if (hasChildren && isOpen) toggle(node, false);
        else focus(parentOf.get(node.unit.id));
        break;
      case 'Enter':
        onOpen(node.unit.id);
        break;
      case '*': {
        const siblings = rows.filter((r) => parentOf.get(r.unit.id) === node.unit.parentId);
        onExpandedChange(new Set([...expanded, ...siblings.map((s) => s.unit.id)]));
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  // Position among siblings, for aria-posinset/aria-setsize.
  const siblingInfo = (node: UnitNode) => {
    const parent = node.unit.parentId;
    const list = parent ? rows.find((r) => r.unit.id === parent)?.children : roots;
    const set = list ?? [node];
    return { pos: set.indexOf(node) + 1, size: set.length };
  };

  return (
    <div
      role="tree"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={styles.tree}
    >
      {rows.map((node, index) => {
        const { unit } = node;
        const hasChildren = node.children.length > 0;
        const isOpen = expanded.has(unit.id);
        const { pos, size } = siblingInfo(node);
        return (
          <div
            key={unit.id}
            ref={(el) => {
              if (el) refs.current.set(unit.id, el);
              else refs.current.delete(unit.id);
            }}
            role="treeitem"
            aria-level={node.depth}
            aria-posinset={pos}
            aria-setsize={size}
            aria-expanded={hasChildren ? isOpen : undefined}
            aria-selected={unit.id === active}
            tabIndex={unit.id === active ? 0 : -1}
            className={styles.item}
            style={{ paddingInlineStart: `${(node.depth - 1) * 1.5 + 0.5}rem` }}
            onKeyDown={(e) => onKeyDown(e, node, index)}
            onFocus={() => setActiveId(unit.id)}
            onClick={() => onOpen(unit.id)}
          >
            {/* Mouse shortcut only: the keyboard expands with the arrow keys on the treeitem. */}
            <span
              className={`${styles.toggle} ${hasChildren ? '' : styles.leaf}`}
              aria-hidden="true"
              onClick={(e) => {
                if (!hasChildren) return;
                e.stopPropagation();
                toggle(node, !isOpen);
              }}
            >
              {hasChildren ? (
                <span className={isOpen ? styles.chevronOpen : styles.chevron} />
              ) : null}
            </span>
            <span className={styles.content}>
              <span className={styles.name}>
                {unit.number ? <span className={styles.number}>{unit.number}</span> : null}
                {unit.name}
              </span>
              <span className={styles.meta}>
                {unit.leader ? `${t('org.leader')}: ${unit.leader.displayName}` : t('org.noLeader')}
                <span aria-hidden="true"> · </span>
                <span className="visually-hidden">, </span>
                {t('org.members', { count: node.totalMembers })}
              </span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
