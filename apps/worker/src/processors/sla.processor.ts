import { Processor } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';
import { ObservedWorkerHost } from './observed-worker-host';
import { AssignmentsService } from '@claimdesk/core';
import { QueueName, WORKER_LIVENESS, requireJobData, type JobDataByQueue } from '@claimdesk/queue';

/**
 * One delayed job per deadline of an assignment: the offer's expiry, then (once accepted) the due
 * time. Whichever fires finds the assignment as it is now: closed, or its deadline moved on, means
 * nothing to do. A job that fires a hair early (clocks of Redis, worker and Postgres differ) waits
 * again for its own deadline rather than being lost until the reconciler's next pass.
 */
@Processor(QueueName.Sla, { concurrency: 5, ...WORKER_LIVENESS })
export class SlaProcessor extends ObservedWorkerHost {
  constructor(private readonly assignments: AssignmentsService) {
    super();
  }

  async process(job: Job<JobDataByQueue['sla']>, token?: string): Promise<string> {
    const data = requireJobData(QueueName.Sla, job);
    const dueAt = new Date(data.dueAt);
    const outcome = await this.assignments.expireIfOverdue(data.assignmentId, new Date(), dueAt);
    if (outcome === 'not-due' && token) {
      await job.moveToDelayed(Math.max(dueAt.getTime(), Date.now()) + 250, token);
      throw new DelayedError();
    }
    return outcome;
  }
}
