import type { Audience, AudiencePreviewDTO } from '@shared/org/audience';
import type { CurrentUser } from '../auth/current-user';
import { directoryRows, peopleFromDirectory, type DirectoryRow } from '../people/directory-index';
import { unitIndex } from './unit-index';

/** What audience rules look at for one person. */
export interface AudienceSubject {
  id: string;
  unitId: string | null;
  /** The person's unit and all its ancestors (root first, own unit last). */
  unitChain: string[];
  roles: readonly string[];
  locationId: string | null;
  isManager: boolean;
}

interface UnitInfo {
  id: string;
  name: string;
  /** Ancestors root first, then the unit itself. */
  chain: string[];
  leaderId: string | null;
}

/** The unit tree as the matcher needs it. */
export interface OrgSnapshot {
  units: Map<string, UnitInfo>;
  leaders: Set<string>;
}

// From the units read model: no database read beyond the shared stamp check; one snapshot per
// version of the tree.
let snapshot: { version: string; org: OrgSnapshot } | null = null;
async function loadOrg(): Promise<OrgSnapshot> {
  const index = await unitIndex();
  if (snapshot?.version === index.version) return snapshot.org;
  const leaders = new Set(index.rows.flatMap((u) => (u.leaderId ? [u.leaderId] : [])));
  const org: OrgSnapshot = { units: index.byId, leaders };
  snapshot = { version: index.version, org };
  return org;
}

export const orgSnapshot = (): Promise<OrgSnapshot> => loadOrg();

function subjectFrom(
  org: OrgSnapshot,
  p: { id: string; unitId: string | null; roles: readonly string[]; locationId: string | null },
): AudienceSubject {
  return {
    id: p.id,
    unitId: p.unitId,
    unitChain: p.unitId ? (org.units.get(p.unitId)?.chain ?? [p.unitId]) : [],
    roles: p.roles,
    locationId: p.locationId,
    isManager: org.leaders.has(p.id),
  };
}

/**
 * Whether a person is in an audience: every non-empty part must match (a unit rule, a role, a
 * location); all parts empty = everyone. Pure: the one rule every feature's targeting uses.
 */
export function inAudience(audience: Audience, s: AudienceSubject): boolean {
  const unitOk =
    audience.units.length === 0 ||
    audience.units.some((r) => {
      // Stored audiences come back from Mongoose with ObjectIds: compare as strings.
      const unitId = String(r.unitId);
      return r.withSubunits ? s.unitChain.includes(unitId) : s.unitId === unitId;
    });
  const roleOk =
    audience.roles.length === 0 ||
    audience.roles.some((role) => (role === 'manager' ? s.isManager : s.roles.includes(role)));
  const locationOk =
    audience.locationIds.length === 0 ||
    (s.locationId !== null && audience.locationIds.some((id) => String(id) === s.locationId));
  return unitOk && roleOk && locationOk;
}

/** A matcher bound to the current org tree, for testing many audiences or people in one go. */
export async function audienceMatcher(): Promise<{
  org: OrgSnapshot;
  subjectOfRow: (row: DirectoryRow) => AudienceSubject;
  matches: (audience: Audience, subject: AudienceSubject) => boolean;
}> {
  const org = await orgSnapshot();
  return {
    org,
    subjectOfRow: (row) => subjectFrom(org, row),
    matches: inAudience,
  };
}

/** The audience subject of a person from the read models (null when unknown). */
export async function subjectOf(personId: string): Promise<AudienceSubject | null> {
  const [person] = await peopleFromDirectory([personId]);
  if (!person) return null;
  const org = await orgSnapshot();
  return subjectFrom(org, {
    id: personId,
    unitId: person.unitId ? String(person.unitId) : null,
    roles: person.roles ?? [],
    locationId: person.locationId ? String(person.locationId) : null,
  });
}

/** The signed-in person's audience subject (location from the directory read model). */
export async function subjectOfUser(user: CurrentUser): Promise<AudienceSubject> {
  const [[person], org] = await Promise.all([peopleFromDirectory([user.id]), orgSnapshot()]);
  return {
    ...subjectFrom(org, {
      id: user.id,
      unitId: user.unitId,
      roles: user.roles,
      locationId: person?.locationId ? String(person.locationId) : null,
    }),
    isManager: user.leads.length > 0,
  };
}

/** Ids of the active people in an audience. */
export async function audienceMembers(audience: Audience): Promise<string[]> {
  const [rows, org] = await Promise.all([directoryRows(), orgSnapshot()]);
  return rows.filter((r) => r.active && inAudience(audience, subjectFrom(org, r))).map((r) => r.id);
}

/** The top-level unit (office) of a unit, or null. */
export const officeOf = (org: OrgSnapshot, unitId: string | null): UnitInfo | null => {
  if (!unitId) return null;
  const top = org.units.get(unitId)?.chain[0];
  return top ? (org.units.get(top) ?? null) : null;
};

/** How many active people an audience reaches, in total and per office. */
export async function previewAudience(audience: Audience): Promise<AudiencePreviewDTO> {
  const [rows, org] = await Promise.all([directoryRows(), orgSnapshot()]);
  const perOffice = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    if (!row.active || !inAudience(audience, subjectFrom(org, row))) continue;
    total += 1;
    const office = officeOf(org, row.unitId);
    if (office) perOffice.set(office.id, (perOffice.get(office.id) ?? 0) + 1);
  }
  const offices = [...perOffice]
    .map(([id, count]) => ({ id, name: org.units.get(id)?.name ?? '', count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'de'));
  return { total, offices };
}
