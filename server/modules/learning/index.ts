import type { RouteDef } from '../../lib/route';
import { categoryRoutes } from './courses/categories.routes';
import { courseFileRoutes } from './courses/files.routes';
import { courseRoutes } from './courses/courses.routes';
import { discussionRoutes } from './discussion/discussion.routes';
import { mandatoryRoutes } from './mandatory/mandatory.routes';
import { progressRoutes } from './progress/progress.routes';
import { registrationRoutes } from './trainings/registrations.routes';
import { sessionRoutes } from './trainings/sessions.routes';

/**
 * Every learning route, in mount order (one line per folder's routes array). Literal paths
 * (`/me/...`, `/categories`) come before `/:id` patterns where they could clash.
 */
export const learningRoutes: RouteDef[] = [
  ...categoryRoutes,
  ...courseFileRoutes,
  ...courseRoutes,
  ...discussionRoutes,
  ...mandatoryRoutes,
  ...progressRoutes,
  ...sessionRoutes,
  ...registrationRoutes,
];
