import IORedis from 'ioredis';

/** Removes every key under a test's queue prefix, so Redis is left as the test found it. */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  let deleted = 0;
  await scanKeys(redisUrl, `${prefix}:*`, async (redis, keys) => {
    deleted += await redis.del(...keys);
  });
  return deleted;
}

/**
 * Every queue prefix of one Jest run starts with this (testEnv adds a random part per test file), so
 * the run's global teardown can find whatever any of its files left in Redis, and only that: other
 * runs on the same Redis have other run ids.
 */
export function runQueuePrefix(runId = process.env.CLAIMDESK_TEST_RUN ?? 'adhoc'): string {
  return `cdtest-${runId}-`;
}

/** The keys whose names match a pattern (SCAN, never KEYS: Redis may be shared). */
export async function findKeys(redisUrl: string, pattern: string): Promise<string[]> {
  const found: string[] = [];
  await scanKeys(redisUrl, pattern, async (_redis, keys) => {
    found.push(...keys);
  });
  return found;
}

async function scanKeys(redisUrl: string, pattern: string, onBatch: (redis: IORedis, keys: string[]) => Promise<void>): Promise<void> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await onBatch(redis, keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
