import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DeskCounters, QUEUE_STATES } from '@claimdesk/core';
import { MetricsRegistry } from '@claimdesk/observability';

/**
 * The desk as gauges, read at scrape time from what the dashboard reads (no COUNT over claims):
 * claims per status, each active reviewer's open load and capacity, and each queue's jobs per state.
 * Every API process reports the same desk-wide values: aggregate them with max, not sum.
 */
@Injectable()
export class DeskMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly counters: DeskCounters,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const counters = this.counters;
    new Gauge({
      name: 'claimdesk_claims',
      help: 'Claims by status (from the trigger-kept desk counters)',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        this.reset();
        for (const [status, n] of Object.entries(await counters.claimsByStatus())) this.set({ status }, n);
      },
    });
    // One gauge each, each reading at its own collect: prom-client renders them in turn.
    for (const [name, help, field] of [
      ['claimdesk_reviewer_open_load', "An active reviewer's open load (stored counter)", 'openLoad'],
      ['claimdesk_reviewer_capacity', "An active reviewer's capacity", 'capacity'],
    ] as const) {
      new Gauge({
        name,
        help,
        labelNames: ['reviewer_id'] as const,
        registers,
        async collect() {
          this.reset();
          for (const r of await counters.reviewerLoads()) this.set({ reviewer_id: r.id }, r[field]);
        },
      });
    }
    new Gauge({
      name: 'claimdesk_queue_jobs',
      help: 'Jobs per queue and state (waiting includes prioritized); -1 when Redis did not answer',
      labelNames: ['queue', 'state'] as const,
      registers,
      async collect() {
        this.reset();
        for (const [queue, depth] of Object.entries(await counters.queueDepths())) {
          for (const state of QUEUE_STATES) this.set({ queue, state }, depth ? depth[state] : -1);
        }
      },
    });
  }
}
