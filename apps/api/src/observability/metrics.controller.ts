import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '@claimdesk/config';
import { authorizeMetricsScrape } from '@claimdesk/core';
import { MetricsRegistry } from '@claimdesk/observability';
import { Public } from '../auth/public.decorator';
import { TokenCache } from '../auth/token-cache';

/** Prometheus text: HTTP, desk gauges (queues, claims, reviewers), Node process metrics. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly config: AppConfig,
    private readonly tokens: TokenCache,
  ) {}

  // Public to the guard: with CLAIMDESK_METRICS_PUBLIC=true no token is needed, so the check is here.
  @Get()
  @Public()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    await authorizeMetricsScrape(this.config.env.CLAIMDESK_METRICS_PUBLIC, authorization, (token) => this.tokens.authenticate(token));
    void reply.header('Content-Type', this.metrics.contentType()).header('Cache-Control', 'no-store');
    return this.metrics.render();
  }
}
