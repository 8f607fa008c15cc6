import type { UnitDTO } from '@shared/org/types';

export interface UnitNode {
  unit: UnitDTO;
  children: UnitNode[];
  depth: number;
  /** People in this unit and all units below it. */
  totalMembers: number;
}

/** Natural order of office numbers ("2" < "10" < "10-1"), then by name. */
export function compareUnits(a: UnitDTO, b: UnitDTO): number {
  const an = a.number ?? '';
  const bn = b.number ?? '';
  if (an && !bn) return -1;
  if (!an && bn) return 1;
  const byNumber = an.localeCompare(bn, 'de', { numeric: true });
  return byNumber !== 0 ? byNumber : a.name.localeCompare(b.name, 'de');
}

/** Builds the tree from the flat list; units whose parent is unknown become roots. */
export function buildTree(units: UnitDTO[]): UnitNode[] {
  const byParent = new Map<string | null, UnitDTO[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(u);
    byParent.set(parent, list);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (byParent.get(parent) ?? [])
      .sort(compareUnits)
      .filter((u) => !seen.has(u.id) && (seen.add(u.id), true))
      .map((unit) => {
        const children = build(unit.id, depth + 1);
        const totalMembers = children.reduce((sum, c) => sum + c.totalMembers, unit.memberCount);
        return { unit, depth, children, totalMembers };
      });
  return build(null, 1);
}

/** Depth-first order of the nodes whose ancestors are all expanded: the tree's visible rows. */
export function visibleNodes(roots: UnitNode[], expanded: ReadonlySet<string>): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (nodes: UnitNode[]) => {
    for (const n of nodes) {
      out.push(n);
      if (n.children.length && expanded.has(n.unit.id)) walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/** "10 Haupt- und Personalamt" or just the name. */
export function unitLabel(u: { name: string; number: string | null }): string {
  return u.number ? `${u.number} ${u.name}` : u.name;
}

/** Units as select options, indented by depth, in tree order. */
export function unitOptions(units: UnitDTO[]): { id: string; label: string; depth: number }[] {
  const out: { id: string; label: string; depth: number }[] = [];
  const walk = (nodes: UnitNode[]) => {
    for (const n of nodes) {
      out.push({ id: n.unit.id, label: unitLabel(n.unit), depth: n.depth });
      walk(n.children);
    }
  };
  walk(buildTree(units));
  return out;
}

/** Ids of a unit and all units below it (to forbid moving a unit under its own subtree). */
export function subtreeIds(units: UnitDTO[], id: string): Set<string> {
  const out = new Set<string>([id]);
  for (const u of units) if (u.path.includes(id)) out.add(u.id);
  return out;
}
