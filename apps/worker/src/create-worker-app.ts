import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadEnv, type Env } from '@claimdesk/config';
import { WorkerModule } from './worker.module';

/** An application context with no HTTP; main.ts installs the SIGTERM handling (graceful-shutdown.ts). */
export async function createWorkerApp(env: Env = loadEnv(), options: { logger?: false } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    abortOnError: false,
  });
  await app.init();
  return app;
}
