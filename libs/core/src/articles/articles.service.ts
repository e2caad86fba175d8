import { Injectable } from '@nestjs/common';
import { Prisma, type Article } from '@prisma/client';
import { ConflictError, NotFoundError, PrismaService } from '@claimdesk/database';
import { JobProducer } from '@claimdesk/queue';
import { articleProgress, statusCountsFrom, type ClaimStatus, type StatusCounts } from '@claimdesk/workflow';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { recordEvent } from '../events/record-event';
import { contentHash, type ArticleInput } from './article-input';

export interface IngestResult {
  article: Article;
  created: boolean;
}

export interface ArticleStatusView {
  articleId: string;
  status: Article['status'];
  revision: number;
  progress: number;
  claims: { total: number; byStatus: StatusCounts };
  verdicts: { byRating: Record<string, number> };
  failureReason: string | null;
  updatedAt: string;
}

@Injectable()
export class ArticlesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobProducer,
  ) {}

  /**
   * Stores the article and its ingestion event in one transaction, then enqueues extraction. The
   * same content or the same Idempotency-Key returns the stored article. If Redis is down the
   * article is still stored (status INGESTED) and the reconciler enqueues its extraction later.
   */
  async ingest(actor: Principal, input: ArticleInput, idempotencyKey?: string): Promise<IngestResult> {
    authorize(actor, 'article.ingest');
    const hash = contentHash(input.title, input.body);
    const existing = await this.findExisting(hash, idempotencyKey);
    if (existing) return { article: existing, created: false };
    let article: Article;
    try {
      article = await this.prisma.$transaction(async (tx) => {
        const row = await tx.article.create({
          data: { ...input, contentHash: hash, idempotencyKey: idempotencyKey ?? null, createdById: actor.id },
        });
        await recordEvent(tx, { type: 'article.ingested', articleId: row.id, actorId: actor.id });
        return { ...row, revision: row.revision + 1 };
      });
    } catch (error) {
      // Two identical requests raced: the loser answers with the winner's article.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const winner = await this.findExisting(hash, idempotencyKey);
        if (winner) return { article: winner, created: false };
      }
      throw error;
    }
    await this.jobs.enqueue([{ queue: 'extract', data: { articleId: article.id } }]);
    return { article, created: true };
  }

  private async findExisting(hash: string, idempotencyKey?: string): Promise<Article | null> {
    if (idempotencyKey) {
      const byKey = await this.prisma.article.findUnique({ where: { idempotencyKey } });
      if (byKey) {
        if (byKey.contentHash !== hash) {
          throw new ConflictError('Idempotency-Key was already used for a different article', {
            field: 'Idempotency-Key',
            articleId: byKey.id,
          });
        }
        return byKey;
      }
    }
    return this.prisma.article.findUnique({ where: { contentHash: hash } });
  }

  async get(actor: Principal, id: string): Promise<Article> {
    authorize(actor, 'article.read');
    const article = await this.prisma.article.findUnique({ where: { id } });
    if (!article) throw new NotFoundError('article', id);
    return article;
  }

  /** Cheap pre-check for conditional GETs: the ETag is the revision. */
  async revision(actor: Principal, id: string): Promise<number> {
    authorize(actor, 'article.read');
    const row = await this.prisma.article.findUnique({ where: { id }, select: { revision: true } });
    if (!row) throw new NotFoundError('article', id);
    return row.revision;
  }

  async status(actor: Principal, id: string): Promise<ArticleStatusView> {
    const article = await this.get(actor, id);
    const [claimRows, ratingRows] = await Promise.all([
      this.prisma.$queryRaw<Array<{ status: ClaimStatus; count: number }>>(
        Prisma.sql`SELECT status::text AS status, count(*)::int AS count FROM "Claim" WHERE "articleId" = ${id}::uuid GROUP BY status`,
      ),
      this.prisma.$queryRaw<Array<{ rating: string; count: number }>>(
        Prisma.sql`SELECT v.rating, count(*)::int AS count FROM "Verdict" v JOIN "Claim" c ON c.id = v."claimId"
                   WHERE c."articleId" = ${id}::uuid AND v.status = 'APPROVED' GROUP BY v.rating`,
      ),
    ]);
    const byStatus = statusCountsFrom(claimRows);
    return {
      articleId: article.id,
      status: article.status,
      revision: article.revision,
      progress: article.status === 'COMPLETED' ? 1 : claimRows.length === 0 ? 0 : articleProgress(byStatus),
      claims: { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus },
      verdicts: { byRating: Object.fromEntries(ratingRows.map((r) => [r.rating, r.count])) },
      failureReason: article.failureReason,
      updatedAt: article.updatedAt.toISOString(),
    };
  }
}
