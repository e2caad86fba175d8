import { Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig } from '@claimdesk/config';
import { WebhookDeliveryService } from '@claimdesk/core';
import { QueueName, WORKER_LIVENESS, requireJobData, type JobDataByQueue } from '@claimdesk/queue';
import { ObservedWorkerHost } from './observed-worker-host';

/**
 * One POST per job. A failed attempt throws, so BullMQ retries it after the queue's backoff
 * (libs/queue/src/job-options.ts); the last attempt, a pause or a delivery settled meanwhile
 * complete the job. Locks are short (WORKER_LIVENESS) so a job of a killed worker is taken over within seconds
 * (a delivery may then be sent twice: receivers dedupe on webhook-id).
 */
@Processor(QueueName.Webhook, { concurrency: 20, ...WORKER_LIVENESS })
export class WebhookProcessor extends ObservedWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly deliveries: WebhookDeliveryService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.env.CLAIMDESK_WEBHOOK_CONCURRENCY;
  }

  async process(job: Job<JobDataByQueue['webhook']>): Promise<string> {
    const { outcome, attempt } = await this.deliveries.deliver(requireJobData(QueueName.Webhook, job));
    if (outcome === 'retry') throw new Error(attempt?.error ?? 'not delivered');
    return attempt ? `${outcome}: ${attempt.statusCode ?? attempt.outcome} in ${attempt.latencyMs} ms` : outcome;
  }
}
