import type { RouteDef } from '../../../lib/route';

export const courseFileRoutes: RouteDef[] = [];
