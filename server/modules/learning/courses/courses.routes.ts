import type { RouteDef } from '../../../lib/route';

export const courseRoutes: RouteDef[] = [];
