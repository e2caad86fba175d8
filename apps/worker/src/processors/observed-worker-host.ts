import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobMetrics } from '../observability/job-metrics';
import { runJob } from '../observability/job-context';

/**
 * The base of every processor.
 * - An 'error' listener on its BullMQ worker: without one, an error event (Redis gone, or a job's key
 *   flushed while it ran) is an unhandled 'error' that kills the process. With it the worker logs,
 *   reconnects and carries on; the reconciler re-enqueues what was lost.
 * - Closing first: @nestjs/bullmq closes workers in onApplicationShutdown, after every
 *   onModuleDestroy, so a job still running would find its database client already closed and hang
 *   mid-transaction (and the close with it). Closing here, in onModuleDestroy, lets active jobs
 *   finish while Postgres is still there (PrismaService disconnects in onApplicationShutdown).
 * - Each job attempt runs in its own log context (requestId, queue, jobId), its outcome logged and
 *   its duration measured (job-context.ts): the subclass's process() is wrapped here, so processors
 *   stay plain.
 */
export abstract class ObservedWorkerHost extends WorkerHost implements OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private lastErrorAt = 0;
  @Optional() @Inject(JobMetrics) private readonly jobMetrics?: JobMetrics;

  constructor() {
    super();
    // @nestjs/bullmq binds `instance.process` when it creates the BullMQ worker, after construction.
    const process = this.process.bind(this);
    this.process = (job: Job, token?: string) => runJob(job, this.jobMetrics, () => process(job, token));
  }

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
