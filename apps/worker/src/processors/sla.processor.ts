import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { AssignmentsService } from '@claimdesk/core';
import { QueueName, type JobDataByQueue } from '@claimdesk/queue';

@Processor(QueueName.Sla, { concurrency: 5 })
export class SlaProcessor extends WorkerHost {
  constructor(private readonly assignments: AssignmentsService) {
    super();
  }

  process(job: Job<JobDataByQueue['sla']>): Promise<string> {
    return this.assignments.expireIfOverdue(job.data.assignmentId);
  }
}
