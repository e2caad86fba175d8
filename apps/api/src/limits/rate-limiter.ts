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
 * Fixed-window limits kept in Redis (per person, and per client address for callers without a
 * valid token), so every API process shares one count. If Redis is
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

  /** Counts one request against `subject`'s window (the per-person budget unless `limit` says otherwise). */
  async hit(subject: string, limit = this.limit): Promise<RateDecision> {
    try {
      const hit = (this.redis as unknown as RateHitCommand).claimdeskRateHit;
      const [count, ttl] = await hit.call(this.redis, this.key(subject), String(this.windowMs));
      return this.decide(count, ttl, limit);
    } catch (error) {
      return this.failOpen(error, limit);
    }
  }

  /** Where `subject` stands in its window, without counting a request. */
  async peek(subject: string, limit: number): Promise<RateDecision> {
    try {
      const key = this.key(subject);
      const [[, count], [, ttl]] = (await this.redis.multi().get(key).pttl(key).exec()) as [[null, string | null], [null, number]];
      // `count` requests already made: the next one is allowed while fewer than `limit` were.
      return this.decide(Number(count ?? 0) + 1, ttl, limit);
    } catch (error) {
      return this.failOpen(error, limit);
    }
  }

  private key(subject: string): string {
    return `${this.config.env.CLAIMDESK_QUEUE_PREFIX}:ratelimit:${subject}:${Math.floor(Date.now() / this.windowMs)}`;
  }

  private decide(count: number, ttl: number, limit: number): RateDecision {
    return {
      allowed: count <= limit,
      limit,
      remaining: Math.max(0, limit - count),
      retryAfterSeconds: Math.max(1, Math.ceil((ttl > 0 ? ttl : this.windowMs) / 1000)),
    };
  }

  private failOpen(error: unknown, limit: number): RateDecision {
    this.logger.warn(`rate limiter unavailable, letting requests through: ${String(error)}`);
    return { allowed: true, limit, remaining: limit, retryAfterSeconds: 0 };
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
