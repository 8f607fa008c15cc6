import type { Role } from '@shared/people/roles';

/** The signed-in person as policies see it: plain data, loaded fresh for every request. */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  /** Ids of the units this person leads. */
  leads: string[];
  sessionId: string;
}

export const hasRole = (user: Pick<CurrentUser, 'roles'>, role: Role) => user.roles.includes(role);
export const isAdmin = (user: Pick<CurrentUser, 'roles'>) => hasRole(user, 'admin');

declare module 'express-serve-static-core' {
  interface Request {
    user?: CurrentUser;
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    /** Epoch ms of login: the absolute timeout counts from here. */
    loginAt?: number;
    oidc?: { state: string; nonce: string; codeVerifier: string; returnTo: string };
  }
}
