import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';

/**
 * Every processor's BullMQ worker gets an 'error' listener: without one, an error event (Redis
 * gone, or a job's key flushed while it ran) is an unhandled 'error' that kills the process.
 * With it the worker logs, reconnects and carries on; the reconciler re-enqueues what was lost.
 */
export abstract class ObservedWorkerHost extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);
  private lastErrorAt = 0;

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (Date.now() - this.lastErrorAt < 10_000) return;
    this.lastErrorAt = Date.now();
    this.logger.warn(`worker error (will recover): ${error.message}`);
  }
}
