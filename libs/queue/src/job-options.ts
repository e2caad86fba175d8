import type { JobsOptions } from 'bullmq';
import type { JobDataByQueue, PriorityName, QueueName } from './queue-names';

// BullMQ serves lower numbers first.
const BULL_PRIORITY: Record<PriorityName, number> = { BREAKING: 1, HIGH: 2, NORMAL: 3, LOW: 4 };
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 10_000 };

/**
 * Retry policy and job id of each queue, side by side. Job ids are business keys (no ':'), so
 * enqueuing the same work twice while it waits is harmless. Completed jobs are removed at once so
 * the same key can be enqueued again later (a claim routed anew after a decline); failed ones stay
 * visible for a week.
 */
const POLICY: { [Q in QueueName]: (data: JobDataByQueue[Q]) => JobsOptions } = {
  extract: (d) => ({
    jobId: `article-${d.articleId}`,
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
  }),
  route: (d) => ({
    jobId: `claim-${d.claimId}-${d.version}`,
    attempts: 5,
    backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
    priority: BULL_PRIORITY[d.priority],
  }),
  sla: (d) => ({
    jobId: `assignment-${d.assignmentId}`,
    attempts: 10,
    backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
    delay: Math.max(0, Date.parse(d.dueAt) - Date.now()),
  }),
  reconcile: () => ({ attempts: 3, backoff: { type: 'exponential', delay: 5_000 } }),
};

export function jobOptions<Q extends QueueName>(queue: Q, data: JobDataByQueue[Q]): JobsOptions {
  return { removeOnComplete: true, removeOnFail: KEEP_FAILED, ...POLICY[queue](data) };
}
