import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { AppConfig } from '@claimdesk/config';
import { redisOptions } from '@claimdesk/queue';

type RateHitCommand = { claimdeskRateHit: (key: string, windowMs: string) => Promise<[number, number]> };

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

// INCR and the window's expiry in one round trip, atomically, whichever API process asks.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/**
 * Per-token fixed-window limits kept in Redis, so every API process shares one count. If Redis is
 * unreachable the limiter lets requests through: a rate limit must not become an outage.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: IORedis;
  private readonly windowMs = 60_000;

  constructor(private readonly config: AppConfig) {
    // Commands wait for a (re)connection at most 300 ms, then the limiter fails open.
    this.redis = new IORedis({
      ...redisOptions(config.env.REDIS_URL, 'producer'),
      enableOfflineQueue: true,
      commandTimeout: 300,
    });
    this.redis.on('error', () => undefined);
    // Sent by SHA after the first call (EVALSHA), not as the whole script on every request.
    this.redis.defineCommand('claimdeskRateHit', { numberOfKeys: 1, lua: HIT });
  }

  get limit(): number {
    return this.config.env.CLAIMDESK_RATE_LIMIT_PER_MINUTE;
  }

  async hit(subject: string): Promise<RateDecision> {
    const window = Math.floor(Date.now() / this.windowMs);
    const key = `${this.config.env.CLAIMDESK_QUEUE_PREFIX}:ratelimit:${subject}:${window}`;
    try {
      const hit = (this.redis as unknown as RateHitCommand).claimdeskRateHit;
      const [count, ttl] = await hit.call(this.redis, key, String(this.windowMs));
      const allowed = count <= this.limit;
      return {
        allowed,
        limit: this.limit,
        remaining: Math.max(0, this.limit - count),
        retryAfterSeconds: Math.max(1, Math.ceil((ttl > 0 ? ttl : this.windowMs) / 1000)),
      };
    } catch (error) {
      this.logger.warn(`rate limiter unavailable, letting requests through: ${String(error)}`);
      return { allowed: true, limit: this.limit, remaining: this.limit, retryAfterSeconds: 0 };
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
