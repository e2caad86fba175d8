import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { checkInvariants, createTestDatabase, deleteQueueKeys } from '@claimdesk/testing';
import { ApiClient } from './lib/api-client';
import { ensureLocalServices, repoRoot } from './lib/local-services';
import { articleGenerator } from './chaos/article-generator';
import { ProcessPool } from './chaos/process-pool';
import { startOwnPostgres, type OwnPostgres } from './chaos/own-postgres';

interface Options {
  articles: number;
  seconds: number;
  pgRestart: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { articles: 50, seconds: 30, pgRestart: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--articles') options.articles = Number(argv[++i]);
    else if (arg === '--seconds') options.seconds = Number(argv[++i]);
    else if (arg === '--no-pg-restart') options.pgRestart = false;
    else throw new Error(`unknown argument ${arg}; usage: npm run chaos -- [--articles N] [--seconds S] [--no-pg-restart]`);
  }
  if (!(options.articles > 0) || !(options.seconds > 0)) throw new Error('--articles and --seconds must be positive numbers');
  return options;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => console.log(`[chaos] ${msg}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * With DATABASE_URL given, the server named there is restarted only where this script can do it:
 * the machine's local cluster (a machine of one's own). Without it chaos restarts its own server.
 */
function restartLocalCluster(databaseUrl: string): boolean {
  const url = new URL(databaseUrl);
  if (!['127.0.0.1', 'localhost'].includes(url.hostname) || (url.port || '5432') !== '5432') return false;
  if (!existsSync('/etc/postgresql')) return false;
  const version = readdirSync('/etc/postgresql').sort().pop();
  if (!version) return false;
  try {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(500);
  }
  return false;
}

/**
 * npm run chaos: the API and two workers as separate processes; articles are ingested while workers
 * are SIGKILLed at random, the queue's Redis keys are flushed once and Postgres is restarted once;
 * then, once the desk is quiet, the invariants are checked and one summary line is printed.
 */
async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  const services = await ensureLocalServices({ purpose: 'test', log: () => undefined });
  const ownPg: OwnPostgres | undefined = process.env.DATABASE_URL ? undefined : await startOwnPostgres(root);
  const db = await createTestDatabase(ownPg?.serverUrl ?? services.databaseUrl);
  const prefix = `chaos-${randomBytes(4).toString('hex')}`;
  const adminToken = `cd_chaos_${randomBytes(16).toString('hex')}`;
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    REDIS_URL: services.redisUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    CLAIMDESK_ADMIN_TOKEN: adminToken,
    CLAIMDESK_QUEUE_PREFIX: prefix,
    CLAIMDESK_RECONCILE_SECONDS: '2',
  };
  const pool = new ProcessPool(root, env);
  const api = new ApiClient(`http://127.0.0.1:${port}`, adminToken);
  const counts = { kills: 0, flushes: 0, pgRestarts: 0, ingested: 0, ingestErrors: 0 };
  try {
    pool.start('api', 'api');
    // Generous: on a loaded machine (CI beside other jobs) the API's start alone can take half a minute.
    if (!(await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok, 120_000))) {
      throw new Error(`api did not start; it said: ${pool.stderrOf('api') || '(nothing)'}`);
    }
    for (let i = 0; i < 30; i++) {
      const { body } = await api.post('/people', {
        name: `Chaos reviewer ${i}`,
        email: `chaos${i}@chaos.test`,
        role: 'REVIEWER',
        languages: ['en'],
        capacity: 100,
      });
      void body;
    }
    pool.start('worker-1', 'worker');
    pool.start('worker-2', 'worker');
    log(`api on :${port}, 2 workers, database ${db.name}, prefix ${prefix}; ${options.articles} articles over ~${options.seconds} s`);

    const article = articleGenerator(root);
    const started = Date.now();
    let stormOver = false;
    const storm = (async () => {
      let flushed = false;
      let restarted = !options.pgRestart;
      while (!stormOver) {
        await sleep(1_000 + Math.random() * 2_000);
        if (stormOver) break;
        const victim = Math.random() < 0.5 ? 'worker-1' : 'worker-2';
        await pool.kill(victim, 'SIGKILL');
        counts.kills++;
        await sleep(300);
        pool.start(victim, 'worker');
        const elapsed = (Date.now() - started) / 1000;
        if (!flushed && elapsed > options.seconds / 3) {
          await deleteQueueKeys(services.redisUrl, prefix);
          counts.flushes++;
          flushed = true;
        }
        if (!restarted && elapsed > (options.seconds * 2) / 3) {
          restarted = true;
          if (ownPg ? await ownPg.restart() : restartLocalCluster(db.url)) counts.pgRestarts++;
          else log('Postgres restart not allowed here (not the local cluster); skipped');
        }
      }
    })();

    // Ingestion paced over the storm; a request that fails during the Postgres restart is retried.
    const gap = (options.seconds * 1000) / options.articles;
    for (let i = 0; i < options.articles; i++) {
      const input = article(i);
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          await api.post('/articles', input, 'application/json');
          counts.ingested++;
          break;
        } catch {
          counts.ingestErrors++;
          await sleep(500);
        }
      }
      await sleep(Math.max(0, started + gap * (i + 1) - Date.now()));
    }
    while (Date.now() - started < options.seconds * 1000) await sleep(200);
    stormOver = true;
    await storm;

    log('storm over; waiting for the desk to settle');
    const quiet = await waitUntil(async () => {
      const r = await checkInvariants(db.url);
      return r.lost === 0 && r.inconsistent === 0;
    }, 180_000);
    const report = await checkInvariants(db.url);
    const ok = quiet && report.lost === 0 && report.duplicated === 0 && report.overCapacity === 0 && report.inconsistent === 0;
    console.log(
      `chaos: articles ${counts.ingested} (ingest retries ${counts.ingestErrors}), claims ${report.claims}, kills ${counts.kills}, ` +
        `flushes ${counts.flushes}, postgres restarts ${counts.pgRestarts} | lost ${report.lost}, duplicated ${report.duplicated}, ` +
        `over-capacity ${report.overCapacity}, inconsistent ${report.inconsistent}`,
    );
    for (const line of report.details) log(line);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await pool.stopAll();
    await deleteQueueKeys(services.redisUrl, prefix).catch(() => undefined);
    await db.drop().catch(() => undefined);
    await ownPg?.stop();
    await services.stop();
  }
}

main().catch((error) => {
  console.error(`chaos failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
