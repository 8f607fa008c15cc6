import { isAdmin, type CurrentUser } from '../auth/current-user';

type Viewer = Pick<CurrentUser, 'id' | 'roles'>;

/** Only administrators read the audit log. Pure. */
export const canReadAudit = (viewer: Viewer) => isAdmin(viewer);
