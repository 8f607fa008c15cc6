import closeWithGrace from 'close-with-grace';
import { loadEnv } from './env';
import { logger } from './lib/logger';
import { startServer } from './main';

const env = loadEnv();
const server = await startServer(env).catch((err: unknown) => {
  logger.fatal({ err }, 'start failed');
  process.exit(1);
});
// eslint-disable-next-line no-console -- the one line a person starting the portal looks for
console.log(`Portal läuft / running: ${server.url}`);

closeWithGrace({ delay: 10_000, logger }, async ({ signal, err }) => {
  if (err) logger.error({ err }, 'closing after error');
  logger.info({ signal }, 'shutting down');
  await server.close();
});
