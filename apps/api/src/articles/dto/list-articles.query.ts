import { IsDateString, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PRIORITIES } from './ingest-article.dto';
import { PageQuery } from '../../http/page-query';

export const ARTICLE_STATUSES = ['INGESTED', 'EXTRACTING', 'IN_REVIEW', 'COMPLETED', 'FAILED'] as const;

export class ListArticlesQuery extends PageQuery {
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
}
