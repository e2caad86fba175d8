import { writeFile } from 'node:fs/promises';
import { loadEnv } from '@claimdesk/config';
import { createApiApp } from '../apps/api/src/create-api-app';
import { CLIENT_TYPES_FILE, generateClientTypes } from '../libs/testing/src/client-types';
import { ensureLocalServices } from './lib/local-services';
import { runMigrations } from './lib/run-migrations';

/**
 * npm run generate:client: the API's OpenAPI document as the app serves it (/docs-json), turned into
 * TypeScript types by openapi-typescript and committed; test/client-types.e2e-spec.ts fails while
 * the committed file differs from what the served document generates.
 */
async function main(): Promise<void> {
  const services = await ensureLocalServices({ purpose: 'run' });
  try {
    await runMigrations(services.databaseUrl);
    const app = await createApiApp(loadEnv({ ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl }), { logger: false });
    try {
      const served = await app.inject({ method: 'GET', url: '/docs-json' });
      await writeFile(CLIENT_TYPES_FILE, await generateClientTypes(served.body));
      console.log(`wrote ${CLIENT_TYPES_FILE}`);
    } finally {
      await app.close();
    }
  } finally {
    await services.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
