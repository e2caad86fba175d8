import { Injectable } from '@nestjs/common';
import { Prisma, type Article } from '@prisma/client';
import { ConflictError, NotFoundError, PrismaService } from '@claimdesk/database';
import { JobProducer } from '@claimdesk/queue';
import { articleProgress, statusCountsFrom, type ClaimStatus, type StatusCounts } from '@claimdesk/workflow';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { recordEvent } from '../events/record-event';
import { LiveUpdates } from '../live/live-updates.service';
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

const MAX_CACHED_STATUS_VIEWS = 10_000;

@Injectable()
export class ArticlesService {
  private readonly statusViews = new Map<string, ArticleStatusView>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobProducer,
    private readonly live: LiveUpdates,
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

  /**
   * Cheap pre-check for conditional GETs: the ETag is the revision. While the API listens to
   * Postgres's notifications a known article's revision comes from memory, without a query.
   */
  async revision(actor: Principal, id: string): Promise<number> {
    authorize(actor, 'article.read');
    const cached = this.live.cachedArticleRevision(id);
    if (cached !== undefined) return cached;
    const row = await this.prisma.article.findUnique({ where: { id }, select: { revision: true } });
    if (!row) throw new NotFoundError('article', id);
    this.live.rememberArticleRevision(id, row.revision);
    return row.revision;
  }

  /**
   * From the trigger-kept counters, in one statement that reads neither the article's text nor its
   * claims: its cost does not grow with the article or the desk.
   */
  async status(actor: Principal, id: string): Promise<ArticleStatusView> {
    authorize(actor, 'article.read');
    // Every change that the view shows bumps the revision (one event each), so a view computed at
    // the revision this process knows to be current is current: answered without Postgres.
    const known = this.live.cachedArticleRevision(id);
    const hit = known === undefined ? undefined : this.statusViews.get(id);
    if (hit && hit.revision === known) return hit;
    const view = await this.readStatus(id);
    if (this.live.isListening) {
      if (this.statusViews.size >= MAX_CACHED_STATUS_VIEWS) this.statusViews.clear();
      this.statusViews.set(id, view);
    }
    return view;
  }

  private async readStatus(id: string): Promise<ArticleStatusView> {
    const [article] = await this.prisma.$queryRaw<
      Array<Pick<Article, 'id' | 'status' | 'revision' | 'failureReason' | 'updatedAt'> & {
        claims: Record<string, number> | null;
        ratings: Record<string, number> | null;
      }>
    >(Prisma.sql`
      SELECT a.id::text AS id, a.status::text AS status, a.revision, a."failureReason", a."updatedAt",
        (SELECT json_object_agg(c.status, c.count) FROM "ArticleClaimCount" c WHERE c."articleId" = a.id AND c.count > 0) AS claims,
        (SELECT json_object_agg(r.rating, r.count) FROM "ArticleRatingCount" r WHERE r."articleId" = a.id AND r.count > 0) AS ratings
      FROM "Article" a WHERE a.id = ${id}::uuid`);
    if (!article) throw new NotFoundError('article', id);
    const claimRows = Object.entries(article.claims ?? {}).map(([status, count]) => ({ status: status as ClaimStatus, count }));
    const ratingRows = Object.entries(article.ratings ?? {}).map(([rating, count]) => ({ rating, count }));
    this.live.rememberArticleRevision(id, article.revision);
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
