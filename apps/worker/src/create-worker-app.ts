import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadEnv, type Env } from '@claimdesk/config';
import { WorkerModule } from './worker.module';

/** An application context with no HTTP; shutdown hooks close the BullMQ workers cleanly on SIGTERM. */
export async function createWorkerApp(env: Env = loadEnv(), options: { logger?: false } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), {
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
