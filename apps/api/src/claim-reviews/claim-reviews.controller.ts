import { Controller, Get, Param, Query } from '@nestjs/common';
import { IsDateString, IsOptional } from 'class-validator';
import { ClaimReviewsService, type Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PageQuery } from '../http/page-query';
import { uuidParam } from '../http/validation';

export class ClaimReviewFeedQuery extends PageQuery {
  /** Only ClaimReviews published at or after this time. */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'since must be an ISO 8601 date' })
  since?: string;
}

/** Published verdicts as schema.org ClaimReview JSON-LD (libs/core/src/claim-review). */
@Controller()
export class ClaimReviewsController {
  constructor(private readonly reviews: ClaimReviewsService) {}

  /** 404 while the claim has no published verdict. */
  @Get('claims/:id/claim-review')
  forClaim(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.reviews.forClaim(actor, id);
  }

  @Get('articles/:id/claim-reviews')
  forArticle(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.reviews.forArticle(actor, id);
  }

  /** Every published ClaimReview, newest first; pass `next` back as `cursor`. */
  @Get('claim-reviews')
  feed(@CurrentPrincipal() actor: Principal, @Query() q: ClaimReviewFeedQuery) {
    return this.reviews.feed(actor, { since: q.since ? new Date(q.since) : undefined, cursor: q.cursor, limit: q.limit });
  }
}
