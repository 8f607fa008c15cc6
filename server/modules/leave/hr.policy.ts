import { hasRole, type CurrentUser } from '../auth/current-user';

type Viewer = Pick<CurrentUser, 'id' | 'roles'>;

/**
 * The personnel office (role `hr`) manages entitlements, leave types, settings, carry-over and
 * reports for everyone. Administrators do not: leave records are personnel data, and an admin who
 * needs them is given the HR role (an audited change), as for deciding requests and calendars.
 */
export const canManageLeave = (viewer: Pick<CurrentUser, 'roles'>): boolean =>
  hasRole(viewer, 'hr');

/** The subject of a balance read: the person and the leaders of their unit chain (unit up to the top). */
export interface BalanceSubject {
  personId: string;
  chainLeaderIds: readonly string[];
}

/** A person reads their own balance; leaders of their unit chain and HR read it too. */
export const canReadBalance = (viewer: Viewer, subject: BalanceSubject): boolean =>
  viewer.id === subject.personId ||
  canManageLeave(viewer) ||
  subject.chainLeaderIds.includes(viewer.id);

export const canEditEntitlement = (viewer: Viewer): boolean => canManageLeave(viewer);

export const hrAbilities = (viewer: Viewer) => ({
  manage: canManageLeave(viewer),
});
