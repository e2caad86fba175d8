import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadEnv } from '@claimdesk/config';
import { installGracefulShutdown } from '@claimdesk/core';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`claimdesk api: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApiApp(env);
  await app.listen({ port: env.PORT, host: env.HOST });
  installGracefulShutdown(app, 'api');
  new Logger('api').log(`listening on http://${env.HOST}:${env.PORT}`);
}

main().catch((error) => {
  console.error('claimdesk api failed to start:', error);
  process.exit(1);
});
