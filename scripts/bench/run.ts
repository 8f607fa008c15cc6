/**
 * `npm run bench -- <name> [options]`: news (start page and news list at city scale), queries
 * (database commands per request), chat (latency, CPU and heap per client against bare Socket.IO),
 * leave (team calendar and inbox p95 for an office of 1,500 people), wiki-load (page load and
 * search at 10,000 pages), rooms (team room feed and room lists at 2,000 rooms × 200 members),
 * wiki-collab (50 co-editors on 10 pages: edit delivery), learning (catalogue and "my courses"
 * at 1,000 courses × 14,000 learners), bundle
 * (initial JS of the SPA), cold-start.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const [name, ...rest] = process.argv.slice(2);
const here = import.meta.dirname;
const scripts: Record<string, string[]> = {
  news: [path.join(here, '../../node_modules/tsx/dist/cli.mjs'), path.join(here, 'news.ts')],
  queries: [path.join(here, '../../node_modules/tsx/dist/cli.mjs'), path.join(here, 'queries.ts')],
  chat: [path.join(here, '../../node_modules/tsx/dist/cli.mjs'), path.join(here, 'chat.ts')],
  leave: [path.join(here, '../../node_modules/tsx/dist/cli.mjs'), path.join(here, 'leave.ts')],
  'wiki-load': [
    path.join(here, '../../node_modules/tsx/dist/cli.mjs'),
    path.join(here, 'wiki-load.ts'),
  ],
  rooms: [path.join(here, '../../node_modules/tsx/dist/cli.mjs'), path.join(here, 'rooms.ts')],
  learning: [
    path.join(here, '../../node_modules/tsx/dist/cli.mjs'),
    path.join(here, 'learning.ts'),
  ],
  'wiki-collab': [
    path.join(here, '../../node_modules/tsx/dist/cli.mjs'),
    path.join(here, 'wiki-collab.ts'),
  ],
  bundle: [path.join(here, 'bundle.mjs')],
  'cold-start': [path.join(here, 'cold-start.mjs')],
};
const script = name ? scripts[name] : undefined;
if (!script) {
  console.error(`usage: npm run bench -- <${Object.keys(scripts).join('|')}> [options]`);
  process.exit(2);
}
const result = spawnSync(process.execPath, [...script, ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
