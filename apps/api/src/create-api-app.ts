import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadEnv, type Env } from '@claimdesk/config';
import { TokensService } from '@claimdesk/core';
import { MetricsRegistry, PinoNestLogger, appLogger, requestIdFrom, type AppLogOptions } from '@claimdesk/observability';
import { JobProducer } from '@claimdesk/queue';
import { ApiModule } from './api.module';
import { registerBoard } from './board/board-assets';
import { clientErrorHandler, explainBodyError, registerBodyParsers } from './http/body-parsers';
import { problemFor, sendProblem } from './http/problem-details.filter';
import { validationPipe } from './http/validation';
import { CallerLimits } from './limits/caller-limits';
import { installHttpObservability } from './observability/http-observability';
import { API_CSP, docsCsp, redirectDocsAliases } from './openapi/docs-security';
import { setupOpenApi } from './openapi/openapi';
import { BoardSessions } from './queue-board/board-sessions';
import { registerQueueBoard } from './queue-board/queue-board';

/** Builds the API exactly as production runs it; tests call this with their own Env. */
export async function createApiApp(env: Env = loadEnv(), options: AppLogOptions = {}): Promise<NestFastifyApplication> {
  const log = appLogger('api', env, options);
  const metrics = new MetricsRegistry('api');
  const adapter = new FastifyAdapter({
    bodyLimit: env.CLAIMDESK_MAX_BODY_BYTES,
    trustProxy: env.CLAIMDESK_TRUST_PROXY,
    clientErrorHandler,
    // x-request-id in: kept when short and safe (request-context.ts), else replaced by a new UUID.
    genReqId: (request: { headers: Record<string, unknown> }) => requestIdFrom(request.headers['x-request-id']),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(env, log, metrics), adapter, {
    logger: new PinoNestLogger(log),
    bufferLogs: false,
    // Our own parsers (body-parsers.ts): UTF-8 checked, no form parser.
    bodyParser: false,
    // A start-up error is thrown to the caller (main.ts exits 1, a test fails) instead of process.exit.
    abortOnError: false,
  });
  app.useGlobalPipes(validationPipe);
  setupOpenApi(app);
  const instance = app.getHttpAdapter().getInstance();
  installHttpObservability(app, metrics);
  await registerQueueBoard(app, app.get(JobProducer), app.get(BoardSessions));
  registerBodyParsers(instance as unknown as Parameters<typeof registerBodyParsers>[0], env.CLAIMDESK_MAX_BODY_BYTES);
  instance.addHook('onRequest', app.get(CallerLimits).onRequest);
  redirectDocsAliases(instance as unknown as Parameters<typeof redirectDocsAliases>[0]);
  instance.addHook('onSend', async (request, reply, payload) => {
    // A page that sets its own policy keeps it (the board: board-assets.ts); the queue board's page is
    // Bull Board's own and gets none from here; /docs gets one with its inline styles' hashes.
    if (!reply.hasHeader('Content-Security-Policy')) {
      const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
      if (html && request.url.startsWith('/docs')) reply.header('Content-Security-Policy', docsCsp(typeof payload === 'string' || Buffer.isBuffer(payload) ? String(payload) : ''));
      else if (!(html && request.url.startsWith('/admin/queues'))) reply.header('Content-Security-Policy', API_CSP);
    }
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });
  // Errors Fastify raises before a handler runs (body too large, bad JSON, a poisoned __proto__ key,
  // an unsupported media type) are problem+json like every other. The handler must be set before
  // init registers the routes (a route keeps the handler of its registration); Nest's own, set after
  // the routes, would reach none of them and only trigger Fastify's override warning, so it is skipped.
  instance.setErrorHandler((error, request, reply) => {
    const problem = problemFor(explainBodyError(error, env.CLAIMDESK_MAX_BODY_BYTES, request.headers['content-type']), request.url);
    if (problem.status >= 500 && problem.status !== 503) new Logger('Http').error(`${request.method} ${request.url}: ${String(error)}`, (error as Error)?.stack);
    sendProblem(reply, problem);
  });
  adapter.setErrorHandler = () => instance;
  registerBoard(app);
  await app.init();
  const config = app.get(AppConfig);
  if (config.env.CLAIMDESK_ADMIN_TOKEN) await app.get(TokensService).ensureBootstrapAdmin(config.env.CLAIMDESK_ADMIN_TOKEN);
  return app;
}
