/** Helpers shared by the wiki benchmarks: sign-in with the bench password, and percentiles. */
import { login as loginAs } from './lib/http';

export { cookieOf, pct } from './lib/http';

export const PASSWORD = 'bench-password-1';

/** Signs in over the real login route; returns the session cookie. */
export const login = (origin: string, username: string): Promise<string> =>
  loginAs(origin, username, PASSWORD);
