import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ArticlesService, ClaimsQueryService, ListsService, type Principal } from '@claimdesk/core';
import { ValidationError } from '@claimdesk/database';
import { splitPlainText } from '@claimdesk/extraction';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { notModified } from '../http/conditional-get';
import { uuidParam, validationPipe } from '../http/validation';
import { ListArticlesQuery } from './dto/list-articles.query';
import { IngestArticleDto } from './dto/ingest-article.dto';
import { toArticleInput } from './article-input.mapper';
import { toArticleView } from './article.view';

@Controller('articles')
export class ArticlesController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly claims: ClaimsQueryService,
    private readonly lists: ListsService,
  ) {}

  /** Newest first, keyset-paginated: pass `next` back as `cursor`. */
  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: ListArticlesQuery) {
    const page = await this.lists.articles(actor, {
      status: q.status,
      outlet: q.outlet,
      priority: q.priority,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      cursor: q.cursor,
      limit: q.limit,
    });
    return { items: page.items.map(toArticleView), next: page.next };
  }

  /** JSON per the contract, or text/plain: first line the headline, the rest the body. */
  @Post()
  @HttpCode(202)
  async ingest(
    @CurrentPrincipal() actor: Principal,
    @Body() raw: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const dto = await this.parse(raw, contentType);
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw new ValidationError([{ field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }]);
    }
    const { article, created } = await this.articles.ingest(
      actor,
      toArticleInput(dto),
      idempotencyKey,
    );
    void reply.status(created ? 202 : 200).header('Location', `/articles/${article.id}`);
    return toArticleView(article);
  }

  private async parse(raw: unknown, contentType: string | undefined): Promise<IngestArticleDto> {
    if ((contentType ?? '').startsWith('text/plain')) {
      if (typeof raw !== 'string' || raw.trim() === '') {
        throw new ValidationError([{ field: 'body', message: 'must be a headline line followed by the article text' }]);
      }
      const { title, body } = splitPlainText(raw);
      if (!body.trim()) throw new ValidationError([{ field: 'body', message: 'has a headline but no article text' }]);
      return validationPipe.transform({ title, body }, { type: 'body', metatype: IngestArticleDto });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ValidationError([{ field: 'body', message: 'must be a JSON object (or text/plain)' }]);
    }
    return validationPipe.transform(raw, { type: 'body', metatype: IngestArticleDto });
  }

  @Get(':id')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return toArticleView(await this.articles.get(actor, id));
  }

  /**
   * Dashboards poll this. An unchanged revision answers 304 from memory: the token is cached (30 s)
   * and the revision is kept current by Postgres's notifications, so that path makes no query.
   */
  @Get(':id/status')
  async status(
    @CurrentPrincipal() actor: Principal,
    @Param('id', uuidParam()) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (ifNoneMatch && notModified(reply, ifNoneMatch, etagFor(id, await this.articles.revision(actor, id)))) return undefined;
    const view = await this.articles.status(actor, id);
    void reply.header('ETag', etagFor(id, view.revision)).header('Cache-Control', 'no-cache');
    return view;
  }

  @Get(':id/claims')
  async claimsOf(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.claims.forArticle(actor, id);
  }
}

export function etagFor(id: string, revision: number): string {
  return `"${id}.${revision}"`;
}
