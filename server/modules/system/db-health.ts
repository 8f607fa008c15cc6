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
 *
 * A busy database is not a down one: under load a ping can take longer than its timeout while
 * everything else is still being answered, and closing the gate then turned a slow instance into
 * one that refused everything. So the database counts as down at once only when the driver says
 * the connection is gone (not connected, network or server-selection error), and otherwise after
 * FAILURES_TO_DOWN consecutive failed pings; a ping that times out while other operations
 * completed meanwhile is no failure at all.
 */
const INTERVAL_MS = 500;
const TIMEOUT_MS = 1000;
const FAILURES_TO_DOWN = 3;

const bus = new EventEmitter();
bus.setMaxListeners(0); // one listener per in-flight API request
let down = false;
/** Operations the driver finished (connections returned to the pool): proof of a live database. */
let completions = 0;

function setDown(value: boolean): void {
  if (value === down) return;
  down = value;
  logger[value ? 'warn' : 'info']({ databaseDown: value }, 'database health changed');
  if (value) bus.emit('down');
}

export const databaseDown = () => down;

/** A successful round trip elsewhere (e.g. /readyz) opens the gate without waiting for the next tick. */
export const noteDatabaseReachable = () => setDown(false);

export type ProbeResult = 'up' | 'gone' | 'failed' | 'busy' | 'unknown';

/**
 * The monitor's decision after one probe: consecutive failures so far and whether the gate is
 * closed now (`down` unchanged for 'busy' and 'unknown').
 */
export function assess(
  state: { failures: number; down: boolean },
  result: ProbeResult,
): { failures: number; down: boolean } {
  switch (result) {
    case 'up':
      return { failures: 0, down: false };
    case 'gone':
      return { failures: FAILURES_TO_DOWN, down: true };
    case 'failed': {
      const failures = state.failures + 1;
      return { failures, down: state.down || failures >= FAILURES_TO_DOWN };
    }
    default:
      return state;
  }
}

const connectionGone = (err: unknown) =>
  err instanceof mongoose.mongo.MongoNetworkError ||
  err instanceof mongoose.mongo.MongoServerSelectionError ||
  err instanceof mongoose.mongo.MongoNotConnectedError ||
  err instanceof mongoose.mongo.MongoTopologyClosedError;

/**
 * One ping. 'unknown' when our own event loop was blocked (the database is not to blame), 'busy'
 * when it timed out but other operations completed meanwhile.
 */
function probe(): Promise<ProbeResult> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return Promise.resolve('gone');
  const started = Date.now();
  const completedBefore = completions;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (Date.now() - started > TIMEOUT_MS * 1.5) resolve('unknown');
      else resolve(completions > completedBefore ? 'busy' : 'failed');
    }, TIMEOUT_MS);
    db.admin()
      .command({ ping: 1 })
      .then(
        () => resolve('up'),
        (err: unknown) => resolve(connectionGone(err) ? 'gone' : 'failed'),
      )
      .finally(() => clearTimeout(timer));
  });
}

/** Starts the monitor; returns a stop function. Idempotent per call site, not global. */
export function startDatabaseMonitor(): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let state = { failures: 0, down };
  const client = mongoose.connection.getClient();
  const onCheckedIn = () => {
    completions += 1;
  };
  client.on('connectionCheckedIn', onCheckedIn);
  const tick = async () => {
    const result = await probe();
    if (stopped) return;
    // `down` may also have been opened elsewhere (noteDatabaseReachable).
    state = assess({ ...state, down }, result);
    setDown(state.down);
    timer = setTimeout(() => void tick(), INTERVAL_MS);
    timer.unref();
  };
  void tick();
  return () => {
    stopped = true;
    client.off('connectionCheckedIn', onCheckedIn);
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
