import type { RouteDef } from '../../../lib/route';

export const categoryRoutes: RouteDef[] = [];
