import { Injectable } from '@nestjs/common';
import { PrismaService } from '@claimdesk/database';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { parseClaimReviews } from './claim-review-import';
import type { FactCheckRecord } from './fact-check-record';
import { FactCheckMatcher } from './fact-check-matcher';
import { upsertFactChecksSql } from './upsert-fact-checks.sql';

export interface ImportSummary {
  received: number;
  inserted: number;
  updated: number;
  ids: string[];
}

type RawClient = Pick<PrismaService, '$queryRaw' | '$executeRawUnsafe'>;

// One statement per batch: 14,231 fact-checks load in a few seconds, and a batch is all or nothing.
const BATCH = 1000;

/** Writes fact-checks into the library: the one path for imports, the CLI, the eval and published verdicts. */
export async function storeFactChecks(prisma: RawClient, records: readonly FactCheckRecord[]): Promise<ImportSummary> {
  // The last of two records with one URL wins, as a second import of it would.
  const byUrl = new Map(records.map((r) => [r.url, r]));
  const unique = [...byUrl.values()];
  const summary: ImportSummary = { received: records.length, inserted: 0, updated: 0, ids: [] };
  for (let i = 0; i < unique.length; i += BATCH) {
    const rows = await prisma.$queryRaw<Array<{ id: string; inserted: boolean }>>(upsertFactChecksSql(unique.slice(i, i + BATCH)));
    for (const row of rows) {
      summary.ids.push(row.id);
      if (row.inserted) summary.inserted++;
      else summary.updated++;
    }
  }
  // Autovacuum may be off (it is on the test servers): without fresh statistics a bulk load leaves
  // the planner guessing, and the GIN candidate scan loses to a sequential one.
  if (summary.inserted >= BATCH) await prisma.$executeRawUnsafe('ANALYZE "FactCheck"');
  return summary;
}

@Injectable()
export class FactCheckLibrary {
  constructor(
    private readonly prisma: PrismaService,
    private readonly matcher: FactCheckMatcher,
  ) {}

  /** POST /fact-checks/import: ClaimReview JSON-LD (one, an array, or a feed), idempotent by each review's URL. */
  async importClaimReviews(actor: Principal, body: unknown): Promise<ImportSummary> {
    authorize(actor, 'factCheck.import');
    return this.store(parseClaimReviews(body));
  }

  async store(records: readonly FactCheckRecord[]): Promise<ImportSummary> {
    const summary = await storeFactChecks(this.prisma, records);
    this.matcher.invalidate();
    return summary;
  }
}
