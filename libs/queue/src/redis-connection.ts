import type { RedisOptions } from 'bullmq';

/**
 * ioredis options from a redis:// URL. Workers need maxRetriesPerRequest null (BullMQ blocks on
 * Redis); producers in the API fail fast instead (no offline queue), so a request never hangs on a
 * Redis outage: the reconciler enqueues what could not be enqueued.
 */
export function redisOptions(url: string, role: 'producer' | 'worker'): RedisOptions {
  const parsed = new URL(url);
  const options: RedisOptions = {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * 2 ** times, 5_000),
  };
  if (role === 'producer') {
    options.enableOfflineQueue = false;
    options.maxRetriesPerRequest = 1;
    options.connectTimeout = 2_000;
  }
  return options;
}
