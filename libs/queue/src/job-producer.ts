import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@claimdesk/config';
import { jobOptions } from './job-options';
import { QueueName, type JobDataByQueue } from './queue-names';

export type JobRequest = { [Q in QueueName]: { queue: Q; data: JobDataByQueue[Q] } }[QueueName];

const ENQUEUE_TIMEOUT_MS = 2_000;

/**
 * Enqueues work after the Postgres transaction that made it due has committed. Enqueuing may fail
 * (Redis down): Postgres already holds the truth, and the reconciler enqueues what is missing, so a
 * failure here is logged, never thrown at the caller.
 */
@Injectable()
export class JobProducer {
  private readonly logger = new Logger(JobProducer.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Extract) extract: Queue,
    @InjectQueue(QueueName.Route) route: Queue,
    @InjectQueue(QueueName.Sla) sla: Queue,
    @InjectQueue(QueueName.Reconcile) reconcile: Queue,
    @InjectQueue(QueueName.Webhook) webhook: Queue,
    private readonly config: AppConfig,
  ) {
    this.queues = { extract, route, sla, reconcile, webhook };
    // Without a listener BullMQ prints every reconnect failure; one line per outage is enough.
    for (const queue of Object.values(this.queues)) queue.on('error', (error) => this.onRedisError(error));
  }

  private lastRedisError = 0;
  private onRedisError(error: Error): void {
    if (Date.now() - this.lastRedisError < 30_000) return;
    this.lastRedisError = Date.now();
    this.logger.warn(`Redis unavailable for producers: ${error.message}`);
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /** Returns how many were enqueued; never throws. */
  async enqueue(requests: JobRequest[]): Promise<number> {
    if (requests.length === 0) return 0;
    const byQueue = new Map<QueueName, JobRequest[]>();
    for (const request of requests) byQueue.set(request.queue, [...(byQueue.get(request.queue) ?? []), request]);
    let done = 0;
    for (const [name, batch] of byQueue) {
      try {
        await withTimeout(
          this.queues[name].addBulk(
            batch.map((r) => ({ name, data: r.data, opts: jobOptions(r.queue, r.data as never, this.config.env) })),
          ),
          ENQUEUE_TIMEOUT_MS,
        );
        done += batch.length;
      } catch (error) {
        this.logger.warn(`could not enqueue ${batch.length} ${name} job(s), the reconciler will: ${String(error)}`);
      }
    }
    return done;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
