import type { RouteObject } from 'react-router';

/** Routes of the people feature (directory, profile, org tree), mounted inside the app layout. */
export const peopleRoutes: RouteObject[] = [];
