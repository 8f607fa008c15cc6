import { resetCsrf } from '../lib/api';
import { queryClient } from '../lib/queryClient';
import { disconnectSocket } from '../lib/socket';
import { resetAppliedSettings } from '../lib/preferences';
import { authKeys } from '../features/auth/queries';

type Navigate = (to: string, opts?: { replace?: boolean }) => Promise<void> | void;
let navigateFn: Navigate | null = null;

/** The router registers its navigate function (avoids importing the router everywhere). */
export function setSessionNavigator(fn: Navigate): void {
  navigateFn = fn;
}

/** `/login?returnTo=<current path>` so people land where they were after signing in again. */
export function loginPath(current?: string, reason?: string): string {
  const params = new URLSearchParams();
  if (current && current !== '/' && !current.startsWith('/login')) params.set('returnTo', current);
  if (reason) params.set('reason', reason);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}

let ending = false;

/**
 * The session is over (server said so over the socket, or an API call answered 401): close the
 * socket, forget the CSRF token and every cached answer, and go to the login page.
 */
export async function endClientSession(reason: string): Promise<void> {
  if (ending) return;
  ending = true;
  try {
    disconnectSocket();
    resetCsrf();
    resetAppliedSettings();
    const here = `${window.location.pathname}${window.location.search}`;
    await navigateFn?.(loginPath(here, reason), { replace: true });
    queryClient.clear();
  } finally {
    ending = false;
  }
}

/** Called by the query cache on any 401: only matters when someone was signed in. */
export function handleUnauthenticated(): void {
  if (!queryClient.getQueryData(authKeys.me())) return;
  void endClientSession('expired');
}
