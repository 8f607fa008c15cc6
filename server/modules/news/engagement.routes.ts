import type { RouteDef } from '../../lib/route';
import { ackRoutes } from './ack.routes';
import { commentRoutes } from './comment.routes';
import { reactionRoutes } from './reaction.routes';
import { uploadRoutes } from './upload.routes';

/** Comments, reactions, acknowledgements and files of news articles (one line in modules/index.ts). */
export const newsEngagementRoutes: RouteDef[] = [
  ...commentRoutes,
  ...reactionRoutes,
  ...ackRoutes,
  ...uploadRoutes,
];
