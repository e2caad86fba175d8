import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

// The repository root: three levels up from the source, four from its build in dist/ (npm run bench).
const REPO = [path.resolve(__dirname, '../../..'), path.resolve(__dirname, '../../../..')].find((dir) =>
  existsSync(path.join(dir, 'node_modules/prisma/build/index.js')),
)!;
const MIGRATIONS = path.join(REPO, 'prisma', 'migrations');

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A hash of the migrations: a template built from other migrations is never used. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const dir of readdirSync(MIGRATIONS).sort()) {
    if (dir.endsWith('.toml')) continue;
    hash.update(dir).update(readFileSync(path.join(MIGRATIONS, dir, 'migration.sql')));
  }
  return hash.digest('hex').slice(0, 12);
}

async function withAdmin<T>(serverUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs the real `prisma migrate deploy`, so the migrations under test are the ones production applies. */
async function migrate(url: string): Promise<void> {
  await promisify(execFile)(process.execPath, [path.join(REPO, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    timeout: 120_000,
  });
}

/**
 * One Jest run's template: migrated once in the global setup, cloned by every test file (a few
 * milliseconds instead of a migration per file), dropped in the global teardown with every database
 * cloned from it. The name carries the run's own id, so two suites on one Postgres (two clones, CI
 * beside a developer) never share, race on or drop each other's template.
 */
export interface TestRun {
  runId: string;
  template: string;
  drop(): Promise<void>;
}

export async function createTestRun(serverUrl = process.env.DATABASE_URL!): Promise<TestRun> {
  const runId = randomBytes(4).toString('hex');
  const template = `claimdesk_tpl_${migrationsHash()}_${runId}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${template}"`));
  await migrate(withDatabase(serverUrl, template));
  return {
    runId,
    template,
    drop: () =>
      withAdmin(serverUrl, async (admin) => {
        const own = await admin.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
          [template, `claimdesk_t_${runId}_%`],
        );
        for (const row of own.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      }),
  };
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of this test file's own: a clone of the run's template under Jest, or a
 * database migrated on the spot for a command run outside Jest (`npm run bench`, `npm run chaos`).
 */
export async function createTestDatabase(serverUrl = process.env.DATABASE_URL!): Promise<TestDatabase> {
  const template = process.env.CLAIMDESK_TEST_TEMPLATE;
  const run = process.env.CLAIMDESK_TEST_RUN ?? 'x';
  const name = `claimdesk_t_${run}_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl, name);
  const drop = () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
  if (!template) await migrate(url).catch(async (err) => { await drop(); throw err; });
  return { url, name, drop };
}
