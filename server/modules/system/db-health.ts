import { EventEmitter } from 'node:events';
import type { RequestHandler } from 'express';
import type { ApiErrorBody } from '@shared/http/errors';
import mongoose from 'mongoose';
import { logger } from '../../lib/logger';

/**
 * Database health as this instance sees it, from a ping every INTERVAL_MS (timeout TIMEOUT_MS).
 * A crashed database closes its sockets and the driver fails at once; a hung one (network
 * partition, stopped process) would keep requests waiting for the 30 s socket timeout. The gate
 * below answers 503 instead: at once while the database is down, and for requests already waiting
 * the moment the monitor notices.
 */
const INTERVAL_MS = 500;
const TIMEOUT_MS = 1000;

const bus = new EventEmitter();
bus.setMaxListeners(0); // one listener per in-flight API request
let down = false;

function setDown(value: boolean): void {
  if (value === down) return;
  down = value;
  logger[value ? 'warn' : 'info']({ databaseDown: value }, 'database health changed');
  if (value) bus.emit('down');
}

export const databaseDown = () => down;

/** A successful round trip elsewhere (e.g. /readyz) opens the gate without waiting for the next tick. */
export const noteDatabaseReachable = () => setDown(false);

/** One ping. 'unknown' when our own event loop was blocked: then the database is not to blame. */
function probe(): Promise<'up' | 'down' | 'unknown'> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return Promise.resolve('down');
  const started = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve(Date.now() - started > TIMEOUT_MS * 1.5 ? 'unknown' : 'down'),
      TIMEOUT_MS,
    );
    db.admin()
      .command({ ping: 1 })
      .then(
        () => resolve('up'),
        () => resolve('down'),
      )
      .finally(() => clearTimeout(timer));
  });
}

/** Starts the monitor; returns a stop function. Idempotent per call site, not global. */
export function startDatabaseMonitor(): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    const result = await probe();
    if (stopped) return;
    if (result !== 'unknown') setDown(result === 'down');
    timer = setTimeout(() => void tick(), INTERVAL_MS);
    timer.unref();
  };
  void tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    setDown(false);
  };
}

function answerUnavailable(
  req: Parameters<RequestHandler>[0],
  res: Parameters<RequestHandler>[1],
): void {
  if (res.headersSent) return;
  const body: ApiErrorBody = {
    error: {
      code: 'service_unavailable',
      message: 'The service is temporarily unavailable.',
      correlationId: String(req.id ?? ''),
    },
  };
  res.setHeader('Retry-After', '5');
  res.status(503).json(body);
}

/** Mount before anything that touches the database (sessions, rate limits). */
export function databaseGate(): RequestHandler {
  return (req, res, next) => {
    if (down) return answerUnavailable(req, res);
    // Only reads already under way are cut short: a write may still land, and a 503 would make
    // the client repeat it. Writes wait for the driver's own timeouts instead.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    const onDown = () => answerUnavailable(req, res);
    bus.once('down', onDown);
    res.once('close', () => bus.off('down', onDown));
    next();
  };
}
