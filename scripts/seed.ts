import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadEnv } from '@claimdesk/config';
import { CoreModule, PeopleService, SYSTEM, TokensService } from '@claimdesk/core';
import { DatabaseModule, PrismaService } from '@claimdesk/database';
import { QueueModule } from '@claimdesk/queue';
import { DEMO_DESK } from './lib/demo-desk';
import { ensureLocalServices } from './lib/local-services';
import { runMigrations } from './lib/run-migrations';

@Module({ imports: [ConfigModule.forRoot(), DatabaseModule, QueueModule.forRoot('producer'), CoreModule] })
class SeedModule {}

/**
 * npm run seed: the demo desk, straight into Postgres (no API needed). Existing people are kept;
 * everyone gets a fresh token, printed once, since only token hashes are stored.
 */
async function main(): Promise<void> {
  const services = await ensureLocalServices({ purpose: 'run', log: () => undefined });
  process.env.DATABASE_URL ??= services.databaseUrl;
  process.env.REDIS_URL ??= services.redisUrl;
  loadEnv();
  await runMigrations(process.env.DATABASE_URL, () => undefined);
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  const prisma = app.get(PrismaService);
  const people = app.get(PeopleService);
  const tokens = app.get(TokensService);
  const rows: string[] = [];
  for (const member of DEMO_DESK) {
    const person =
      (await prisma.person.findUnique({ where: { email: member.email } })) ??
      (await people.create(SYSTEM, { ...member, topics: [...member.topics], languages: [...member.languages] }));
    const { token } = await tokens.create(SYSTEM, person.id, 'seed');
    rows.push(`${member.role.padEnd(9)} ${member.name.padEnd(15)} ${member.languages.join(',').padEnd(6)} ${member.topics.join(',').padEnd(24)} ${token}`);
  }
  console.log('role      name            langs  topics                   token');
  console.log(rows.join('\n'));
  await app.close();
  await services.stop();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
