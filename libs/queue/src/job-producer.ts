import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@claimdesk/config';
import { currentRequestId } from '@claimdesk/observability';
import { jobOptions } from './job-options';
import { inspectJobRecord, type JobRecordHealth } from './job-record';
import { QueueName, type JobDataByQueue } from './queue-names';

export type JobRequest = { [Q in QueueName]: { queue: Q; data: JobDataByQueue[Q] } }[QueueName];

/** What ensureQueued found behind each job id, and what it did about it. */
export type EnsureReport = Record<JobRecordHealth, number> & { unremovable: number };

/** Job records inspected at once: enough to keep a pass short, few enough not to flood Redis. */
const INSPECT_CHUNK = 100;

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
    const requestId = currentRequestId();
    for (const [name, batch] of byQueue) {
      try {
        await withTimeout(
          this.queues[name].addBulk(
            batch.map((r) => ({ name, data: requestId ? { ...r.data, requestId } : r.data, opts: jobOptions(r.queue, r.data as never, this.config.env) })),
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

  /**
   * For the reconciler: makes sure each job's work is really queued, rather than trusting that a
   * record with its id exists (a job id is a promise only while its record is intact). Stale
   * records (completed, failed, orphaned, or stripped of their data) are removed and the job added
   * again; queued and running ones are left alone. A record that cannot be removed because a worker
   * has just locked it is left to that worker. Never throws on Redis errors: the next pass retries.
   */
  async ensureQueued(requests: JobRequest[]): Promise<EnsureReport> {
    const report: EnsureReport = { absent: 0, queued: 0, running: 0, stale: 0, unremovable: 0 };
    const toAdd: JobRequest[] = [];
    try {
      for (let i = 0; i < requests.length; i += INSPECT_CHUNK) {
        const chunk = requests.slice(i, i + INSPECT_CHUNK);
        const verdicts = await Promise.all(chunk.map((r) => this.repairIfStale(r)));
        chunk.forEach((request, j) => {
          const verdict = verdicts[j];
          if (verdict === 'unremovable') report.unremovable++;
          else report[verdict]++;
          if (verdict === 'absent' || verdict === 'stale') toAdd.push(request);
        });
      }
    } catch (error) {
      this.logger.warn(`could not inspect queued jobs, the next pass will: ${String(error)}`);
      return report;
    }
    await this.enqueue(toAdd);
    return report;
  }

  private async repairIfStale(request: JobRequest): Promise<JobRecordHealth | 'unremovable'> {
    const jobId = jobOptions(request.queue, request.data as never, this.config.env).jobId;
    if (!jobId) return 'absent';
    const queue = this.queues[request.queue];
    const health = await inspectJobRecord(queue, jobId);
    if (health !== 'stale') return health;
    // 0: a worker locked it between the inspection and now; it carries the work (or fails it).
    return (await queue.remove(jobId)) === 1 ? 'stale' : 'unremovable';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
