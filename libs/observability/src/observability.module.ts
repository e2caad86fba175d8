import { DynamicModule, Global, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { MetricsRegistry } from './metrics-registry';

/** The process's root logger and metrics registry, for whatever needs them (workers, metrics routes). */
export const ROOT_LOGGER = Symbol('claimdesk:root-logger');

@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(logger: Logger, metrics: MetricsRegistry): DynamicModule {
    return {
      module: ObservabilityModule,
      providers: [
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: MetricsRegistry, useValue: metrics },
      ],
      exports: [ROOT_LOGGER, MetricsRegistry],
    };
  }
}
