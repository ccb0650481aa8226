/** `jiugai serve` (what `npm start` runs): the web app on its database, until a signal stops it. */
import path from 'node:path';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { expirePendingUploads, failInterruptedJobs, liveUploadFiles } from './platform/jobs.js';
import { removeStaleUploads } from './platform/uploads.js';
import { startSweeps } from './sweeps.js';

export async function serve(config: Config, database: Database) {
  await bootstrap(database, config, (line) => console.log(line));
  await failInterruptedJobs(database.db);
  await expirePendingUploads(database.db);
  removeStaleUploads(path.join(config.dataDir, 'uploads'), await liveUploadFiles(database.db));
  const app = await buildApp(database, config);
  const address = await app.listen({ port: config.port, host: config.host });
  console.log(`Jiugai 旧改通 listening on ${address} (database: ${database.kind})`);
  const stopSweeps = startSweeps(database, (error) => app.log.error(error, 'periodic sweep failed'));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    await stopSweeps();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
