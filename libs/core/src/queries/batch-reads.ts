import type { VerdictView } from '../verdicts/verdicts.service';
import type { Assignment, Person } from '@prisma/client';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@claimdesk/database';

/** The same shape the verdict service returns. */
export type VerdictWithEvidence = VerdictView;

/**
 * One query per batch of keys, in the order of the keys: what DataLoaders (GraphQL) and list
 * endpoints (REST) call so a page of N claims costs a fixed number of queries, never 1 + N.
 */
@Injectable()
export class BatchReads {
  constructor(private readonly prisma: PrismaService) {}

  async liveAssignmentsByClaim(claimIds: readonly string[]): Promise<Array<Assignment | null>> {
    const rows = await this.prisma.assignment.findMany({
      where: { claimId: { in: [...claimIds] }, status: { in: ['OFFERED', 'ACCEPTED'] } },
    });
    const byClaim = new Map(rows.map((a) => [a.claimId, a]));
    return claimIds.map((id) => byClaim.get(id) ?? null);
  }

  async peopleById(ids: readonly string[]): Promise<Array<Person | null>> {
    const rows = await this.prisma.person.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(rows.map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async verdictsByClaim(claimIds: readonly string[]): Promise<VerdictWithEvidence[][]> {
    const rows = await this.prisma.verdict.findMany({
      where: { claimId: { in: [...claimIds] } },
      include: { evidence: { select: { url: true, title: true, note: true } } },
      orderBy: { createdAt: 'asc' },
    });
    const byClaim = new Map<string, VerdictWithEvidence[]>();
    for (const v of rows) byClaim.set(v.claimId, [...(byClaim.get(v.claimId) ?? []), v]);
    return claimIds.map((id) => byClaim.get(id) ?? []);
  }
}
