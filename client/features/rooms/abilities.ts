import type { Role } from '@shared/people/roles';

/** Portal roles that create rooms directly (everyone else asks through a room request). */
export const roomCreatorRoles: readonly Role[] = ['mover', 'editor', 'admin'];
export const canCreateRooms = (roles: readonly Role[]): boolean =>
  roles.some((r) => roomCreatorRoles.includes(r));
/** Room requests are decided by administrators and digital movers. */
export const canDecideRoomRequests = (roles: readonly Role[]): boolean =>
  roles.includes('admin') || roles.includes('mover');
