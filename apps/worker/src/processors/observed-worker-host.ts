import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleDestroy } from '@nestjs/common';

/**
 * The base of every processor.
 * - An 'error' listener on its BullMQ worker: without one, an error event (Redis gone, or a job's key
 *   flushed while it ran) is an unhandled 'error' that kills the process. With it the worker logs,
 *   reconnects and carries on; the reconciler re-enqueues what was lost.
 * - Closing first: @nestjs/bullmq closes workers in onApplicationShutdown, after every
 *   onModuleDestroy, so a job still running would find its database client already closed and hang
 *   mid-transaction (and the close with it). Closing here, in onModuleDestroy, lets active jobs
 *   finish while Postgres is still there (PrismaService disconnects in onApplicationShutdown).
 */
export abstract class ObservedWorkerHost extends WorkerHost implements OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private lastErrorAt = 0;

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (Date.now() - this.lastErrorAt < 10_000) return;
    this.lastErrorAt = Date.now();
    this.logger.warn(`worker error (will recover): ${error.message}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }
}
