import type { RouteObject } from 'react-router';

/** Routes of the admin area, mounted inside the app layout. */
export const adminRoutes: RouteObject[] = [];
