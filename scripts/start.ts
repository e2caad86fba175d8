import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { ensureLocalServices, repoRoot } from './lib/local-services';
import { runMigrations } from './lib/run-migrations';

// `npm start`: Postgres and Redis (embedded when none answer), migrations, then the api and the worker
// as two child processes. `scripts/start-one.ts` runs the same with one of them.

export type AppName = 'api' | 'worker';
const FORCE_AFTER_MS = 20_000; // a child still alive this long after a stop request is killed
// A terminal's Ctrl-C reaches this process twice (from the terminal, and forwarded by npm): a signal
// this soon after the first is the same request, not the second Ctrl-C that forces the stop.
const SAME_REQUEST_MS = 1_000;

/**
 * On a terminal: pretty lines with a `[name]` prefix (the apps are told LOG_FORMAT=pretty). Otherwise
 * every line is one JSON object, ours and the apps' alike (their JSON passes through untouched; any
 * other line they print is wrapped), so a collector reading `npm start` gets JSON only.
 */
const JSON_LINES = (process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json')) === 'json';

function emit(to: NodeJS.WritableStream, name: string, line: string, level: 'info' | 'error' = 'info'): void {
  if (!JSON_LINES) to.write(`[${name}] ${line}\n`);
  else if (line.startsWith('{')) to.write(`${line}\n`);
  else to.write(`${JSON.stringify({ level, time: new Date().toISOString(), name, msg: line })}\n`);
}

const log = (msg: string) => emit(process.stdout, 'start', msg);

/** CLAIMDESK_ADMIN_TOKEN, or one generated once and kept in data/admin-token, so a fresh install has an admin. */
export function adminToken(): string {
  if (process.env.CLAIMDESK_ADMIN_TOKEN) return process.env.CLAIMDESK_ADMIN_TOKEN;
  const file = path.join(repoRoot(), 'data', 'admin-token');
  if (fs.existsSync(file)) {
    log(`admin token: the one kept in ${file}`);
    return fs.readFileSync(file, 'utf8').trim();
  }
  const token = `cd_${randomBytes(32).toString('base64url')}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  log(`admin token: generated one and kept it in ${file} (mode 600); it is reused on the next start`);
  return token;
}

function entry(app: AppName): string {
  // This file runs as dist/scripts/start.js; the apps are built beside it.
  const file = path.resolve(__dirname, '..', 'apps', app, 'src', 'main.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return file;
}

function forwardLines(from: NodeJS.ReadableStream, to: NodeJS.WritableStream, name: string, level: 'info' | 'error'): void {
  readline.createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => emit(to, name, line, level));
}

/** Prepares the environment, runs the given apps, and returns the exit code for the whole group. */
export async function supervise(apps: AppName[], opts: { migrate: boolean }): Promise<number> {
  const entries = apps.map(entry); // fail before starting anything if the build is missing
  const services = await ensureLocalServices({ purpose: 'run', log: (m) => log(m) });
  try {
    if (opts.migrate) await runMigrations(services.databaseUrl, (line) => line.trim() && emit(process.stdout, 'migrate', line));
    const env = {
      ...process.env,
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      LOG_FORMAT: JSON_LINES ? 'json' : 'pretty',
    };
    // Only the api bootstraps the admin; the worker gets no token it has no use for.
    const apiEnv = apps.includes('api') ? { ...env, CLAIMDESK_ADMIN_TOKEN: adminToken() } : env;
    return await runChildren(apps, entries, (app) => (app === 'api' ? apiEnv : env));
  } finally {
    await services.stop();
  }
}

function runChildren(
  apps: AppName[],
  entries: string[],
  envOf: (app: AppName) => NodeJS.ProcessEnv,
): Promise<number> {
  return new Promise((resolve) => {
    const live = new Map<AppName, ChildProcess>();
    let stopping = false;
    let failed = false;
    let forceTimer: NodeJS.Timeout | undefined;
    let stopRequestedAt = 0;

    const stopAll = (signal: NodeJS.Signals) => {
      if (stopping && Date.now() - stopRequestedAt < SAME_REQUEST_MS) return;
      if (stopping) {
        // A second Ctrl-C: do not wait for a graceful shutdown any longer.
        for (const child of live.values()) child.kill('SIGKILL');
        return;
      }
      stopping = true;
      stopRequestedAt = Date.now();
      // Each child leads its own process group: signal the group, so nothing it started lingers.
      for (const child of live.values()) signalGroup(child, signal);
      forceTimer = setTimeout(() => {
        for (const [name, child] of live) {
          log(`${name} did not stop in time: killing it`);
          child.kill('SIGKILL');
        }
      }, FORCE_AFTER_MS);
    };
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping && Date.now() - stopRequestedAt < SAME_REQUEST_MS) return;
      log(`${signal}: stopping ${[...live.keys()].join(' and ')}${stopping ? ' at once (second request)' : ''}`);
      stopAll(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // If this process dies abruptly, do not leave the apps behind (they are in their own process group).
    const killLeft = () => live.forEach((child) => child.kill('SIGKILL'));
    process.on('exit', killLeft);

    apps.forEach((name, i) => {
      // detached: own process group, so a terminal Ctrl-C reaches them once, forwarded from here.
      const child = spawn(process.execPath, [entries[i]], {
        env: envOf(name),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      live.set(name, child);
      forwardLines(child.stdout!, process.stdout, name, 'info');
      forwardLines(child.stderr!, process.stderr, name, 'error');
      child.once('exit', (code, signal) => {
        live.delete(name);
        // Unexpected means failed, even with code 0; while stopping, our own signal counts as clean.
        const clean = stopping && (code === 0 || (signal !== null && signal !== 'SIGKILL'));
        if (!clean) failed = true;
        if (!stopping) {
          log(`${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the rest`);
          stopAll('SIGTERM');
        } else {
          log(`${name} stopped (${signal ?? `code ${code}`})`);
        }
        if (live.size === 0) {
          clearTimeout(forceTimer);
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          process.off('exit', killLeft);
          resolve(failed ? 1 : 0);
        }
      });
    });
    log(
      `running ${apps.map((name, i) => `${name} (pid ${live.get(name)?.pid ?? '?'}, ${path.relative(process.cwd(), entries[i])})`).join(', ')}`,
    );
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal);
  }
}

export function main(apps: AppName[], opts: { migrate: boolean }): void {
  supervise(apps, opts).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(`[start] ${err.message}`);
      process.exit(1);
    },
  );
}

if (require.main === module) main(['api', 'worker'], { migrate: true });
