import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig } from '@claimdesk/config';
import { authorizeMetricsScrape, TokensService } from '@claimdesk/core';
import { ForbiddenError, UnauthenticatedError } from '@claimdesk/database';
import { MetricsRegistry } from '@claimdesk/observability';

/**
 * The worker's own small HTTP port for Prometheus (the worker serves no other HTTP): `GET /metrics`
 * on CLAIMDESK_WORKER_METRICS_HOST:CLAIMDESK_WORKER_METRICS_PORT (127.0.0.1:9464 by default; port 0
 * turns it off). Same rule as the API's /metrics: an admin bearer token unless
 * CLAIMDESK_METRICS_PUBLIC=true; and by default only this machine can reach it. A port already taken
 * (a second worker on one host) is logged and the worker runs on without it.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WorkerMetrics');
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: MetricsRegistry,
    private readonly tokens: TokensService,
  ) {}

  /** The bound port (a test asks), or undefined when off or not bound. */
  port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { CLAIMDESK_WORKER_METRICS_PORT: port, CLAIMDESK_WORKER_METRICS_HOST: host } = this.config.env;
    if (port === 0) return;
    const server = createServer((request, response) => {
      void this.answer(request.method, request.url, request.headers.authorization).then(({ status, type, body }) => {
        response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
      });
    });
    await new Promise<void>((resolve) => {
      server.once('error', (error) => {
        this.logger.error(`metrics port ${host}:${port} not opened: ${error.message}`);
        resolve();
      });
      server.listen(port, host, () => {
        this.server = server;
        this.logger.log(`metrics on http://${host}:${port}/metrics`);
        resolve();
      });
    });
  }

  private async answer(method: string | undefined, url: string | undefined, authorization: string | undefined): Promise<{ status: number; type: string; body: string }> {
    if (method !== 'GET' || url?.split('?')[0] !== '/metrics') return problem(404, 'NOT_FOUND', 'only GET /metrics is served here');
    try {
      await authorizeMetricsScrape(this.config.env.CLAIMDESK_METRICS_PUBLIC, authorization, (token) => this.tokens.authenticate(token));
      return { status: 200, type: this.metrics.contentType(), body: await this.metrics.render() };
    } catch (error) {
      if (error instanceof UnauthenticatedError) return problem(401, error.code, error.message);
      if (error instanceof ForbiddenError) return problem(403, error.code, error.message);
      this.logger.error(`metrics scrape failed: ${String(error)}`);
      return problem(503, 'UNAVAILABLE', 'metrics could not be read now');
    }
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

function problem(status: number, code: string, detail: string) {
  return { status, type: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', status, code, detail }) };
}
