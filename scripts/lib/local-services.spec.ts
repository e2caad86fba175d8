import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { ensureLocalServices, probePort, REDIS_INSTALL_HINT } from './local-services';

// Proves the embedded paths for real: no URLs in the environment and nothing on the probed ports, so
// both servers must be started. One embedded start for the whole file (initdb is the slow part).

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('ensureLocalServices', () => {
  const saved = {
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    PATH: process.env.PATH,
  };
  let dataDir: string;

  beforeEach(() => {
    delete process.env.DATABASE_URL;
    delete process.env.REDIS_URL;
  });
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-services-'));
    fs.chmodSync(dataDir, 0o755); // as root, the embedded Postgres runs as `postgres` and must get in
  });
  afterAll(() => {
    Object.assign(process.env, saved);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts embedded Postgres and Redis, reuses them, and stops only what it started', async () => {
    const [pgPort, redisPort, embeddedPgPort, embeddedRedisPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const lines: string[] = [];
    const opts = {
      purpose: 'run' as const,
      pgPort,
      redisPort,
      embeddedPgPort,
      embeddedRedisPort,
      dataDir,
      log: (m: string) => lines.push(m),
    };
    const services = await ensureLocalServices(opts);
    try {
      expect(services.databaseUrl).toBe(`postgresql://postgres@127.0.0.1:${embeddedPgPort}/claimdesk`);
      expect(services.redisUrl).toBe(`redis://127.0.0.1:${embeddedRedisPort}`);
      expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

      const pg = new Client({ connectionString: services.databaseUrl });
      await pg.connect();
      expect((await pg.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await pg.end();

      const redis = new Redis(services.redisUrl, { maxRetriesPerRequest: 1 });
      expect(await redis.ping()).toBe('PONG');
      expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      redis.disconnect();

      // A second caller finds both running and reuses them; its stop() must leave them alone.
      const again = await ensureLocalServices(opts);
      expect(again.databaseUrl).toBe(services.databaseUrl);
      expect(again.redisUrl).toBe(services.redisUrl);
      await again.stop();
      expect(await probePort(embeddedPgPort)).toBe(true);
      expect(await probePort(embeddedRedisPort)).toBe(true);
      expect(lines.join('\n')).toMatch(/reusing the embedded server/);
    } finally {
      await services.stop();
    }
    expect(await probePort(embeddedPgPort)).toBe(false);
    expect(await probePort(embeddedRedisPort)).toBe(false);
  });

  it('uses DATABASE_URL and REDIS_URL as given', async () => {
    process.env.DATABASE_URL = 'postgresql://someone@db.example:5432/x';
    process.env.REDIS_URL = 'redis://cache.example:6379';
    const services = await ensureLocalServices({ purpose: 'test', log: () => undefined });
    expect(services).toMatchObject({
      databaseUrl: process.env.DATABASE_URL,
      redisUrl: process.env.REDIS_URL,
    });
    await services.stop();
  });

  it('names the install command when no Redis answers and redis-server is not on PATH', async () => {
    process.env.DATABASE_URL = 'postgresql://unused@127.0.0.1:1/x';
    process.env.PATH = dataDir; // a folder with no redis-server in it
    try {
      const redisPort = await freePort();
      await expect(
        ensureLocalServices({
          purpose: 'test',
          redisPort,
          embeddedRedisPort: redisPort,
          dataDir,
          log: () => undefined,
        }),
      ).rejects.toThrow(REDIS_INSTALL_HINT);
    } finally {
      process.env.PATH = saved.PATH;
    }
  });
});
