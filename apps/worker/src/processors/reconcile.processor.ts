import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ObservedWorkerHost } from './observed-worker-host';
import { AppConfig } from '@claimdesk/config';
import { ReconcilerService, type ReconcileReport } from '@claimdesk/core';
import { QueueName, WORKER_LIVENESS, inspectJobRecord } from '@claimdesk/queue';

const SCHEDULER_ID = 'reconcile-every';

/**
 * The safety net: repeatable, and once at start, so a Redis flush or outage loses nothing. The
 * repeatable itself lives in Redis, so a partial key loss can break its chain (the scheduler gone,
 * or its next job's record lost); a local watchdog in every worker puts it back, so the safety net
 * does not depend on a worker restarting.
 */
@Processor(QueueName.Reconcile, { concurrency: 1, ...WORKER_LIVENESS })
export class ReconcileProcessor extends ObservedWorkerHost implements OnApplicationBootstrap {
  private watchdog?: NodeJS.Timeout;

  constructor(
    private readonly reconciler: ReconcilerService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Reconcile) private readonly queue: Queue,
  ) {
    super();
  }

  private get everyMs(): number {
    return this.config.env.CLAIMDESK_RECONCILE_SECONDS * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    await this.reconciler.reconcile().catch((error) => this.logger.warn(`reconcile at start failed: ${String(error)}`));
    this.watchdog = setInterval(() => void this.repairSchedule().catch(() => undefined), Math.max(5_000, 3 * this.everyMs));
    this.watchdog.unref();
  }

  override async onModuleDestroy(): Promise<void> {
    clearInterval(this.watchdog);
    await super.onModuleDestroy();
  }

  process(): Promise<ReconcileReport> {
    return this.reconciler.reconcile();
  }

  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(SCHEDULER_ID, { every: this.everyMs }, { name: 'reconcile', data: {} });
  }

  /** Re-creates the schedule when it is gone, or when its next run is overdue and has no live record. */
  private async repairSchedule(): Promise<void> {
    const scheduler = await this.queue.getJobScheduler(SCHEDULER_ID);
    let broken = !scheduler?.next;
    if (scheduler?.next && scheduler.next < Date.now() - 2 * this.everyMs) {
      const next = await inspectJobRecord(this.queue, `repeat:${SCHEDULER_ID}:${scheduler.next}`);
      broken = next === 'absent' || next === 'stale';
    }
    if (!broken) return;
    this.logger.warn('reconcile schedule lost from Redis; scheduling it again');
    await this.schedule();
  }
}
