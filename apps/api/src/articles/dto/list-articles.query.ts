import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LIST_MAX_LIMIT } from '@claimdesk/core';
import { PRIORITIES } from './ingest-article.dto';

export const ARTICLE_STATUSES = ['INGESTED', 'EXTRACTING', 'IN_REVIEW', 'COMPLETED', 'FAILED'] as const;

export class ListArticlesQuery {
  @IsOptional()
  @IsIn(ARTICLE_STATUSES, { message: `status must be one of ${ARTICLE_STATUSES.join(', ')}` })
  status?: (typeof ARTICLE_STATUSES)[number];

  @IsOptional()
  @IsString()
  @Length(1, 200)
  outlet?: string;

  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` })
  priority?: (typeof PRIORITIES)[number];

  /** Ingested at or after. */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from must be an ISO 8601 date' })
  from?: string;

  /** Ingested before. */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to must be an ISO 8601 date' })
  to?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIST_MAX_LIMIT)
  limit?: number;
}
