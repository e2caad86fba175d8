import { Injectable, Logger } from '@nestjs/common';
import type { ArticleStatus, Prisma } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { PrismaService, strictWhere } from '@claimdesk/database';
import { DEFAULT_CHECKWORTHY_THRESHOLD, extractClaims, type ExtractedClaim } from '@claimdesk/extraction';
import { JobProducer, type JobRequest } from '@claimdesk/queue';
import { initialStatus } from '@claimdesk/workflow';
import { recordEvent } from '../events/record-event';

/** Article states in which extraction is still due (and may still fail the article). */
const EXTRACTABLE: ArticleStatus[] = ['INGESTED', 'EXTRACTING'];

export type ExtractOutcome = 'extracted' | 'skipped';

/** Extraction failed for a reason retrying cannot fix; the article is marked FAILED with it. */
export class PermanentExtractionError extends Error {}

@Injectable()
export class ExtractArticleService {
  private readonly logger = new Logger(ExtractArticleService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  get threshold(): number {
    return this.config.env.CLAIMDESK_CHECKWORTHY_THRESHOLD ?? DEFAULT_CHECKWORTHY_THRESHOLD;
  }

  /**
   * article -> claims in one transaction. Idempotent: an article that already has claims or is past
   * extraction is skipped, and the (articleId, ordinal) unique key refuses a concurrent second run.
   */
  async extract(articleId: string): Promise<ExtractOutcome> {
    const article = await this.prisma.article.findUnique({ where: { id: articleId } });
    if (!article || (article.status !== 'INGESTED' && article.status !== 'EXTRACTING')) return 'skipped';
    await this.prisma.article.updateMany({ where: strictWhere({ id: articleId, status: 'INGESTED' }), data: { status: 'EXTRACTING' } });

    let claims: ExtractedClaim[];
    try {
      claims = extractClaims(
        { title: article.title, body: article.body, publishedAt: article.publishedAt, language: article.language },
        { threshold: this.threshold },
      ).claims;
    } catch (error) {
      // The extractor is a pure function of the text: the same input fails the same way again.
      throw new PermanentExtractionError(`extraction failed: ${error instanceof Error ? error.message : String(error)}`);
    }

    const threshold = this.threshold;
    const routable = await this.prisma.$transaction(async (tx) => {
      // Serialises concurrent runs for one article (a redelivered job, a reconciler's duplicate): the
      // second sees the first's claims and stops, rather than failing on the unique key.
      await tx.$queryRaw`SELECT 1 FROM "Article" WHERE id = ${articleId}::uuid FOR UPDATE`;
      const already = await tx.claim.count({ where: { articleId } });
      if (already > 0) return null;
      const ids = claims.map(() => crypto.randomUUID());
      const rows: Prisma.ClaimCreateManyInput[] = claims.map((c, i) => ({
        id: ids[i],
        articleId,
        ordinal: c.ordinal,
        text: c.sentence,
        sentence: c.sentence,
        spanStart: c.spanStart,
        spanEnd: c.spanEnd,
        speaker: c.speaker,
        reportingVerb: c.reportingVerb,
        coreText: c.coreText,
        parts: c.parts,
        entities: c.entities as unknown as Prisma.InputJsonValue,
        topics: c.topics,
        score: c.score,
        scoreFeatures: { features: c.features, reason: c.reason } as unknown as Prisma.InputJsonValue,
        // A restatement of an earlier claim is linked to it and never routed twice.
        status: c.duplicateOf === null ? initialStatus(c.score, threshold) : 'CANDIDATE',
        duplicateOfId: c.duplicateOf === null ? null : ids[c.duplicateOf],
        priority: article.priority,
      }));
      await tx.claim.createMany({ data: rows });
      await tx.event.createMany({
        data: rows.map((r) => ({
          type: 'claim.created',
          articleId,
          claimId: r.id,
          payload: { status: r.status, score: r.score, ordinal: r.ordinal },
        })),
      });
      const pending = rows.filter((r) => r.status === 'PENDING');
      const status = pending.length > 0 ? 'IN_REVIEW' : 'COMPLETED';
      await tx.article.update({
        where: { id: articleId },
        data: { status, extractedAt: new Date(), revision: { increment: rows.length } },
      });
      await recordEvent(tx, {
        type: 'article.extracted',
        articleId,
        payload: { claims: rows.length, pending: pending.length, threshold },
      });
      if (status === 'COMPLETED') await recordEvent(tx, { type: 'article.completed', articleId });
      return pending.map((r) => r.id as string);
    });

    if (routable === null) {
      this.logger.warn(`article ${articleId} already had claims; extraction skipped`);
      return 'skipped';
    }
    const jobs: JobRequest[] = routable.map((claimId) => ({
      queue: 'route',
      data: { claimId, version: 1, priority: article.priority },
    }));
    await this.jobs.enqueue(jobs);
    return 'extracted';
  }

  async markFailed(articleId: string, reason: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const updated = await tx.article.updateMany({
        where: strictWhere({ id: articleId, status: { in: EXTRACTABLE } }),
        data: { status: 'FAILED', failureReason: reason.slice(0, 2000) },
      });
      if (updated.count > 0) await recordEvent(tx, { type: 'article.failed', articleId, payload: { reason } });
    });
  }
}
