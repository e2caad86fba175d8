import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { ObservedWorkerHost } from './observed-worker-host';
import { AppConfig } from '@claimdesk/config';
import { ClaimMatchingService, RoutingService } from '@claimdesk/core';
import { QueueName, WORKER_LIVENESS, isReviewerReturnJob, requireJobData, type JobDataByQueue } from '@claimdesk/queue';

/**
 * No eligible reviewer is not an error: the claim waits in PENDING until capacity appears. BullMQ
 * hands out route jobs by priority (BREAKING first); concurrency is CLAIMDESK_WORKER_CONCURRENCY.
 */
@Processor(QueueName.Route, { concurrency: 10, ...WORKER_LIVENESS })
export class RouteProcessor extends ObservedWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly routing: RoutingService,
    private readonly matching: ClaimMatchingService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.env.CLAIMDESK_WORKER_CONCURRENCY;
  }

  async process(job: Job<JobDataByQueue['route']>): Promise<string> {
    const data = requireJobData(QueueName.Route, job);
    if (isReviewerReturnJob(data)) {
      const enqueued = await this.routing.routeWaitingFor(data.reviewerId);
      return `reviewer back: ${enqueued} waiting claim(s) enqueued`;
    }
    // Matched against the fact-check library first, once per claim (issue 18); a claim held for an
    // editor (a match at CLAIMDESK_MATCH_AUTO) is not routed.
    if (await this.matching.matchBeforeRouting(data.claimId)) return 'held for an editor: already fact-checked';
    const outcome = await this.routing.route(data.claimId);
    return outcome.kind === 'assigned' ? `assigned ${outcome.reviewerId}: ${outcome.reason}` : outcome.kind;
  }

  /** Failed route jobs are not kept (their id would block the claim); say so here instead. */
  @OnWorkerEvent('failed')
  onFailed(job: Job<JobDataByQueue['route']> | undefined, error: Error): void {
    if (job) this.logger.warn(`route ${job.id} attempt ${job.attemptsMade} failed: ${error.message}`);
  }
}
