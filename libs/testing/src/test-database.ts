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
const LOCK_KEY = 4_242_001;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The template's name changes whenever a migration does, so a stale template is never used. */
function templateName(): string {
  const hash = createHash('sha256');
  for (const dir of readdirSync(MIGRATIONS).sort()) {
    if (dir.endsWith('.toml')) continue;
    hash.update(dir).update(readFileSync(path.join(MIGRATIONS, dir, 'migration.sql')));
  }
  return `claimdesk_tpl_${hash.digest('hex').slice(0, 12)}`;
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

/**
 * Migrates a template database once (with the real `prisma migrate deploy`, so the migrations under
 * test are the ones production applies), then each test file clones it: a few milliseconds instead
 * of a migration per file. An advisory lock makes parallel test files agree on who migrates.
 */
async function ensureTemplate(serverUrl: string): Promise<string> {
  const name = templateName();
  return withAdmin(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return name;
      const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'claimdesk_tpl_%'`);
      for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      const building = `${name}_build`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      await promisify(execFile)(process.execPath, [path.join(REPO, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], {
        cwd: REPO,
        env: { ...process.env, DATABASE_URL: withDatabase(serverUrl, building), PRISMA_HIDE_UPDATE_MESSAGE: '1' },
        timeout: 120_000,
      });
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of this test file's own. */
export async function createTestDatabase(serverUrl = process.env.DATABASE_URL!): Promise<TestDatabase> {
  const template = await ensureTemplate(serverUrl);
  const name = `claimdesk_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
