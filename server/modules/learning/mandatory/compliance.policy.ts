import type { Role } from '@shared/people/roles';

/**
 * Who may do what with mandatory trainings. Pure: the caller supplies the org facts.
 * - HR: create and edit assignments, the whole dashboard, the people of every unit.
 * - Chain leaders (lead a unit): the aggregated rows of the offices containing a unit they lead,
 *   and the people of units in the subtrees they lead, nothing else.
 * - Everybody else (admins included): nothing.
 */
export interface ComplianceViewer {
  id: string;
  roles: readonly Role[];
  /** Ids of the units the viewer leads. */
  leads: readonly string[];
}

const isHr = (v: Pick<ComplianceViewer, 'roles'>) => v.roles.includes('hr');

/** Create and edit assignments. */
export const canManageAssignments = (v: Pick<ComplianceViewer, 'roles'>): boolean => isHr(v);

/** See the aggregated dashboard (at least some rows). */
export const canSeeDashboard = (v: ComplianceViewer): boolean => isHr(v) || v.leads.length > 0;

/**
 * See the aggregated row of an office. `ledOffices`: the offices of the units the viewer leads.
 */
export function canSeeOfficeRow(
  v: ComplianceViewer,
  officeId: string,
  ledOffices: ReadonlySet<string>,
): boolean {
  return isHr(v) || ledOffices.has(officeId);
}

/**
 * Whose people of a unit the viewer may list: `roots` = units whose subtrees are visible (the
 * target itself, or the units the viewer leads inside it), null = nothing (403).
 * `targetChain`: ancestors of the target, root first, the target last.
 * `ledChains`: for each unit the viewer leads, its chain (root first, the unit last).
 */
export function peopleScope(
  v: ComplianceViewer,
  targetChain: readonly string[],
  ledChains: ReadonlyMap<string, readonly string[]>,
): { roots: string[] } | null {
  const target = targetChain[targetChain.length - 1];
  if (!target) return null;
  if (isHr(v)) return { roots: [target] };
  if (v.leads.some((id) => targetChain.includes(id))) return { roots: [target] };
  const inside = v.leads.filter((id) => ledChains.get(id)?.includes(target));
  return inside.length > 0 ? { roots: inside } : null;
}

/** A row's "may open the people" flag: the same rule as `peopleScope` for the office. */
export function canSeeOfficePeople(
  v: ComplianceViewer,
  officeId: string,
  ledOffices: ReadonlySet<string>,
): boolean {
  return canSeeOfficeRow(v, officeId, ledOffices);
}

/** Abilities carried by an AssignmentDTO. */
export function assignmentAbilities(v: ComplianceViewer): { edit: boolean; seePeople: boolean } {
  return { edit: canManageAssignments(v), seePeople: isHr(v) || v.leads.length > 0 };
}
