import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadEnv, type Env } from '@claimdesk/config';
import { MetricsRegistry, PinoNestLogger, appLogger, type AppLogOptions } from '@claimdesk/observability';
import { WorkerModule } from './worker.module';

/**
 * An application context with no HTTP but its metrics port; main.ts installs the SIGTERM handling
 * (graceful-shutdown.ts).
 */
export async function createWorkerApp(env: Env = loadEnv(), options: AppLogOptions = {}): Promise<INestApplicationContext> {
  const log = appLogger('worker', env, options);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env, log, new MetricsRegistry('worker')), {
    logger: new PinoNestLogger(log),
    abortOnError: false,
  });
  await app.init();
  return app;
}
