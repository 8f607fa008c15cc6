/**
 * E-learning at city scale on the embedded engine (fresh temp data dir).
 *
 *   npm run bench -- learning [--courses 1000] [--learners 14000] [--enrolments 6] [--n 400]
 *                             [--port 3941] [--people 14000] [--sample 40] [--assignments 20]
 *
 * Seeds the city (`seedScale`: demo organisation with the demo e-learning + people up to
 * `--people`), then `--courses` published courses (3 modules × 4 lessons, a quiz; a third for one
 * office) with `--enrolments` enrolments per learner (progress, a quarter completed with a
 * certificate) and `--assignments` mandatory assignments, by bulk inserts in the stored format
 * (`seedLearningScale`). Starts the portal in this process, signs in `--sample` learners and
 * measures the catalogue (`GET /api/learning/courses`: first page, a search, a category) and
 * `GET /api/learning/me/courses` (1 and 8 in flight), and HR's learners list of the course with the
 * most learners (`…/learners?limit=50`, first page and a name search). Also: start-up until the course, learner
 * and assignment indexes are loaded, RSS, and the database commands each line cost.
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
import { UnitModel } from '../../server/modules/org/unit.model';
import { seedScale } from '../../server/db/seed/scale';
import { DEMO_PASSWORD } from '../../server/db/seed/demo';
import { seedLearningScale } from '../../server/db/seed/learning-scale';
import { courseIndex, resetCourseIndex } from '../../server/modules/learning/courses/course-index';
import { resetContentCaches } from '../../server/modules/learning/courses/content';
import { resetCategories } from '../../server/modules/learning/courses/category.service';
import { resetCourseFiles } from '../../server/modules/learning/courses/file.store';
import {
  learnerIndexReady,
  learnersOf,
  resetLearnerIndex,
} from '../../server/modules/learning/progress/learner-index';
import { resetAssignmentIndex } from '../../server/modules/learning/mandatory/assignment-index';
import { resetComplianceCache } from '../../server/modules/learning/mandatory/compliance';
import { resetSessionIndex } from '../../server/modules/learning/trainings/session-index';
import { resetRegistrationIndex } from '../../server/modules/learning/trainings/registration-index';
import { clearDiscussionCaches } from '../../server/modules/learning/discussion/discussion.store';
import { watchDbCommands, measureLine, summary } from './lib/db-commands';
import { loadAverage, login as loginAs, timed, type Req } from './lib/http';

const { values } = parseArgs({
  options: {
    courses: { type: 'string', default: '1000' },
    learners: { type: 'string', default: '14000' },
    enrolments: { type: 'string', default: '6' },
    assignments: { type: 'string', default: '20' },
    n: { type: 'string', default: '400' },
    port: { type: 'string', default: '3941' },
    people: { type: 'string', default: '14000' },
    sample: { type: 'string', default: '40' },
  },
  allowPositionals: true,
});
const COURSES = Number(values.courses);
const LEARNERS = Number(values.learners);
const ENROLMENTS = Number(values.enrolments);
const ASSIGNMENTS = Number(values.assignments);
const N = Number(values.n);
const PORT = Number(values.port);
const PEOPLE = Number(values.people);
const SAMPLE = Number(values.sample);

// Database commands: counted per measured line, and the warm-up reads timed.
const db = watchDbCommands(['ping', 'hello', 'isMaster', 'getMore']);
const measure = (label: string, next: () => Req, concurrency: number) =>
  measureLine(db, label, next, concurrency, N);
const login = (origin: string, username: string) => loginAs(origin, username, DEMO_PASSWORD);

async function main() {
  logger.level = 'silent';
  const load = loadAverage;
  console.log(`load average at start (1/5/15 min): ${load()} on ${os.cpus().length} cores`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'learning-bench-'));
  const engine = await startEmbeddedEngine({ dataDir });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await connectDatabase(engine.uri);
    await syncIndexes();
    const city = await seedScale(PEOPLE, () => undefined, 2000);
    console.log(`seeded ${city.people} people, ${city.units} units in ${city.ms} ms`);
    const units = await UnitModel.find({}, { _id: 1, path: 1 }).lean();
    const officeOf = new Map(
      units.map((u) => [String(u._id), String(u.path?.[0] ?? u._id)] as const),
    );
    const offices = units.filter((u) => !u.path?.length).map((u) => String(u._id));
    const people = (
      await PersonModel.find({}, { _id: 1, username: 1, displayName: 1, unitId: 1 }).lean()
    ).map((p) => ({
      id: String(p._id),
      username: p.username,
      displayName: p.displayName,
      officeId: p.unitId ? (officeOf.get(String(p.unitId)) ?? null) : null,
    }));
    const hr = people.find((p) => p.username === 'hr');
    if (!hr) throw new Error('no hr account');
    // The demo accounts keep their demo enrolments: learners are the other people.
    const learners = people.filter((p) => /\.\d+$/.test(p.username));
    const seeded = await seedLearningScale({
      courses: COURSES,
      learners: LEARNERS,
      enrolments: ENROLMENTS,
      // One course has every learner (a city-wide mandatory training): the learners list's worst case.
      cityWide: true,
      assignments: ASSIGNMENTS,
      people: learners,
      offices,
      authorId: hr.id,
      log: (m) => console.log(`  ${m}`),
    });
    console.log(
      `seeded ${COURSES} courses (${seeded.categoryIds.length} categories), ${Math.min(LEARNERS, learners.length)} learners with ${seeded.enrolments} enrolments (${seeded.completions} completed), ${ASSIGNMENTS} assignments in ${seeded.ms} ms`,
    );
    await disconnectDatabase();
    // The seed ran in this process: start as a fresh server would (nothing of it in memory).
    resetCourseIndex();
    resetContentCaches();
    resetCategories();
    resetCourseFiles();
    resetLearnerIndex();
    resetAssignmentIndex();
    resetComplianceCache();
    resetSessionIndex();
    resetRegistrationIndex();
    clearDiscussionCaches();

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
    const primedBy = [
      'learning_courses',
      'learning_learners',
      'learning_assignments',
      'learning_content',
    ];
    const deadline = Date.now() + 15 * 60_000;
    while (!primedBy.every((c) => db.warmReads.has(c))) {
      if (Date.now() > deadline) throw new Error(`not primed: ${[...db.warmReads.keys()].join()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const primed = Math.max(...primedBy.map((c) => db.warmReads.get(c) ?? 0));
    await new Promise((r) => setTimeout(r, 2000));

    const origin = `http://127.0.0.1:${PORT}`;
    const pool = learners.slice(0, LEARNERS);
    const sample: { cookie: string; username: string }[] = [];
    const tLogin = performance.now();
    for (let i = 0; i < SAMPLE && pool.length; i++) {
      const p = pool[Math.floor(Math.random() * pool.length)] as (typeof pool)[number];
      sample.push({ cookie: await login(origin, p.username), username: p.username });
    }
    const loginMs = (performance.now() - tLogin) / Math.max(1, sample.length);
    const anyone = () =>
      sample[Math.floor(Math.random() * sample.length)] as (typeof sample)[number];
    const api = `${origin}/api/learning`;
    const categories = seeded.categoryIds;
    const words = ['excel', 'vergabe', 'datenschutz', 'sprache', 'projekt', 'grundlagen'];
    const catalogue = (): Req => ({ url: `${api}/courses`, cookie: anyone().cookie });
    const search = (): Req => ({
      url: `${api}/courses?q=${words[Math.floor(Math.random() * words.length)] as string}`,
      cookie: anyone().cookie,
    });
    const category = (): Req => ({
      url: `${api}/courses?categoryId=${categories[Math.floor(Math.random() * categories.length)] as string}`,
      cookie: anyone().cookie,
    });
    const mine = (): Req => ({ url: `${api}/me/courses`, cookie: anyone().cookie });
    // The course with the most learners (from the server's own index: it runs in this process).
    await learnerIndexReady();
    const biggest = (await courseIndex()).all.reduce<{ id: string; n: number }>(
      (best, c) => {
        const n = learnersOf(c.id).length;
        return n > best.n ? { id: c.id, n } : best;
      },
      { id: '', n: -1 },
    );
    const hrCookie = await login(origin, 'hr');
    const learnersPage = (): Req => ({
      url: `${api}/courses/${biggest.id}/learners?limit=50`,
      cookie: hrCookie,
    });
    const learnersSearch = (): Req => ({
      url: `${api}/courses/${biggest.id}/learners?limit=50&q=${['mueller', 'schmidt', 'a', 'be'][Math.floor(Math.random() * 4)] as string}`,
      cookie: hrCookie,
    });

    // The very first requests after start: what a cold cache costs (content loaded per course).
    const { result: cold, cmds: coldCmds } = await db.count(() => timed(mine()));
    const mem = process.memoryUsage();

    console.log(
      `\nstart-up: listening after ${listening.toFixed(0)} ms; course, learner and assignment indexes and published content loaded after ${primed.toFixed(0)} ms`,
    );
    console.log(
      `  warm-up reads done at (ms): ${primedBy.map((c) => `${c} ${(db.warmReads.get(c) ?? 0).toFixed(0)}`).join(', ')}`,
    );
    console.log(
      `RSS after priming: ${(mem.rss / 1048576).toFixed(0)} MB (heap used ${(mem.heapUsed / 1048576).toFixed(0)} MB; bench and seed share the process)`,
    );
    console.log(`signed in ${sample.length} learners (${loginMs.toFixed(0)} ms per sign-in)`);
    console.log(
      `first "my courses" after start: ${cold.ms.toFixed(0)} ms, database commands: ${summary(coldCmds)}`,
    );
    console.log(`\n${N} requests per line after 5 warm-up requests; load average ${load()}\n`);
    console.log('| what | in flight | p50 ms | p95 ms | p99 ms | answer | database commands |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    await measure('`GET /api/learning/courses` (first page)', catalogue, 1);
    await measure('`GET /api/learning/courses` (first page)', catalogue, 8);
    await measure('`GET /api/learning/courses?q=…` (search)', search, 1);
    await measure('`GET /api/learning/courses?q=…` (search)', search, 8);
    await measure('`GET /api/learning/courses?categoryId=…`', category, 1);
    await measure('`GET /api/learning/courses?categoryId=…`', category, 8);
    await measure('`GET /api/learning/me/courses`', mine, 1);
    await measure('`GET /api/learning/me/courses`', mine, 8);
    await measure(
      `\`GET …/courses/:id/learners?limit=50\` (HR, biggest course: ${biggest.n} learners)`,
      learnersPage,
      1,
    );
    await measure('`GET …/courses/:id/learners?limit=50&q=…` (HR, search)', learnersSearch, 1);
    const end = process.memoryUsage();
    console.log(
      `\nRSS at the end: ${(end.rss / 1048576).toFixed(0)} MB (heap used ${(end.heapUsed / 1048576).toFixed(0)} MB); load average at the end: ${load()}`,
    );
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
