import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { NotFoundError, PrismaService, ValidationError } from '@claimdesk/database';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { checkLimit, decodeCursor, encodeCursor, type Page } from '../queries/cursor';
import { toClaimReview, type ClaimReviewDocument, type Publisher, type ScaleBounds } from './to-claim-review';

const PUBLISHED: Prisma.VerdictWhereInput = { status: 'APPROVED', claim: { status: 'PUBLISHED' } };
const INCLUDE = { claim: { include: { article: true, reusedFrom: { select: { url: true, authorName: true } } } }, ratingRow: true } satisfies Prisma.VerdictInclude;
type Row = Prisma.VerdictGetPayload<{ include: typeof INCLUDE }>;

export interface ClaimReviewFeedQuery {
  /** Only those published at or after this time. */
  since?: Date;
  cursor?: string;
  limit?: number;
}

/**
 * Published verdicts as schema.org ClaimReview JSON-LD: one claim's, one article's, and the feed of
 * all of them (newest approval first, keyset-paginated on (decidedAt, verdict id)). Any role may
 * read them: a published verdict is public by definition.
 */
@Injectable()
export class ClaimReviewsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  async forClaim(actor: Principal, claimId: string): Promise<ClaimReviewDocument> {
    authorize(actor, 'claim.read');
    const [row] = await this.read({ claimId });
    if (!row) {
      const exists = await this.prisma.claim.count({ where: { id: claimId } });
      throw new NotFoundError(exists ? 'published verdict of claim' : 'claim', claimId);
    }
    return this.document(row, await this.bounds());
  }

  /** Every published ClaimReview of the article, in the order its claims appear. */
  async forArticle(actor: Principal, articleId: string): Promise<ClaimReviewDocument[]> {
    authorize(actor, 'claim.read');
    const [article, rows, bounds] = await Promise.all([
      this.prisma.article.count({ where: { id: articleId } }),
      this.read({ claim: { articleId } }),
      this.bounds(),
    ]);
    if (!article) throw new NotFoundError('article', articleId);
    return rows.sort((a, b) => a.claim.ordinal - b.claim.ordinal).map((row) => this.document(row, bounds));
  }

  async feed(actor: Principal, q: ClaimReviewFeedQuery): Promise<Page<ClaimReviewDocument>> {
    authorize(actor, 'claim.read');
    const limit = checkLimit(q.limit);
    if (q.since && Number.isNaN(q.since.getTime())) throw new ValidationError([{ field: 'since', message: 'must be an ISO 8601 time' }]);
    const cursor = decodeCursor(q.cursor);
    const where: Prisma.VerdictWhereInput = {
      ...(q.since ? { decidedAt: { gte: q.since } } : {}),
      AND: cursor ? [{ OR: [{ decidedAt: { lt: cursor.at } }, { decidedAt: cursor.at, id: { lt: cursor.id } }] }] : [],
    };
    const [rows, bounds] = await Promise.all([this.read(where, limit + 1), this.bounds()]);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((row) => this.document(row, bounds)),
      next: rows.length > limit ? encodeCursor({ createdAt: last.decidedAt!, id: last.id }) : null,
    };
  }

  /** The ClaimReview of a claim whose verdict was just published (webhooks), or null if none. */
  async ofPublishedClaim(claimId: string): Promise<ClaimReviewDocument | null> {
    const [row] = await this.read({ claimId });
    return row ? this.document(row, await this.bounds()) : null;
  }

  private read(where: Prisma.VerdictWhereInput, take = 1000): Promise<Row[]> {
    return this.prisma.verdict.findMany({
      where: { ...PUBLISHED, ...where },
      include: INCLUDE,
      orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  private async bounds(): Promise<ScaleBounds> {
    const { _max, _min } = await this.prisma.ratingScale.aggregate({ _max: { value: true }, _min: { value: true } });
    return { best: _max.value ?? 1, worst: _min.value ?? 1 };
  }

  private get publisher(): Publisher {
    const env = this.config.env;
    return { urlTemplate: env.CLAIMDESK_PUBLIC_URL_TEMPLATE, orgName: env.CLAIMDESK_ORG_NAME, orgUrl: env.CLAIMDESK_ORG_URL };
  }

  private document(row: Row, bounds: ScaleBounds): ClaimReviewDocument {
    return toClaimReview(
      {
        claim: row.claim,
        article: row.claim.article,
        verdict: { rating: row.rating, rationale: row.rationale, decidedAt: row.decidedAt ?? row.updatedAt },
        rating: { label: row.ratingRow.label, value: row.ratingRow.value },
        basedOn: row.claim.reusedFrom,
      },
      this.publisher,
      bounds,
    );
  }
}
