import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type RedisClientType } from 'redis';
import { allowedOrigins, type Env } from './env';
import { logger } from './lib/logger';
import { events } from './lib/events';
import { connectDatabase, disconnectDatabase, syncIndexes } from './db/connect';
import { startEmbeddedEngine, type EmbeddedEngine } from './db/engine';
import { sessionSecret } from './db/system-settings';
import { createSessionStore, sessionMiddleware } from './middleware/session';
import { createApp } from './app';
import { attachRealtime } from './realtime';
import { registerSubscribers } from './modules/subscribers';
import { startNewsScheduler } from './modules/news/news.scheduler';
import { startNewsReminders } from './modules/news/news.reminders';
import { seedDemoIfEmpty } from './db/seed/demo';
import { ensureDefaultLeaveTypes } from './modules/leave/leave-type.model';
import { directoryRows } from './modules/people/directory-index';
import { configureOidc } from './modules/auth/oidc';
import { registerGauge } from './modules/system/metrics';
import { startDatabaseMonitor } from './modules/system/db-health';
import { flushReadPositions } from './modules/chat/read-behind';
import { startUploadCleanup } from './modules/chat/upload-cleanup';
import { startLeaveSweeps } from './modules/leave/escalation';
import { attachCollab } from './modules/wiki/collab/collab.server';
import { startWikiReviewReminders } from './modules/wiki/social/review-reminder';
import { startRoomReviewReminders } from './modules/rooms/rooms.review-reminder';
import { warmRooms } from './modules/rooms/warm';
import { registerLearning } from './modules/learning/register';
import { warmWikiSearch } from './modules/wiki/search/search.index';
import { warmWikiSocial } from './modules/wiki/social/warm';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts everything: engine (if embedded), database, app, realtime; returns a handle to stop it. */
export async function startServer(env: Env): Promise<RunningServer> {
  const started = Date.now();
  let engine: EmbeddedEngine | null = null;
  let uri = env.MONGODB_URI;
  if (!uri) {
    engine = await startEmbeddedEngine({ dataDir: env.DATA_DIR, bin: env.FERRETDB_BIN });
    uri = engine.uri;
  }
  await connectDatabase(uri);
  const stopMonitor = startDatabaseMonitor();
  await syncIndexes();

  const seedDemo = env.SEED_DEMO ?? !env.MONGODB_URI;
  if (seedDemo) await seedDemoIfEmpty();
  await ensureDefaultLeaveTypes();
  // Load the directory's read model in the background so the first visitor does not wait for it.
  void directoryRows().catch((err: unknown) => logger.warn({ err }, 'directory warm-up failed'));

  let redis: RedisClientType | null = null;
  if (env.REDIS_URL) {
    redis = createClient({ url: env.REDIS_URL });
    redis.on('error', (err: unknown) => logger.error({ err }, 'redis error'));
    await redis.connect();
  }

  await configureOidc(env);
  const store = createSessionStore();
  const session = sessionMiddleware(env, store, await sessionSecret(env.SESSION_SECRET));
  const server = http.createServer();
  // Origins are known once the port is: with PORT=0 the OS picks it.
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const port = (server.address() as AddressInfo).port;
  const origins = allowedOrigins(env, port);
  const app = createApp({ env, session, origins, redis });
  server.on('request', app);
  // Socket checks (idle sweep, recovery) ask the database itself: rare, and the authority.
  const realtime = await attachRealtime(server, {
    session,
    store: store.backing,
    origins,
    redis,
    env,
  });
  // Wiki co-editing on `/collab` (Socket.IO keeps `/socket.io`), same Origin list and sessions.
  const collab = attachCollab(server, {
    session,
    allowedOrigins: origins,
    redisUrl: env.REDIS_URL,
    absoluteHours: env.SESSION_ABSOLUTE_HOURS,
    sessionCheckSeconds: env.SOCKET_SESSION_CHECK_SECONDS,
  });
  const unsubscribe = registerSubscribers({ realtime });
  const stopNewsScheduler = startNewsScheduler();
  const stopNewsReminders = startNewsReminders();
  const stopUploadCleanup = startUploadCleanup();
  const stopLeaveSweeps = startLeaveSweeps();
  const stopWikiReviewReminders = startWikiReviewReminders();
  const stopRoomReviewReminders = startRoomReviewReminders();
  // Every room and membership in memory, then the rooms' module caches (one bulk read each).
  warmRooms();
  // Learning: subscribers, reminder sweeps and the warm-up of its in-memory indexes.
  const stopLearning = registerLearning();
  // Page texts (search), watchers and comment counts of all pages, each from one bulk read.
  warmWikiSearch();
  warmWikiSocial();
  const unregisterGauge = registerGauge(
    'portal_socket_connections',
    'Open Socket.IO connections on this instance.',
    () => realtime.io.engine.clientsCount,
  );

  const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;
  logger.info({ url, ms: Date.now() - started }, 'portal ready');

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    close: () =>
      (closing ??= (async () => {
        unsubscribe();
        stopNewsScheduler();
        stopNewsReminders();
        stopUploadCleanup();
        stopLeaveSweeps();
        stopWikiReviewReminders();
        stopRoomReviewReminders();
        stopLearning();
        unregisterGauge();
        // Every loaded wiki document is stored before connections and the database close.
        await collab.close().catch((err: unknown) => logger.error({ err }, 'collab close failed'));
        // Socket.IO's close also closes the HTTP server and waits for every connection: idle
        // keep-alive ones end now, busy ones get a short grace (clients retry elsewhere).
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 2_000);
        await realtime.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        clearTimeout(force);
        server.closeAllConnections();
        stopMonitor();
        await flushReadPositions().catch(() => undefined);
        await store.close().catch(() => undefined);
        await disconnectDatabase();
        if (redis) await redis.quit().catch(() => undefined);
        if (engine) await engine.stop();
        events.clear();
      })()),
  };
}
