import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@claimdesk/database';
import { ALL_QUEUES, JobProducer, type QueueName } from '@claimdesk/queue';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';

export interface FailedJobView {
  queue: QueueName;
  id: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
}

/** Failed jobs stay in Redis for a week (job-options.ts); an admin can see them and retry one. */
@Injectable()
export class FailedJobsService {
  constructor(private readonly jobs: JobProducer) {}

  async list(actor: Principal, queue?: string, limit = 100): Promise<FailedJobView[]> {
    authorize(actor, 'jobs.manage');
    const names = queue ? [this.queueName(queue)] : [...ALL_QUEUES];
    const out: FailedJobView[] = [];
    for (const name of names) {
      for (const job of await this.jobs.queue(name).getFailed(0, limit - 1)) {
        out.push({
          queue: name,
          id: String(job.id),
          data: job.data,
          failedReason: job.failedReason,
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        });
      }
    }
    return out.slice(0, limit);
  }

  async retry(actor: Principal, queue: string, id: string): Promise<{ queue: QueueName; id: string; state: string }> {
    authorize(actor, 'jobs.manage');
    const name = this.queueName(queue);
    const job = await this.jobs.queue(name).getJob(id);
    if (!job || !(await job.isFailed())) throw new NotFoundError(`failed ${name} job`, id);
    await job.retry('failed');
    return { queue: name, id, state: await job.getState() };
  }

  private queueName(queue: string): QueueName {
    if (!(ALL_QUEUES as readonly string[]).includes(queue)) {
      throw new ValidationError([{ field: 'queue', message: `must be one of ${ALL_QUEUES.join(', ')}` }]);
    }
    return queue as QueueName;
  }
}
