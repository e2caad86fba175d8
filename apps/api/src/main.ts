import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnvOrExit } from '@claimdesk/config';
import { installGracefulShutdown } from '@claimdesk/core';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const env = loadEnvOrExit('api');
  const app = await createApiApp(env);
  await app.listen({ port: env.PORT, host: env.HOST });
  installGracefulShutdown(app, 'api', { drainFirst: () => app.getHttpAdapter().getInstance().close() });
  new Logger('api').log(`listening on http://${env.HOST}:${env.PORT}`);
}

main().catch((error) => {
  console.error('claimdesk api failed to start:', error);
  process.exit(1);
});
