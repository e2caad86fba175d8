import type { JobsOptions } from 'bullmq';
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
const POLICY: { [Q in QueueName]: (data: JobDataByQueue[Q]) => JobsOptions } = {
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
};

export function jobOptions<Q extends QueueName>(queue: Q, data: JobDataByQueue[Q]): JobsOptions {
  return { removeOnComplete: true, removeOnFail: KEEP_FAILED, ...POLICY[queue](data) };
}
