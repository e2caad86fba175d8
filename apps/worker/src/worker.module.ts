import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type Env } from '@claimdesk/config';
import { CoreModule } from '@claimdesk/core';
import { DatabaseModule } from '@claimdesk/database';
import { MetricsRegistry, ObservabilityModule, createLogger } from '@claimdesk/observability';
import { QueueModule } from '@claimdesk/queue';
import type { Logger } from 'pino';
import { JobMetrics } from './observability/job-metrics';
import { WorkerMetricsServer } from './observability/metrics-server';
import { ExtractProcessor } from './processors/extract.processor';
import { ReconcileProcessor } from './processors/reconcile.processor';
import { RouteProcessor } from './processors/route.processor';
import { SlaProcessor } from './processors/sla.processor';
import { WebhookDispatchLoop } from './processors/webhook-dispatch.loop';
import { WebhookProcessor } from './processors/webhook.processor';

/** The queue process: processors over the shared services; it serves no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(
    env?: Env,
    logger: Logger = createLogger({ name: 'worker', level: 'silent' }),
    metrics: MetricsRegistry = new MetricsRegistry('worker'),
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(env), ObservabilityModule.forRoot(logger, metrics), DatabaseModule, QueueModule.forRoot('worker'), CoreModule],
      providers: [JobMetrics, WorkerMetricsServer, ExtractProcessor, RouteProcessor, SlaProcessor, ReconcileProcessor, WebhookProcessor, WebhookDispatchLoop],
    };
  }
}
