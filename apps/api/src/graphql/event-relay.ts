import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { AppConfig } from '@claimdesk/config';
import { LiveUpdates, type FeedEvent } from '@claimdesk/core';

export const GRAPHQL_EMITTER = Symbol('GRAPHQL_EMITTER');

export interface Emitter {
  emit(message: { topic: string; payload: unknown }, callback?: (error?: Error) => void): void;
  close(callback: () => void): void;
}

let topicPrefix = 'claimdesk';
/** Subscription topics (mqemitter syntax: '/' separates words); one namespace per queue prefix. */
export function articleTopic(articleId: string): string {
  return `${topicPrefix}/article/${articleId}`;
}

/**
 * Pushes committed events to GraphQL subscriptions on every API process. Each API process hears
 * each event from Postgres (LISTEN, fed by a trigger on "Event"); the first to claim it in Redis
 * (SET NX) publishes it once on the Redis-backed emitter (mqemitter-redis) that Mercurius's
 * subscriptions of all processes read, so a subscriber connected to any process gets it once.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('EventRelay');
  private readonly redis: IORedis;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly live: LiveUpdates,
    private readonly config: AppConfig,
    @Inject(GRAPHQL_EMITTER) private readonly emitter: Emitter,
  ) {
    topicPrefix = `claimdesk/${config.env.CLAIMDESK_QUEUE_PREFIX}`;
    // Commands wait for the connection (an event at start-up is not dropped); an outage fails them fast.
    this.redis = new IORedis(config.env.REDIS_URL, { maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = this.live.onEvent((event) => void this.relay(event));
    try {
      await this.live.listen();
    } catch (error) {
      this.logger.warn(`not listening to Postgres yet (retrying): ${String(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    this.redis.disconnect();
    // With Redis down the emitter's close may never call back: do not hold shutdown on it.
    await Promise.race([new Promise<void>((resolve) => this.emitter.close(() => resolve())), new Promise((r) => setTimeout(r, 1_000).unref())]);
  }

  private async relay(event: FeedEvent): Promise<void> {
    if (!event.articleId) return;
    try {
      const key = `${this.config.env.CLAIMDESK_QUEUE_PREFIX}:relayed-event:${event.id}`;
      const claimed = await this.redis.set(key, '1', 'EX', 600, 'NX');
      if (claimed !== 'OK') return;
      this.emitter.emit({ topic: articleTopic(event.articleId), payload: event });
    } catch (error) {
      this.logger.warn(`event ${event.id} not relayed: ${String(error)}`);
    }
  }
}
