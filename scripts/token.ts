import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadEnv } from '@claimdesk/config';
import { CoreModule, SYSTEM, TokensService } from '@claimdesk/core';
import { DatabaseModule, PrismaService } from '@claimdesk/database';
import { QueueModule } from '@claimdesk/queue';
import { ensureLocalServices } from './lib/local-services';
import { runMigrations } from './lib/run-migrations';

@Module({ imports: [ConfigModule.forRoot(), DatabaseModule, QueueModule.forRoot('producer'), CoreModule] })
class TokenCliModule {}

const USAGE = `usage:
  npm run token -- create --email EMAIL [--name NAME] [--role ADMIN|EDITOR|REVIEWER|VIEWER] [--days N]
      a token for that person (created, as an admin by default, if the email is new); printed once
  npm run token -- revoke --id TOKEN_ID
  npm run token -- list [--email EMAIL]`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The admin CLI for a fresh install: straight to Postgres, no running API or token needed. */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!['create', 'revoke', 'list'].includes(command ?? '')) {
    console.error(USAGE);
    process.exit(2);
  }
  const services = await ensureLocalServices({ purpose: 'run', log: () => undefined });
  process.env.DATABASE_URL ??= services.databaseUrl;
  process.env.REDIS_URL ??= services.redisUrl;
  loadEnv();
  await runMigrations(process.env.DATABASE_URL, () => undefined);
  const app = await NestFactory.createApplicationContext(TokenCliModule, { logger: ['error'] });
  const prisma = app.get(PrismaService);
  const tokens = app.get(TokensService);
  try {
    if (command === 'create') {
      const email = flag(args, 'email')?.toLowerCase();
      if (!email) throw new Error(`--email is required\n${USAGE}`);
      const role = (flag(args, 'role') ?? 'ADMIN').toUpperCase();
      if (!['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'].includes(role)) throw new Error(`--role must be ADMIN, EDITOR, REVIEWER or VIEWER`);
      const days = flag(args, 'days');
      if (days !== undefined && !(Number(days) > 0)) throw new Error('--days must be a positive number');
      const person =
        (await prisma.person.findUnique({ where: { email } })) ??
        (await prisma.person.create({ data: { email, name: flag(args, 'name') ?? email, role: role as 'ADMIN', capacity: 0 } }));
      const expiresAt = days ? new Date(Date.now() + Number(days) * 86_400_000) : undefined;
      const { id, token } = await tokens.create(SYSTEM, person.id, 'cli', expiresAt);
      console.log(`token ${id} for ${person.email} (${person.role})${expiresAt ? `, expires ${expiresAt.toISOString()}` : ''}:\n${token}`);
    } else if (command === 'revoke') {
      const id = flag(args, 'id');
      if (!id) throw new Error(`--id is required\n${USAGE}`);
      const revoked = await tokens.revoke(SYSTEM, id);
      console.log(`revoked ${revoked.id} at ${revoked.revokedAt}`);
    } else {
      const email = flag(args, 'email')?.toLowerCase();
      const person = email ? await prisma.person.findUnique({ where: { email } }) : null;
      if (email && !person) throw new Error(`no person with email ${email}`);
      for (const t of await tokens.list(SYSTEM, person?.id)) {
        console.log(`${t.id}  ${t.personId}  ${t.name.padEnd(10)} created ${t.createdAt}  last used ${t.lastUsedAt ?? '-'}  ${t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt ? `expires ${t.expiresAt}` : 'active'}`);
      }
    }
  } finally {
    await app.close();
    await services.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
