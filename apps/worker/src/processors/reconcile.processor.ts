import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ObservedWorkerHost } from './observed-worker-host';
import { AppConfig } from '@claimdesk/config';
import { ReconcilerService, type ReconcileReport } from '@claimdesk/core';
import { QueueName } from '@claimdesk/queue';

const SCHEDULER_ID = 'reconcile-every';

/** The safety net: repeatable, and once at start, so a Redis flush or outage loses nothing. */
@Processor(QueueName.Reconcile, { concurrency: 1 })
export class ReconcileProcessor extends ObservedWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly reconciler: ReconcilerService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Reconcile) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.env.CLAIMDESK_RECONCILE_SECONDS * 1000;
    await this.queue.upsertJobScheduler(SCHEDULER_ID, { every }, { name: 'reconcile', data: {} });
    await this.reconciler.reconcile().catch((error) => this.logger.warn(`reconcile at start failed: ${String(error)}`));
  }

  process(): Promise<ReconcileReport> {
    return this.reconciler.reconcile();
  }
}
