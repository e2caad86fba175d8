import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadEnv } from '@claimdesk/config';
import { installGracefulShutdown } from '@claimdesk/core';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`claimdesk worker: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  installGracefulShutdown(await createWorkerApp(env), 'worker');
  new Logger('worker').log(`processing queues with prefix "${env.CLAIMDESK_QUEUE_PREFIX}"`);
}

main().catch((error) => {
  console.error('claimdesk worker failed to start:', error);
  process.exit(1);
});
