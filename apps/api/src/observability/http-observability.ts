import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Histogram } from 'prom-client';
import { MetricsRegistry, runWithLogFields } from '@claimdesk/observability';

/**
 * Per request: the request id (Fastify's `request.id`, from a safe `x-request-id` or a new UUID: see
 * createApiApp's genReqId) echoed as `x-request-id` and made the log context of the handler, so every
 * line it logs and every job it enqueues carries it; and the duration, by route pattern and status,
 * in a histogram. Nothing is logged per request at `info` (a poller's 10,000 requests/s would be
 * 10,000 lines/s); errors are logged where they are handled.
 */
export function installHttpObservability(app: NestFastifyApplication, metrics: MetricsRegistry): void {
  const instance = app.getHttpAdapter().getInstance();
  const duration = new Histogram({
    name: 'claimdesk_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics.registry],
  });
  // Callback-style hooks: no promise per request on the polling path. Set first, the header is on
  // every answer, a refusal before any handler included.
  instance.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // Fastify calls the handler from done(), so the handler runs inside the context.
  instance.addHook('preHandler', (request, _reply, done) => runWithLogFields({ requestId: request.id }, done));
  instance.addHook('onResponse', (request, reply, done) => {
    // The pattern (`/articles/:id`), never the path: one series per route, not per article.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}
