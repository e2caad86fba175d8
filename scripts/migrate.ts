import { ensureLocalServices } from './lib/local-services';
import { runMigrations } from './lib/run-migrations';

/** npm run migrate: `prisma migrate deploy` against DATABASE_URL, or the local/embedded default. */
async function main(): Promise<void> {
  const services = await ensureLocalServices({ purpose: 'run' });
  try {
    await runMigrations(services.databaseUrl);
  } finally {
    await services.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
