import type { JobsOptions } from 'bullmq';
import type { Env } from '@claimdesk/config';
import { queuePriority } from '@claimdesk/workflow';
import { isReviewerReturnJob, type JobDataByQueue, type QueueName } from './queue-names';

const KEEP_FAILED = { age: 7 * 24 * 3600, count: 10_000 };

/**
 * Retry policy and job id of each queue, side by side. Job ids are business keys (no ':'), so
 * enqueuing the same work twice while it waits is harmless; the reconciler does not take an
 * existing id as proof that the work is queued (JobProducer.ensureQueued replaces a completed,
 * failed, orphaned or data-less record). Completed jobs are removed at once so the same key can be
 * enqueued again later (a claim routed anew after a decline); failed ones stay visible for a week.
 * How quickly a killed worker's job comes back (lock duration, stalled check) is WORKER_LIVENESS
 * in worker-liveness.ts, with its trade-off.
 */
const POLICY: { [Q in QueueName]: (data: JobDataByQueue[Q], env: Env) => JobsOptions } = {
  extract: (d) => ({
    jobId: `article-${d.articleId}`,
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
  }),
  // A failed route job is not kept: its id would block the same claim version from being enqueued
  // again by the next capacity event or the reconciler. The processor logs the failure instead.
  route: (d) =>
    isReviewerReturnJob(d)
      ? {
          jobId: `reviewer-${d.reviewerId}-${Date.parse(d.at)}`,
          attempts: 3,
          backoff: { type: 'exponential', delay: 1_000 },
          delay: Math.max(0, Date.parse(d.at) - Date.now()),
          removeOnFail: true,
        }
      : {
          jobId: `claim-${d.claimId}-${d.version}`,
          attempts: 5,
          backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
          priority: queuePriority(d.priority),
          removeOnFail: true,
        },
  // One job per deadline: accepting an offer moves the deadline, and the stale offer job then finds
  // nothing due. The deadline is in the id so the new one is never swallowed by the old.
  sla: (d) => ({
    jobId: `assignment-${d.assignmentId}-${Date.parse(d.dueAt)}`,
    attempts: 10,
    backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
    delay: Math.max(0, Date.parse(d.dueAt) - Date.now()),
  }),
  reconcile: () => ({ attempts: 3, backoff: { type: 'exponential', delay: 5_000 } }),
  // At least once, for about a day: the delay doubles from CLAIMDESK_WEBHOOK_BACKOFF_MS, each one
  // drawn at random from its upper 20% so that a receiver's failures do not retry in lockstep
  // (10 s base, 14 attempts: 10 s, 20 s, ... 11.4 h, 22.7 h of retries in all). The generation is
  // in the id: after a resume or a redeliver the new job is not swallowed by an old delayed one.
  webhook: (d, env) => ({
    jobId: webhookJobId(d),
    attempts: env.CLAIMDESK_WEBHOOK_ATTEMPTS,
    backoff: { type: 'exponential', delay: env.CLAIMDESK_WEBHOOK_BACKOFF_MS, jitter: 0.2 },
  }),
};

export function jobOptions<Q extends QueueName>(queue: Q, data: JobDataByQueue[Q], env: Env): JobsOptions {
  return { removeOnComplete: true, removeOnFail: KEEP_FAILED, ...POLICY[queue](data, env) };
}

/** The BullMQ job id of a webhook delivery's generation (what jobOptions gives it). */
export function webhookJobId(job: JobDataByQueue['webhook']): string {
  return `delivery-${job.deliveryId}-${job.generation}`;
}
