import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from '@claimdesk/observability';

export type JobOutcome = 'completed' | 'failed' | 'delayed';

/** Job duration by queue and outcome, and failures per queue, in the worker's registry. */
@Injectable()
export class JobMetrics {
  private readonly duration: Histogram<'queue' | 'outcome'>;
  private readonly failures: Counter<'queue'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.duration = new Histogram({
      name: 'claimdesk_job_duration_seconds',
      help: 'Time a worker spent on one job attempt, by queue and outcome (delayed: moved back to wait for its time)',
      labelNames: ['queue', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.failures = new Counter({
      name: 'claimdesk_job_failures_total',
      help: 'Job attempts that failed (thrown), by queue; retried or not',
      labelNames: ['queue'] as const,
      registers,
    });
  }

  observe(queue: string, outcome: JobOutcome, seconds: number): void {
    this.duration.observe({ queue, outcome }, seconds);
    if (outcome === 'failed') this.failures.inc({ queue });
  }
}
