import type { TreeNodeDTO } from '@shared/wiki/types';

/** The tree as the client walks it: children per parent (sorted by index) and each node by id. */
export interface TreeModel {
  byId: Map<string, TreeNodeDTO>;
  children: Map<string | null, TreeNodeDTO[]>;
}

export function buildTree(nodes: TreeNodeDTO[]): TreeModel {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string | null, TreeNodeDTO[]>();
  for (const n of nodes) {
    // A node whose parent the viewer cannot see is not shown (the server leaves them out anyway).
    if (n.parentId !== null && !byId.has(n.parentId)) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.index - b.index);
  return { byId, children };
}

export const childrenOf = (m: TreeModel, id: string | null) => m.children.get(id) ?? [];

/** Rows in reading order, descending only into expanded nodes. */
export function visibleRows(m: TreeModel, expanded: ReadonlySet<string>) {
  const rows: { node: TreeNodeDTO; level: number; setSize: number; pos: number }[] = [];
  const walk = (parent: string | null, level: number) => {
    const list = childrenOf(m, parent);
    list.forEach((node, i) => {
      rows.push({ node, level, setSize: list.length, pos: i + 1 });
      if (expanded.has(node.id)) walk(node.id, level + 1);
    });
  };
  walk(null, 1);
  return rows;
}

/** Ids from the top down to (excluding) `id`. */
export function ancestorIds(m: TreeModel, id: string): string[] {
  const out: string[] = [];
  let cur = m.byId.get(id)?.parentId ?? null;
  while (cur) {
    out.unshift(cur);
    cur = m.byId.get(cur)?.parentId ?? null;
  }
  return out;
}

/** `id` and every node below it. */
export function subtreeIds(m: TreeModel, id: string): Set<string> {
  const out = new Set<string>([id]);
  const walk = (p: string) =>
    childrenOf(m, p).forEach((c) => {
      out.add(c.id);
      walk(c.id);
    });
  walk(id);
  return out;
}

export type MoveKind = 'up' | 'down' | 'indent' | 'outdent';

/** Where a keyboard move puts the node: parent and index among the new siblings; null = not possible. */
export function moveTarget(
  m: TreeModel,
  id: string,
  kind: MoveKind,
): { parentId: string | null; index: number } | null {
  const node = m.byId.get(id);
  if (!node) return null;
  const siblings = childrenOf(m, node.parentId);
  const pos = siblings.findIndex((s) => s.id === id);
  switch (kind) {
    case 'up':
      return pos > 0 ? { parentId: node.parentId, index: pos - 1 } : null;
    case 'down':
      return pos >= 0 && pos < siblings.length - 1
        ? { parentId: node.parentId, index: pos + 1 }
        : null;
    case 'indent': {
      const prev = pos > 0 ? siblings[pos - 1] : undefined;
      return prev ? { parentId: prev.id, index: childrenOf(m, prev.id).length } : null;
    }
    case 'outdent': {
      if (node.parentId === null) return null;
      const parent = m.byId.get(node.parentId);
      if (!parent) return null;
      const parentPos = childrenOf(m, parent.parentId).findIndex((s) => s.id === parent.id);
      return { parentId: parent.parentId, index: parentPos + 1 };
    }
  }
}

/** The tree after a move, applied locally so the row stays where the user put it until the refetch. */
export function applyMove(
  nodes: TreeNodeDTO[],
  id: string,
  to: { parentId: string | null; index: number },
): TreeNodeDTO[] {
  const moving = nodes.find((n) => n.id === id);
  if (!moving) return nodes;
  const m = buildTree(nodes.filter((n) => n.id !== id));
  const reindex = (list: TreeNodeDTO[]) => list.map((n, i) => ({ ...n, index: i }));
  const out = new Map(nodes.map((n) => [n.id, n]));
  const oldSiblings = reindex(childrenOf(m, moving.parentId));
  oldSiblings.forEach((n) => out.set(n.id, n));
  const target = childrenOf(buildTree([...out.values()].filter((n) => n.id !== id)), to.parentId);
  const list = [...target];
  list.splice(Math.min(to.index, list.length), 0, { ...moving, parentId: to.parentId });
  reindex(list).forEach((n) => out.set(n.id, n));
  if (to.parentId) {
    const p = out.get(to.parentId);
    if (p) out.set(p.id, { ...p, hasChildren: true });
  }
  if (moving.parentId && oldSiblings.length === 0) {
    const p = out.get(moving.parentId);
    if (p) out.set(p.id, { ...p, hasChildren: false });
  }
  return [...out.values()];
}

/** Next row (after `from`, wrapping) whose title starts with `text` (type-ahead). */
export function typeAhead(
  rows: { node: TreeNodeDTO }[],
  from: number,
  text: string,
): number | null {
  const q = text.toLocaleLowerCase('de');
  for (let k = 1; k <= rows.length; k++) {
    const i = (from + k) % rows.length;
    if (rows[i]?.node.title.toLocaleLowerCase('de').startsWith(q)) return i;
  }
  return null;
}
