import type { ArticleInput } from '@claimdesk/core';
import type { IngestArticleDto } from './dto/ingest-article.dto';

/** A validated ingest DTO (REST body or GraphQL input) as the service's input, defaults applied. */
export function toArticleInput(dto: IngestArticleDto): ArticleInput {
  return {
    title: dto.title,
    body: dto.body,
    url: dto.url ?? null,
    outlet: dto.outlet ?? null,
    language: dto.language ?? 'en',
    publishedAt: dto.publishedAt ? new Date(dto.publishedAt) : null,
    priority: dto.priority ?? 'NORMAL',
  };
}
