import { logger } from '../../../lib/logger';
import { learnerIndexReady } from './learner-index';
import { registerProgressNotifications } from './notifications';

/** Subscribers of learning progress, and the learner index warmed at start. Returns a stop function. */
export function registerProgress(): () => void {
  void learnerIndexReady().catch((err: unknown) =>
    logger.warn({ err }, 'learner index warm-up failed'),
  );
  const offs = [registerProgressNotifications()];
  return () => offs.forEach((off) => off());
}
