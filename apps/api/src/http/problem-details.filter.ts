import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
  mapPrismaError,
} from '@claimdesk/database';

const STATUS_BY_ERROR = new Map<new (...args: never[]) => DomainError, number>([
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [UnavailableError, 503],
]);

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  [extension: string]: unknown;
}

/**
 * The one place REST errors are shaped: RFC 9457 problem+json from domain errors, Nest HTTP errors
 * and Fastify's own (body too large, bad JSON). Anything else is a bug: logged with its stack,
 * answered 500 without one.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request.url);
    if (problem.status >= 500 && problem.status !== 503) {
      this.logger.error(`${request.method} ${request.url}: ${String(exception)}`, (exception as Error)?.stack);
    }
    if (problem.status === 503) void reply.header('Retry-After', '5');
    if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
    void reply.status(problem.status).header('Content-Type', 'application/problem+json').send(problem);
  }

  private toProblem(exception: unknown, instance: string): Problem {
    const domain = mapPrismaError(exception);
    if (domain) {
      const status = STATUS_BY_ERROR.get(domain.constructor as never) ?? 500;
      return this.problem(status, domain.message, instance, domain.code, domain.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? ((response as { message: string[] }).message).join('; ')
            : String((response as { message?: unknown }).message ?? exception.message);
      return this.problem(status, message, instance, `HTTP_${status}`);
    }
    const fastify = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      const extra = fastify.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(fastify.message ?? '')
        ? { errors: [{ field: 'body', message: 'is not valid JSON' }] }
        : {};
      return this.problem(fastify.statusCode, fastify.message ?? 'bad request', instance, fastify.code ?? 'BAD_REQUEST', extra);
    }
    return this.problem(500, 'internal error', instance, 'INTERNAL');
  }

  private problem(status: number, detail: string, instance: string, code: string, extensions: Record<string, unknown> = {}): Problem {
    const title = TITLES[status] ?? 'Error';
    return {
      type: `https://claimdesk.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
      title,
      status,
      detail,
      instance,
      code,
      ...extensions,
    };
  }
}
