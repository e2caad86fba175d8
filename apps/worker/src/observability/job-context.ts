import { Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { isSafeRequestId, runWithLogFields } from '@claimdesk/observability';
import type { JobMetrics } from './job-metrics';

const logger = new Logger('Job');

/**
 * Runs one job attempt as the log context of everything it does: each line carries the job's
 * requestId (from the request that caused it, when there was one), queue and jobId, and any job it
 * enqueues inherits the requestId. Logs the outcome (info when done, warn when it threw) and records
 * its duration.
 */
export async function runJob<T>(job: Job, metrics: JobMetrics | undefined, work: () => Promise<T>): Promise<T> {
  const requestId = (job.data as { requestId?: unknown } | undefined)?.requestId;
  const fields = { ...(isSafeRequestId(requestId) ? { requestId } : {}), queue: job.queueName, jobId: job.id };
  return runWithLogFields(fields, async () => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const result = await work();
      metrics?.observe(job.queueName, 'completed', seconds());
      logger.log({ msg: 'job completed', attempt: job.attemptsMade + 1, durationMs: Math.round(seconds() * 1000), result: summary(result) });
      return result;
    } catch (error) {
      const delayed = error instanceof DelayedError;
      metrics?.observe(job.queueName, delayed ? 'delayed' : 'failed', seconds());
      if (!delayed) logger.warn({ msg: 'job failed', attempt: job.attemptsMade + 1, durationMs: Math.round(seconds() * 1000), error: String(error) });
      throw error;
    }
  });
}

function summary(result: unknown): unknown {
  return typeof result === 'string' ? result.slice(0, 200) : typeof result === 'number' || typeof result === 'boolean' ? result : undefined;
}
