import { UnrecoverableError, type Job } from 'bullmq';
import { isReviewerReturnJob, type JobDataByQueue, type QueueName } from './queue-names';

/** The fields each queue's job data must carry; job data holds ids only, so each one matters. */
const REQUIRED: { [Q in Exclude<QueueName, 'reconcile'>]: (data: JobDataByQueue[Q]) => string[] } = {
  extract: () => ['articleId'],
  route: (d) => (isReviewerReturnJob(d) ? ['reviewerId', 'at'] : ['claimId', 'version']),
  sla: () => ['assignmentId', 'dueAt'],
  webhook: () => ['deliveryId', 'generation'],
};

/**
 * A job whose data lacks an id it needs is refused for good: a partial loss of Redis keys makes
 * BullMQ rebuild a job's record with `data={}`, and running such a job would act on `undefined`
 * (a not-routable verdict, or a write whose `where` lost its key). The work itself is not lost:
 * Postgres still says it is due, and the reconciler replaces the failed record and enqueues it anew.
 */
export function requireJobData<Q extends Exclude<QueueName, 'reconcile'>>(queue: Q, job: Job<JobDataByQueue[Q]>): JobDataByQueue[Q] {
  const data = (job.data ?? {}) as JobDataByQueue[Q];
  const missing = REQUIRED[queue](data).filter((field) => {
    const value = (data as unknown as Record<string, unknown>)[field];
    return value === undefined || value === null || value === '';
  });
  if (missing.length > 0) {
    throw new UnrecoverableError(`${queue} job ${job.id} lacks ${missing.join(', ')}: its record lost its data; the reconciler re-enqueues the work`);
  }
  return data;
}
