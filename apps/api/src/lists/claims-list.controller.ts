import { Controller, Get, Query } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { BatchReads, ListsService, type Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { assignmentView, claimView } from '../graphql/views';
import { PageQuery } from '../http/page-query';

export const CLAIM_STATUSES = ['CANDIDATE', 'PENDING', 'ASSIGNED', 'IN_REVIEW', 'SUBMITTED', 'PUBLISHED', 'DISMISSED'] as const;

export class ListClaimsQuery extends PageQuery {
  @IsOptional()
  @IsIn(CLAIM_STATUSES, { message: `status must be one of ${CLAIM_STATUSES.join(', ')}` })
  status?: (typeof CLAIM_STATUSES)[number];

  /** Claims whose live assignment is this reviewer's. */
  @IsOptional()
  @IsUUID('all', { message: 'reviewer must be a UUID' })
  reviewer?: string;

  @IsOptional()
  @IsUUID('all', { message: 'article must be a UUID' })
  article?: string;

  @IsOptional()
  @IsString()
  @Length(1, 60)
  topic?: string;

  /** Substring of the speaker, any case. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  speaker?: string;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  minScore?: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  maxScore?: number;

  /** Only claims whose live assignment is past its due time. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

/** GET /claims: the desk's claims across articles, filtered, newest first, keyset-paginated. */
@Controller('claims')
export class ClaimsListController {
  constructor(
    private readonly lists: ListsService,
    private readonly batch: BatchReads,
  ) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: ListClaimsQuery) {
    const page = await this.lists.claims(actor, {
      status: q.status,
      reviewerId: q.reviewer,
      articleId: q.article,
      topic: q.topic,
      speaker: q.speaker,
      minScore: q.minScore,
      maxScore: q.maxScore,
      overdue: q.overdue,
      cursor: q.cursor,
      limit: q.limit,
    });
    // Two more queries for the whole page, whatever its size: live assignments, then their reviewers.
    const assignments = await this.batch.liveAssignmentsByClaim(page.items.map((c) => c.id));
    const reviewerIds = [...new Set(assignments.flatMap((a) => (a ? [a.reviewerId] : [])))];
    const reviewers = new Map((await this.batch.peopleById(reviewerIds)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
    return {
      items: page.items.map((c, i) => {
        const a = assignments[i];
        const reviewer = a ? reviewers.get(a.reviewerId) : undefined;
        return {
          ...claimView(c),
          assignment: a ? { ...assignmentView(a), reviewer: reviewer ? { id: reviewer.id, name: reviewer.name } : null } : null,
        };
      }),
      next: page.next,
    };
  }
}
