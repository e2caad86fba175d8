import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per process (not prom-client's global one: tests run an API and workers in
 * one Node process, and each must answer for itself), with Node's process metrics in it.
 */
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(processName: string) {
    this.registry.setDefaultLabels({ process: processName });
    collectDefaultMetrics({ register: this.registry, prefix: 'claimdesk_' });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  /** Prometheus text; gauges with a collect() read their sources now (queue depths, counters). */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
