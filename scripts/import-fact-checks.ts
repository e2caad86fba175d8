// npm run import:fact-checks -- FILE...
// Loads fact-checks into the library straight through Postgres: ClaimReview JSON-LD (.json/.jsonld:
// one document, an array, or a feed {items}) or the CheckThat! claim-matching TSV (vclaim_id, vclaim,
// title). Idempotent by the review URL (for the TSV, urn:vclaim:<id>), like POST /fact-checks/import.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { parseClaimReviews, parseVclaimsTsv, storeFactChecks, type FactCheckRecord } from '@claimdesk/core';
import { ValidationError } from '@claimdesk/database';
import { ensureLocalServices } from './lib/local-services';
import { runMigrations } from './lib/run-migrations';

function recordsOf(file: string): FactCheckRecord[] {
  const text = readFileSync(file, 'utf8');
  if (/\.tsv$/i.test(file)) return parseVclaimsTsv(text);
  return parseClaimReviews(JSON.parse(text));
}

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: npm run import:fact-checks -- FILE... (ClaimReview JSON-LD .json/.jsonld, or a vclaims .tsv)');
    process.exit(2);
  }
  const services = await ensureLocalServices({ purpose: 'run', log: () => undefined });
  const url = process.env.DATABASE_URL ?? services.databaseUrl;
  await runMigrations(url, () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    for (const file of files) {
      const summary = await storeFactChecks(prisma, recordsOf(file));
      await prisma.$executeRawUnsafe('ANALYZE "FactCheck"');
      console.log(`${file}: ${summary.received} read, ${summary.inserted} new, ${summary.updated} updated`);
    }
  } finally {
    await prisma.$disconnect();
    await services.stop();
  }
}

main().catch((error) => {
  if (error instanceof ValidationError) console.error(error.problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
