import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnvOrExit } from '@claimdesk/config';
import { installGracefulShutdown } from '@claimdesk/core';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  const env = loadEnvOrExit('worker');
  installGracefulShutdown(await createWorkerApp(env), 'worker');
  new Logger('worker').log(`processing queues with prefix "${env.CLAIMDESK_QUEUE_PREFIX}"`);
}

main().catch((error) => {
  console.error('claimdesk worker failed to start:', error);
  process.exit(1);
});
