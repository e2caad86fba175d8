import path from 'node:path';
import { ensureLocalServices, probePort, type LocalServices } from '../lib/local-services';

/** Fixed, so repeated chaos runs reuse one initialised cluster; away from `npm start`'s 54329. */
const PORT = 54339;

export interface OwnPostgres {
  serverUrl: string;
  /** Stops and starts the server; false when it was not ours to stop (left running by someone else). */
  restart(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * The chaos command restarts Postgres mid-storm. On a machine shared with other developers or CI
 * jobs, restarting the machine's server would break their runs, so chaos starts an embedded
 * Postgres of its own (cluster in `<repo>/data/chaos`) and restarts that one.
 */
export async function startOwnPostgres(root: string): Promise<OwnPostgres> {
  const dataDir = path.join(root, 'data', 'chaos');
  const start = (): Promise<LocalServices> =>
    ensureLocalServices({ purpose: 'test', pgPort: PORT, embeddedPgPort: PORT, dataDir, log: () => undefined });
  let services = await start();
  const serverUrl = services.databaseUrl;
  return {
    serverUrl,
    async restart() {
      await services.stop();
      const stopped = !(await probePort(PORT));
      services = await start();
      return stopped;
    },
    stop: () => services.stop(),
  };
}
