import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WEBHOOK_DISPATCH_BATCH, WebhookDispatcher } from '@claimdesk/core';

const POLL_MS = 200;

/**
 * Moves new webhook deliveries from Postgres to the queue: a poll of a partial index that is empty
 * when nothing is new, so a delivery leaves within about POLL_MS of its event's commit. The
 * reconciler covers whatever this misses (Redis down, a crash between claim and enqueue).
 */
@Injectable()
export class WebhookDispatchLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WebhookDispatch');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastErrorAt = 0;

  constructor(private readonly dispatcher: WebhookDispatcher) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = null));
    }, POLL_MS);
    this.timer.unref(); // the worker's shutdown clears it; an app a test forgot to close must not hold the process
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      // A full batch means more may be waiting: go on at once.
      while (this.timer && (await this.dispatcher.dispatchNew()) >= WEBHOOK_DISPATCH_BATCH);
    } catch (error) {
      if (Date.now() - this.lastErrorAt < 10_000) return;
      this.lastErrorAt = Date.now();
      this.logger.warn(`dispatch failed (will retry): ${(error as Error).message}`);
    }
  }
}
