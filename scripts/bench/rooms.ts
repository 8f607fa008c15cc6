/**
 * Team rooms at city scale on the embedded engine (fresh temp data dir).
 *
 *   npm run bench -- rooms [--rooms 2000] [--members 200] [--posts 10] [--n 400] [--port 3861]
 *                          [--people 14000] [--sample 40]
 *
 * Seeds the city (`seedScale`: demo organisation + people up to `--people`), then `--rooms` rooms
 * with `--members` random members each (1 owner, 2 moderators) and `--posts` posts per room with
 * a few comments and reactions, by bulk inserts in the stored format (`seedRoomsScale`). Starts
 * the portal in this process, signs in `--sample` members and measures
 * `GET /api/rooms/:roomId/feed` for random (member, room) pairs (1 and 8 in flight), then
 * `GET /api/rooms?scope=mine|discover`. Also: start-up until the room index and the feed cache
 * are primed, RSS, and the database commands each line cost (should be none: memory only).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedEngine } from '../../server/db/engine';
import { connectDatabase, disconnectDatabase, syncIndexes } from '../../server/db/connect';
import { loadEnv } from '../../server/env';
import { startServer } from '../../server/main';
import { logger } from '../../server/lib/logger';
import { PersonModel } from '../../server/modules/people/person.model';
import { seedScale } from '../../server/db/seed/scale';
import { DEMO_PASSWORD } from '../../server/db/seed/demo';
import { seedRoomsScale } from '../../server/db/seed/rooms-scale';
import { resetRoomIndex } from '../../server/modules/rooms/room-index';
import { clearFeedCache } from '../../server/modules/rooms/feed/post.store';
import { clearActivityCaches } from '../../server/modules/rooms/activity/activity';
import { resetJoinRequests } from '../../server/modules/rooms/members/join-request.store';
import { watchDbCommands, measureLine } from './lib/db-commands';
import { loadAverage, login as loginAs, type Req } from './lib/http';

const { values } = parseArgs({
  options: {
    rooms: { type: 'string', default: '2000' },
    members: { type: 'string', default: '200' },
    posts: { type: 'string', default: '10' },
    n: { type: 'string', default: '400' },
    port: { type: 'string', default: '3861' },
    people: { type: 'string', default: '14000' },
    sample: { type: 'string', default: '40' },
  },
  allowPositionals: true,
});
const ROOMS = Number(values.rooms);
const MEMBERS = Number(values.members);
const POSTS = Number(values.posts);
const N = Number(values.n);
const PORT = Number(values.port);
const PEOPLE = Number(values.people);
const SAMPLE = Number(values.sample);

// Database commands: counted per measured line, and the warm-up reads timed.
const db = watchDbCommands(['ping', 'hello', 'isMaster']);
const measure = (label: string, next: () => Req, concurrency: number) =>
  measureLine(db, label, next, concurrency, N);
const login = (origin: string, username: string) => loginAs(origin, username, DEMO_PASSWORD);

async function main() {
  logger.level = 'silent';
  const load = loadAverage;
  console.log(`load average at start (1/5/15 min): ${load()} on ${os.cpus().length} cores`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rooms-bench-'));
  const engine = await startEmbeddedEngine({ dataDir });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await connectDatabase(engine.uri);
    await syncIndexes();
    const city = await seedScale(PEOPLE, () => undefined, 2000);
    console.log(`seeded ${city.people} people, ${city.units} units in ${city.ms} ms`);
    const people = (await PersonModel.find({}, { _id: 1, username: 1 }).lean()).map((p) => ({
      id: String(p._id),
      username: p.username,
    }));
    // Most demo-organisation people have no password (only the demo accounts do): sample
    // members from those who can sign in.
    const canSignIn = new Set(
      (await PersonModel.find({ passwordHash: { $ne: null } }, { _id: 1 }).lean()).map((p) =>
        String(p._id),
      ),
    );
    const seeded = await seedRoomsScale({
      rooms: ROOMS,
      members: MEMBERS,
      posts: POSTS,
      people: people.map((p) => p.id),
      log: (m) => console.log(`  ${m}`),
    });
    console.log(
      `seeded ${ROOMS} rooms × ${MEMBERS} members, ${seeded.posts} posts, ${seeded.comments} comments in ${seeded.ms} ms`,
    );
    await disconnectDatabase();
    // The seed ran in this process: start as a fresh server would (nothing of it in memory).
    resetRoomIndex();
    clearFeedCache();
    clearActivityCaches();
    resetJoinRequests();

    const t0 = db.startClock();
    server = await startServer(
      loadEnv({
        MONGODB_URI: engine.uri,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'silent',
        STATIC_DIR: './none',
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOGIN_RATE_LIMIT_PER_15_MIN: '1000000',
      }),
    );
    const listening = performance.now() - t0;
    const primedBy = ['rooms', 'room_members', 'room_posts', 'room_activity', 'room_seen'];
    const deadline = Date.now() + 15 * 60_000;
    while (!primedBy.every((c) => db.warmReads.has(c))) {
      if (Date.now() > deadline) throw new Error(`not primed: ${[...db.warmReads.keys()].join()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const primed = Math.max(...primedBy.map((c) => db.warmReads.get(c) ?? 0));
    // Let a settled process be measured (other warm-ups: wiki, directory).
    await new Promise((r) => setTimeout(r, 2000));
    const mem = process.memoryUsage();

    const origin = `http://127.0.0.1:${PORT}`;
    const roomsOfPerson = new Map<string, string[]>();
    for (const [roomId, ids] of seeded.membersOf) {
      for (const id of ids) roomsOfPerson.set(id, [...(roomsOfPerson.get(id) ?? []), roomId]);
    }
    const members = people.filter((p) => roomsOfPerson.has(p.id) && canSignIn.has(p.id));
    const sample: { cookie: string; rooms: string[] }[] = [];
    const tLogin = performance.now();
    for (let i = 0; i < SAMPLE && members.length; i++) {
      const p = members[Math.floor(Math.random() * members.length)] as (typeof members)[number];
      sample.push({
        cookie: await login(origin, p.username),
        rooms: roomsOfPerson.get(p.id) ?? [],
      });
    }
    const loginMs = (performance.now() - tLogin) / Math.max(1, sample.length);
    const anyone = () =>
      sample[Math.floor(Math.random() * sample.length)] as (typeof sample)[number];
    const feed = (): Req => {
      const s = anyone();
      const room = s.rooms[Math.floor(Math.random() * s.rooms.length)] as string;
      return { url: `${origin}/api/rooms/${room}/feed`, cookie: s.cookie };
    };
    const list = (scope: string) => (): Req => ({
      url: `${origin}/api/rooms?scope=${scope}`,
      cookie: anyone().cookie,
    });

    console.log(
      `\nstart-up: listening after ${listening.toFixed(0)} ms; room index + feed cache + activity primed after ${primed.toFixed(0)} ms`,
    );
    console.log(
      `  warm-up reads done at (ms): ${primedBy.map((c) => `${c} ${(db.warmReads.get(c) ?? 0).toFixed(0)}`).join(', ')}`,
    );
    console.log(
      `RSS after priming: ${(mem.rss / 1048576).toFixed(0)} MB (heap used ${(mem.heapUsed / 1048576).toFixed(0)} MB; bench and seed share the process)`,
    );
    console.log(`signed in ${sample.length} members (${loginMs.toFixed(0)} ms per sign-in)`);
    console.log(`\n${N} requests per line after 5 warm-up requests; load average ${load()}\n`);
    console.log('| what | in flight | p50 ms | p95 ms | p99 ms | answer | database commands |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    await measure('`GET /api/rooms/:roomId/feed`, random (member, room)', feed, 1);
    await measure('`GET /api/rooms/:roomId/feed`, random (member, room)', feed, 8);
    await measure('`GET /api/rooms?scope=mine`', list('mine'), 1);
    await measure('`GET /api/rooms?scope=mine`', list('mine'), 8);
    await measure('`GET /api/rooms?scope=discover`', list('discover'), 1);
    await measure('`GET /api/rooms?scope=discover`', list('discover'), 8);
    console.log(`\nload average at the end: ${load()}`);
  } finally {
    await server?.close().catch(() => undefined);
    await engine.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
