import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { RoutingService } from '@claimdesk/core';
import { QueueName, type JobDataByQueue } from '@claimdesk/queue';

/** No eligible reviewer is not an error: the claim waits in PENDING until capacity appears. */
@Processor(QueueName.Route, { concurrency: 10 })
export class RouteProcessor extends WorkerHost {
  constructor(private readonly routing: RoutingService) {
    super();
  }

  async process(job: Job<JobDataByQueue['route']>): Promise<string> {
    const outcome = await this.routing.route(job.data.claimId);
    return outcome.kind === 'assigned' ? `assigned ${outcome.reviewerId}: ${outcome.reason}` : outcome.kind;
  }
}
