/**
 * `npm run seed` — seeds the demo organisation; `npm run seed -- --scale 14000` — a city-sized
 * organisation for benchmarks; `--articles 5000` adds news at that scale; `--reset` clears people,
 * units, locations and news first.
 * Uses MONGODB_URI, or starts the embedded engine on DATA_DIR like the server (stop the server
 * first: two engines must not share one data directory).
 */
import { parseArgs } from 'node:util';
import { loadEnv } from '../server/env';
import { connectDatabase, disconnectDatabase, syncIndexes } from '../server/db/connect';
import { startEmbeddedEngine, type EmbeddedEngine } from '../server/db/engine';
import { PersonModel } from '../server/modules/people/person.model';
import { insertDemo } from '../server/db/seed/demo';
import { clearOrganisation, seedScale } from '../server/db/seed/scale';
import { clearNews, seedNews } from '../server/db/seed/scale-news';

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    articles: { type: 'string', default: '0' },
    reset: { type: 'boolean', default: false },
  },
});
const scale = values.scale === undefined ? null : Number(values.scale);
if (scale !== null && (!Number.isInteger(scale) || scale < 1 || scale > 200_000)) {
  console.error('--scale needs a whole number of people between 1 and 200000');
  process.exit(2);
}

const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 0 || articles > 100_000) {
  console.error('--articles needs a whole number between 0 and 100000');
  process.exit(2);
}

const env = loadEnv();
const started = Date.now();
let engine: EmbeddedEngine | null = null;
let uri = env.MONGODB_URI;
if (!uri) {
  engine = await startEmbeddedEngine({ dataDir: env.DATA_DIR, bin: env.FERRETDB_BIN });
  uri = engine.uri;
}
let code = 0;
try {
  await connectDatabase(uri);
  await syncIndexes();
  const existing = await PersonModel.estimatedDocumentCount();
  if (existing > 0 && !values.reset) {
    console.error(`The database already has ${existing} people. Use --reset to replace them.`);
    code = 1;
  } else {
    if (values.reset) {
      await clearOrganisation();
      await clearNews();
      console.log('cleared people, units and locations');
    }
    if (scale === null) {
      const people = await insertDemo();
      console.log(`demo organisation seeded: ${people} people in ${Date.now() - started} ms`);
    } else {
      const result = await seedScale(scale, (msg) => console.log(msg));
      console.log(
        `seeded ${result.people} people in ${result.units} units in ${result.ms} ms ` +
          `(${Math.round(result.people / (result.ms / 1000))} people/s; total ${Date.now() - started} ms)`,
      );
    }
    if (articles > 0) {
      const news = await seedNews(articles, (msg) => console.log(msg));
      console.log(
        `seeded ${news.articles} articles in ${news.channels} channels, reading state of ` +
          `${news.readers} people, in ${news.ms} ms`,
      );
    }
  }
} catch (err) {
  console.error(err);
  code = 1;
} finally {
  await disconnectDatabase().catch(() => undefined);
  if (engine) await engine.stop();
}
process.exit(code);
